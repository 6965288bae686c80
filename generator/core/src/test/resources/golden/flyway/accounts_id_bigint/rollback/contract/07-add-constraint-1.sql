-- colsync accounts_id_bigint: rollback of contract / add constraint "accounts_id_check" as NOT VALID.
-- One transaction; a short lock, no table scan. New writes are checked from now on.
SET LOCAL lock_timeout = '2000ms';
SET LOCAL statement_timeout = '30000ms';
DO $colsync$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_catalog.pg_constraint
                 WHERE conrelid = '"public"."accounts"'::pg_catalog.regclass AND conname = 'accounts_id_check') THEN
    ALTER TABLE "public"."accounts" ADD CONSTRAINT "accounts_id_check" CHECK (("id_colsync_old" > 0)) NOT VALID;
  END IF;
END
$colsync$;
