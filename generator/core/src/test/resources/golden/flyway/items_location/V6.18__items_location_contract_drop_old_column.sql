-- colsync items_location: contract / drop the sync trigger, its functions and the old column.
-- One transaction, so no write ever sees the column gone and the trigger still there.
-- Only N may be running. Takes ACCESS EXCLUSIVE on the table for milliseconds.
SET LOCAL lock_timeout = '2000ms';
SET LOCAL statement_timeout = '30000ms';
LOCK TABLE "shop"."items" IN ACCESS EXCLUSIVE MODE;
DROP TRIGGER IF EXISTS "colsync_items_location_new_written" ON "shop"."items";
DROP TRIGGER IF EXISTS "colsync_items_location_sync" ON "shop"."items";
DROP FUNCTION IF EXISTS "shop"."colsync_items_location_sync"();
DROP FUNCTION IF EXISTS "shop"."colsync_items_location_to_new"(text);
DROP FUNCTION IF EXISTS "shop"."colsync_items_location_to_old"(text);
DROP FUNCTION IF EXISTS "shop"."colsync_items_location_old_differs"(text, text);
DROP FUNCTION IF EXISTS "shop"."colsync_items_location_new_differs"(text, text);
ALTER TABLE "shop"."items" DROP COLUMN IF EXISTS "path";
DO $colsync$
BEGIN
  IF EXISTS (SELECT FROM pg_catalog.pg_constraint WHERE conrelid = '"shop"."items"'::pg_catalog.regclass AND conname = 'colsync_items_location_items_path_key') THEN
    ALTER TABLE "shop"."items" RENAME CONSTRAINT "colsync_items_location_items_path_key" TO "items_path_key";
  END IF;
END
$colsync$;
ALTER INDEX IF EXISTS "shop"."colsync_items_location_items_path_pattern" RENAME TO "items_path_pattern";
ALTER INDEX IF EXISTS "shop"."colsync_items_location_items_path_partial" RENAME TO "items_path_partial";
DO $colsync$
BEGIN
  IF EXISTS (SELECT FROM pg_catalog.pg_constraint WHERE conrelid = '"shop"."items"'::pg_catalog.regclass AND conname = 'colsync_items_location_items_path_check') THEN
    ALTER TABLE "shop"."items" RENAME CONSTRAINT "colsync_items_location_items_path_check" TO "items_path_check";
  END IF;
END
$colsync$;
DO $colsync$
BEGIN
  IF EXISTS (SELECT FROM pg_catalog.pg_constraint WHERE conrelid = '"shop"."items"'::pg_catalog.regclass AND conname = 'colsync_items_location_items_path_fkey') THEN
    ALTER TABLE "shop"."items" RENAME CONSTRAINT "colsync_items_location_items_path_fkey" TO "items_path_fkey";
  END IF;
END
$colsync$;
ALTER TABLE "shop"."items" ALTER COLUMN "location" SET DEFAULT 'p0'::text;
DROP PROCEDURE IF EXISTS "shop"."colsync_items_location_backfill"(text, integer, interval, boolean);
DROP TABLE IF EXISTS "shop"."colsync_items_location_backfill_state";
