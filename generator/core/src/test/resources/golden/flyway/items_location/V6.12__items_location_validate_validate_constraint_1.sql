-- colsync items_location: validate / validate constraint "colsync_items_location_items_path_check".
-- One transaction; scans under SHARE UPDATE EXCLUSIVE, which blocks no reads or writes, so the
-- statement timeout is lifted for it.
SET LOCAL lock_timeout = '2000ms';
SET LOCAL statement_timeout = 0;
DO $colsync$
BEGIN
  IF EXISTS (SELECT FROM pg_catalog.pg_constraint
             WHERE conrelid = '"shop"."items"'::pg_catalog.regclass AND conname = 'colsync_items_location_items_path_check' AND NOT convalidated) THEN
    ALTER TABLE "shop"."items" VALIDATE CONSTRAINT "colsync_items_location_items_path_check";
  END IF;
END
$colsync$;
