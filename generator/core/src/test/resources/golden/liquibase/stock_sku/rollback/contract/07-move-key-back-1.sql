-- colsync stock_sku: rollback of contract / move the primary key back onto the old column.
-- One transaction; a short lock. Safe to run twice: it moves the key only while the new column's index
-- holds it; the old column's unique index, built just before, becomes the key.
SET LOCAL lock_timeout = '2000ms';
SET LOCAL statement_timeout = '30000ms';
DO $colsync$
BEGIN
  IF EXISTS (SELECT FROM pg_catalog.pg_constraint
             WHERE conrelid = '"shop"."stock"'::pg_catalog.regclass AND conname = 'colsync_stock_sku_stock_key' AND contype = 'p') THEN
    ALTER TABLE "shop"."stock" DROP CONSTRAINT "colsync_stock_sku_stock_key";
    ALTER TABLE "shop"."stock" ADD CONSTRAINT "stock_key" PRIMARY KEY USING INDEX "stock_key";
  END IF;
END
$colsync$;
