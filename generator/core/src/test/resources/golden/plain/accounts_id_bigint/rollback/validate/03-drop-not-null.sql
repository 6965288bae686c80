-- colsync accounts_id_bigint: rollback of validate / drop NOT NULL from the new column.
-- One transaction; a short ACCESS EXCLUSIVE lock.
SET LOCAL lock_timeout = '2000ms';
SET LOCAL statement_timeout = '30000ms';
ALTER TABLE "public"."accounts" ALTER COLUMN "id_colsync_new" DROP NOT NULL;
ALTER TABLE "public"."accounts" DROP CONSTRAINT IF EXISTS "colsync_accounts_id_bigint_new_not_null";
