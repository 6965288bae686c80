-- colsync items_location: validate / drop constraint "colsync_items_location_items_path_check".
-- One transaction; a short lock.
SET LOCAL lock_timeout = '2000ms';
SET LOCAL statement_timeout = '30000ms';
ALTER TABLE "shop"."items" DROP CONSTRAINT IF EXISTS "colsync_items_location_items_path_check";
