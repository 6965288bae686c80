-- colsync accounts_id_bigint: validate / drop constraint "colsync_accounts_id_bigint_accounts_id_check".
-- One transaction; a short lock.
SET LOCAL lock_timeout = '2000ms';
SET LOCAL statement_timeout = '30000ms';
ALTER TABLE "public"."accounts" DROP CONSTRAINT IF EXISTS "colsync_accounts_id_bigint_accounts_id_check";
