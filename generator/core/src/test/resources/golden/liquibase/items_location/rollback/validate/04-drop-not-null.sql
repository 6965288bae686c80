-- colsync items_location: rollback of validate / drop NOT NULL from the new column.
-- One transaction; a short ACCESS EXCLUSIVE lock.
SET LOCAL lock_timeout = '2000ms';
SET LOCAL statement_timeout = '30000ms';
ALTER TABLE "shop"."items" ALTER COLUMN "location" DROP NOT NULL;
ALTER TABLE "shop"."items" DROP CONSTRAINT IF EXISTS "colsync_items_location_new_not_null";
