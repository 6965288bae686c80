-- colsync:no-transaction
-- colsync accounts_id_bigint: indexes / drop index "colsync_accounts_id_bigint_accounts_pkey".
-- Outside a transaction: DROP INDEX CONCURRENTLY blocks no reads or writes.
SET lock_timeout = '2000ms';
DROP INDEX CONCURRENTLY IF EXISTS "public"."colsync_accounts_id_bigint_accounts_pkey";
RESET lock_timeout;
