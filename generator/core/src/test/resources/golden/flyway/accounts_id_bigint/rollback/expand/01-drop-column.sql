-- colsync accounts_id_bigint: rollback of expand / drop the sync trigger, its functions and the new column.
-- One transaction; N-1 only. Takes ACCESS EXCLUSIVE on the table for milliseconds.
SET LOCAL lock_timeout = '2000ms';
SET LOCAL statement_timeout = '30000ms';
LOCK TABLE "public"."accounts" IN ACCESS EXCLUSIVE MODE;
DROP TRIGGER IF EXISTS "colsync_accounts_id_bigint_new_written" ON "public"."accounts";
DROP TRIGGER IF EXISTS "colsync_accounts_id_bigint_sync" ON "public"."accounts";
DROP FUNCTION IF EXISTS "public"."colsync_accounts_id_bigint_sync"();
DROP FUNCTION IF EXISTS "public"."colsync_accounts_id_bigint_to_new"(integer);
DROP FUNCTION IF EXISTS "public"."colsync_accounts_id_bigint_to_old"(bigint);
DROP FUNCTION IF EXISTS "public"."colsync_accounts_id_bigint_old_differs"(integer, integer);
DROP FUNCTION IF EXISTS "public"."colsync_accounts_id_bigint_new_differs"(bigint, bigint);
ALTER TABLE "public"."accounts" DROP COLUMN IF EXISTS "id_colsync_new";
