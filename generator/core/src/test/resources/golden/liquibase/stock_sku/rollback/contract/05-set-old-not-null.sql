-- colsync stock_sku: rollback of contract / mark the old column NOT NULL and drop the check.
-- One transaction; a short ACCESS EXCLUSIVE lock, no table scan.
SET LOCAL lock_timeout = '2000ms';
SET LOCAL statement_timeout = '30000ms';
-- The validated check proves there is no NULL, so SET NOT NULL skips its table scan (PostgreSQL 12+).
ALTER TABLE "shop"."stock" ALTER COLUMN "code" SET NOT NULL;
ALTER TABLE "shop"."stock" DROP CONSTRAINT IF EXISTS "colsync_stock_sku_old_not_null";
