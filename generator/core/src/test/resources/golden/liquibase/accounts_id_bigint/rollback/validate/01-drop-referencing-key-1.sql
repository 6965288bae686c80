-- colsync accounts_id_bigint: validate / drop constraint "colsync_accounts_id_bigint_entries_account_id_fkey".
-- One transaction; a short lock.
SET LOCAL lock_timeout = '2000ms';
SET LOCAL statement_timeout = '30000ms';
-- This table's lock first, the other's only if free at once: never wait while holding one.
LOCK TABLE "public"."accounts" IN ACCESS EXCLUSIVE MODE;
LOCK TABLE "public"."entries" IN ACCESS EXCLUSIVE MODE NOWAIT;
ALTER TABLE "public"."entries" DROP CONSTRAINT IF EXISTS "colsync_accounts_id_bigint_entries_account_id_fkey";
