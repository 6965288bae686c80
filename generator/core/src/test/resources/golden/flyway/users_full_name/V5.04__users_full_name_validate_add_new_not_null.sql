-- colsync users_full_name: validate / add NOT NULL on the new column as NOT VALID.
-- One transaction; a short ACCESS EXCLUSIVE lock, no table scan. New writes are checked from now on.
SET LOCAL lock_timeout = '2000ms';
SET LOCAL statement_timeout = '30000ms';
DO $colsync$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_catalog.pg_constraint
                 WHERE conrelid = '"public"."users"'::pg_catalog.regclass AND conname = 'colsync_users_full_name_new_not_null')
     AND NOT (SELECT attnotnull FROM pg_catalog.pg_attribute
              WHERE attrelid = '"public"."users"'::pg_catalog.regclass AND attname = 'full_name') THEN
    ALTER TABLE "public"."users" ADD CONSTRAINT "colsync_users_full_name_new_not_null" CHECK ("full_name" IS NOT NULL) NOT VALID;
  END IF;
END
$colsync$;
