-- colsync stock_sku: rollback of contract / add NOT NULL on the old column as NOT VALID.
-- One transaction; a short ACCESS EXCLUSIVE lock, no table scan. New writes are checked from now on.
SET LOCAL lock_timeout = '2000ms';
SET LOCAL statement_timeout = '30000ms';
DO $colsync$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_catalog.pg_constraint
                 WHERE conrelid = '"shop"."stock"'::pg_catalog.regclass AND conname = 'colsync_stock_sku_old_not_null')
     AND NOT (SELECT attnotnull FROM pg_catalog.pg_attribute
              WHERE attrelid = '"shop"."stock"'::pg_catalog.regclass AND attname = 'code') THEN
    ALTER TABLE "shop"."stock" ADD CONSTRAINT "colsync_stock_sku_old_not_null" CHECK ("code" IS NOT NULL) NOT VALID;
  END IF;
END
$colsync$;
