-- colsync accounts_id_bigint: validate / add NOT NULL on the new column as NOT VALID.
-- One transaction; a short ACCESS EXCLUSIVE lock, no table scan. New writes are checked from now on.
SET LOCAL lock_timeout = '2000ms';
SET LOCAL statement_timeout = '30000ms';
DO $colsync$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_catalog.pg_constraint
                 WHERE conrelid = '"public"."accounts"'::pg_catalog.regclass AND conname = 'colsync_accounts_id_bigint_new_not_null')
     AND NOT (SELECT attnotnull FROM pg_catalog.pg_attribute
              WHERE attrelid = '"public"."accounts"'::pg_catalog.regclass AND attname = 'id_colsync_new') THEN
    ALTER TABLE "public"."accounts" ADD CONSTRAINT "colsync_accounts_id_bigint_new_not_null" CHECK ("id_colsync_new" IS NOT NULL) NOT VALID;
  END IF;
END
$colsync$;
