-- colsync accounts_id_bigint: contract / drop the sync trigger, its functions and the old column.
-- One transaction, so no write ever sees the column gone and the trigger still there.
-- Only N may be running. Takes ACCESS EXCLUSIVE on the table for milliseconds.
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
ALTER TABLE "public"."accounts" DROP COLUMN IF EXISTS "id_colsync_old";
ALTER INDEX IF EXISTS "public"."colsync_accounts_id_bigint_accounts_id_owner" RENAME TO "accounts_id_owner";
DO $colsync$
BEGIN
  IF EXISTS (SELECT FROM pg_catalog.pg_constraint WHERE conrelid = '"public"."accounts"'::pg_catalog.regclass AND conname = 'colsync_accounts_id_bigint_accounts_id_check') THEN
    ALTER TABLE "public"."accounts" RENAME CONSTRAINT "colsync_accounts_id_bigint_accounts_id_check" TO "accounts_id_check";
  END IF;
END
$colsync$;
DROP PROCEDURE IF EXISTS "public"."colsync_accounts_id_bigint_backfill"(text, integer, interval, boolean);
DROP TABLE IF EXISTS "public"."colsync_accounts_id_bigint_backfill_state";
