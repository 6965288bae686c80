-- colsync accounts_id_bigint: validate / add constraint "colsync_accounts_id_bigint_accounts_id_check" as NOT VALID.
-- One transaction; a short lock, no table scan. New writes are checked from now on.
SET LOCAL lock_timeout = '2000ms';
SET LOCAL statement_timeout = '30000ms';
DO $colsync$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_catalog.pg_constraint
                 WHERE conrelid = '"public"."accounts"'::pg_catalog.regclass AND conname = 'colsync_accounts_id_bigint_accounts_id_check') THEN
    ALTER TABLE "public"."accounts" ADD CONSTRAINT "colsync_accounts_id_bigint_accounts_id_check" CHECK (("id_colsync_new" > 0)) NOT VALID;
  END IF;
END
$colsync$;
