-- colsync accounts_id_bigint: validate / drop constraint "colsync_accounts_id_bigint_entries_account_id_fkey".
-- One transaction; a short lock.
SET LOCAL lock_timeout = '2000ms';
SET LOCAL statement_timeout = '30000ms';
ALTER TABLE "public"."entries" DROP CONSTRAINT IF EXISTS "colsync_accounts_id_bigint_entries_account_id_fkey";
