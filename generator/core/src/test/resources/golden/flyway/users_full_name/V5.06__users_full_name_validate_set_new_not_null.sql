-- colsync users_full_name: validate / mark the new column NOT NULL and drop the check.
-- One transaction; a short ACCESS EXCLUSIVE lock, no table scan.
SET LOCAL lock_timeout = '2000ms';
SET LOCAL statement_timeout = '30000ms';
-- The validated check proves there is no NULL, so SET NOT NULL skips its table scan (PostgreSQL 12+).
ALTER TABLE "public"."users" ALTER COLUMN "full_name" SET NOT NULL;
ALTER TABLE "public"."users" DROP CONSTRAINT IF EXISTS "colsync_users_full_name_new_not_null";
