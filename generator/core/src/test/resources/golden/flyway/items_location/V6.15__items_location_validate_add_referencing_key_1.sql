-- colsync items_location: validate / add constraint "colsync_items_location_notes_item_path_fkey" as NOT VALID.
-- One transaction; a short lock, no table scan. New writes are checked from now on.
SET LOCAL lock_timeout = '2000ms';
SET LOCAL statement_timeout = '30000ms';
-- This table's lock first, the other's only if free at once: never wait while holding one.
LOCK TABLE "shop"."items" IN SHARE ROW EXCLUSIVE MODE;
LOCK TABLE "shop"."notes" IN SHARE ROW EXCLUSIVE MODE NOWAIT;
DO $colsync$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_catalog.pg_constraint
                 WHERE conrelid = 'shop.notes'::pg_catalog.regclass AND conname = 'colsync_items_location_notes_item_path_fkey') THEN
    ALTER TABLE "shop"."notes" ADD CONSTRAINT "colsync_items_location_notes_item_path_fkey" FOREIGN KEY (item_path) REFERENCES shop.items("location") ON UPDATE CASCADE NOT VALID;
  END IF;
END
$colsync$;
