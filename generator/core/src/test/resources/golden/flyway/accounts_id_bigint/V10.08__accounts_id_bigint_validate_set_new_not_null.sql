-- colsync accounts_id_bigint: validate / mark the new column NOT NULL and drop the check.
-- One transaction; a short ACCESS EXCLUSIVE lock, no table scan.
SET LOCAL lock_timeout = '2000ms';
SET LOCAL statement_timeout = '30000ms';
-- The validated check proves there is no NULL, so SET NOT NULL skips its table scan (PostgreSQL 12+).
ALTER TABLE "public"."accounts" ALTER COLUMN "id_colsync_new" SET NOT NULL;
ALTER TABLE "public"."accounts" DROP CONSTRAINT IF EXISTS "colsync_accounts_id_bigint_new_not_null";
