-- colsync:no-transaction
-- colsync accounts_id_bigint: indexes / build index "colsync_accounts_id_bigint_accounts_pkey" on the new column.
-- Statement by statement, outside a transaction: CREATE INDEX CONCURRENTLY takes SHARE UPDATE EXCLUSIVE,
-- which blocks no reads or writes. An INVALID leftover of an earlier failed build is moved aside and
-- dropped first; an index that was built already is left alone, so running this again is a no-op.
SET lock_timeout = '2000ms';
DO $colsync$
BEGIN
  IF EXISTS (SELECT FROM pg_catalog.pg_index i
             JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid
             JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = 'public' AND c.relname = 'colsync_accounts_id_bigint_accounts_pkey' AND NOT i.indisvalid) THEN
    ALTER INDEX "public"."colsync_accounts_id_bigint_accounts_pkey" RENAME TO "colsync_accounts_id_bigint_accounts_pkey_invalid";
  END IF;
END
$colsync$;
DROP INDEX CONCURRENTLY IF EXISTS "public"."colsync_accounts_id_bigint_accounts_pkey_invalid";
-- Waiting for older transactions to finish is part of a concurrent build and harms no one: no lock_timeout.
SET lock_timeout = 0;
SET statement_timeout = 0;
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "colsync_accounts_id_bigint_accounts_pkey" ON "public"."accounts" USING btree ("id_colsync_new");
-- Leave the session as it was for whatever runs next on this connection.
RESET statement_timeout;
RESET lock_timeout;
