-- colsync:no-transaction
-- colsync stock_sku: rollback of contract / build index "colsync_stock_sku_stock_key" on the new column.
-- Statement by statement, outside a transaction: CREATE INDEX CONCURRENTLY takes SHARE UPDATE EXCLUSIVE,
-- which blocks no reads or writes. An INVALID leftover of an earlier failed build is moved aside and
-- dropped first; an index that was built already is left alone, so running this again is a no-op.
SET lock_timeout = '2000ms';
DO $colsync$
BEGIN
  IF EXISTS (SELECT FROM pg_catalog.pg_index i
             JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid
             JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = 'shop' AND c.relname = 'colsync_stock_sku_stock_key' AND NOT i.indisvalid) THEN
    ALTER INDEX "shop"."colsync_stock_sku_stock_key" RENAME TO "colsync_stock_sku_stock_key_invalid";
  END IF;
END
$colsync$;
DROP INDEX CONCURRENTLY IF EXISTS "shop"."colsync_stock_sku_stock_key_invalid";
-- Waiting for older transactions to finish is part of a concurrent build and harms no one: no lock_timeout.
SET lock_timeout = 0;
SET statement_timeout = 0;
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "colsync_stock_sku_stock_key" ON "shop"."stock" USING btree (tenant, "sku");
-- Leave the session as it was for whatever runs next on this connection.
RESET statement_timeout;
RESET lock_timeout;
