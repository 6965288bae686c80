-- colsync items_view_location: contract / drop the sync trigger, its functions and the old column.
-- One transaction, so no write ever sees the column gone and the trigger still there.
-- Only N may be running. Takes ACCESS EXCLUSIVE on the table for milliseconds.
-- The views that read the old column are created again over the new column first (same output
-- columns), each locked before the table, in the order their readers lock them.
SET LOCAL lock_timeout = '2000ms';
SET LOCAL statement_timeout = '30000ms';
SET LOCAL search_path = pg_catalog, "shop", pg_temp;
CREATE OR REPLACE VIEW "shop"."items_view" WITH (security_barrier = true, check_option = 'cascaded') AS
SELECT i.id,
    i."location" AS "path",
    shop.path_depth(i."location") AS depth,
    'path'::text AS label
   FROM shop.items i
  WHERE i."location" <> 'p1'::text;
CREATE OR REPLACE VIEW "shop"."Items & Codes" AS
SELECT items.id,
    items."location" AS "path",
    c.path AS code_path
   FROM shop.items
     JOIN shop.codes c ON c.code = items."location";
LOCK TABLE "shop"."items" IN ACCESS EXCLUSIVE MODE;
DROP TRIGGER IF EXISTS "colsync_items_view_location_new_written" ON "shop"."items";
DROP TRIGGER IF EXISTS "colsync_items_view_location_sync" ON "shop"."items";
DROP FUNCTION IF EXISTS "shop"."colsync_items_view_location_sync"();
DROP FUNCTION IF EXISTS "shop"."colsync_items_view_location_to_new"(text);
DROP FUNCTION IF EXISTS "shop"."colsync_items_view_location_to_old"(text);
DROP FUNCTION IF EXISTS "shop"."colsync_items_view_location_old_differs"(text, text);
DROP FUNCTION IF EXISTS "shop"."colsync_items_view_location_new_differs"(text, text);
ALTER TABLE "shop"."items" DROP COLUMN IF EXISTS "path";
DROP PROCEDURE IF EXISTS "shop"."colsync_items_view_location_backfill"(text, integer, interval, boolean);
DROP TABLE IF EXISTS "shop"."colsync_items_view_location_backfill_state";
