-- colsync accounts_id_bigint: validate / validate constraint "colsync_accounts_id_bigint_accounts_id_check".
-- One transaction; scans under SHARE UPDATE EXCLUSIVE, which blocks no reads or writes, so the
-- statement timeout is lifted for it.
SET LOCAL lock_timeout = '2000ms';
SET LOCAL statement_timeout = 0;
DO $colsync$
BEGIN
  IF EXISTS (SELECT FROM pg_catalog.pg_constraint
             WHERE conrelid = '"public"."accounts"'::pg_catalog.regclass AND conname = 'colsync_accounts_id_bigint_accounts_id_check' AND NOT convalidated) THEN
    ALTER TABLE "public"."accounts" VALIDATE CONSTRAINT "colsync_accounts_id_bigint_accounts_id_check";
  END IF;
END
$colsync$;
