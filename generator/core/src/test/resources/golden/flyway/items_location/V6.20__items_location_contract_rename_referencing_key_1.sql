-- colsync items_location: rollback of contract / rename constraint "colsync_items_location_notes_item_path_fkey".
-- One transaction; a short lock. Safe to run twice: it renames only while the old name exists.
SET LOCAL lock_timeout = '2000ms';
SET LOCAL statement_timeout = '30000ms';
DO $colsync$
BEGIN
  IF EXISTS (SELECT FROM pg_catalog.pg_constraint
             WHERE conrelid = 'shop.notes'::pg_catalog.regclass AND conname = 'colsync_items_location_notes_item_path_fkey') THEN
    ALTER TABLE "shop"."notes" RENAME CONSTRAINT "colsync_items_location_notes_item_path_fkey" TO "notes_item_path_fkey";
  END IF;
END
$colsync$;
