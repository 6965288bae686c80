-- colsync items_location: validate / validate constraint "colsync_items_location_notes_item_path_fkey".
-- One transaction; scans under SHARE UPDATE EXCLUSIVE, which blocks no reads or writes, so the
-- statement timeout is lifted for it.
SET LOCAL lock_timeout = '2000ms';
SET LOCAL statement_timeout = 0;
DO $colsync$
BEGIN
  IF EXISTS (SELECT FROM pg_catalog.pg_constraint
             WHERE conrelid = 'shop.notes'::pg_catalog.regclass AND conname = 'colsync_items_location_notes_item_path_fkey' AND NOT convalidated) THEN
    ALTER TABLE "shop"."notes" VALIDATE CONSTRAINT "colsync_items_location_notes_item_path_fkey";
  END IF;
END
$colsync$;
