-- colsync stock_sku: rollback of contract / validate NOT NULL on the old column.
-- One transaction; scans the table under SHARE UPDATE EXCLUSIVE, which blocks no reads or writes,
-- so the statement timeout is lifted for it.
SET LOCAL lock_timeout = '2000ms';
SET LOCAL statement_timeout = 0;
DO $colsync$
BEGIN
  IF EXISTS (SELECT FROM pg_catalog.pg_constraint
             WHERE conrelid = '"shop"."stock"'::pg_catalog.regclass AND conname = 'colsync_stock_sku_old_not_null' AND NOT convalidated) THEN
    ALTER TABLE "shop"."stock" VALIDATE CONSTRAINT "colsync_stock_sku_old_not_null";
  END IF;
END
$colsync$;
