-- colsync items_location: validate / drop constraint "colsync_items_location_notes_item_path_fkey".
-- One transaction; a short lock.
SET LOCAL lock_timeout = '2000ms';
SET LOCAL statement_timeout = '30000ms';
ALTER TABLE "shop"."notes" DROP CONSTRAINT IF EXISTS "colsync_items_location_notes_item_path_fkey";
