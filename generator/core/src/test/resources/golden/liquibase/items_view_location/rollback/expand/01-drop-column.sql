-- colsync items_view_location: rollback of expand / drop the sync trigger, its functions and the new column.
-- One transaction; N-1 only. Takes ACCESS EXCLUSIVE on the table for milliseconds.
SET LOCAL lock_timeout = '2000ms';
SET LOCAL statement_timeout = '30000ms';
LOCK TABLE "shop"."items" IN ACCESS EXCLUSIVE MODE;
DROP TRIGGER IF EXISTS "colsync_items_view_location_new_written" ON "shop"."items";
DROP TRIGGER IF EXISTS "colsync_items_view_location_sync" ON "shop"."items";
DROP FUNCTION IF EXISTS "shop"."colsync_items_view_location_sync"();
DROP FUNCTION IF EXISTS "shop"."colsync_items_view_location_to_new"(text);
DROP FUNCTION IF EXISTS "shop"."colsync_items_view_location_to_old"(text);
DROP FUNCTION IF EXISTS "shop"."colsync_items_view_location_old_differs"(text, text);
DROP FUNCTION IF EXISTS "shop"."colsync_items_view_location_new_differs"(text, text);
ALTER TABLE "shop"."items" DROP COLUMN IF EXISTS "location";
