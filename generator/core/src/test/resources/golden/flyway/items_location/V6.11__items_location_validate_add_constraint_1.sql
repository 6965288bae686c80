-- colsync items_location: validate / add constraint "colsync_items_location_items_path_check" as NOT VALID.
-- One transaction; a short lock, no table scan. New writes are checked from now on.
SET LOCAL lock_timeout = '2000ms';
SET LOCAL statement_timeout = '30000ms';
DO $colsync$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_catalog.pg_constraint
                 WHERE conrelid = '"shop"."items"'::pg_catalog.regclass AND conname = 'colsync_items_location_items_path_check') THEN
    ALTER TABLE "shop"."items" ADD CONSTRAINT "colsync_items_location_items_path_check" CHECK (((shop.subpath("location") > 0) AND ('path'::text <> "location"))) NOT VALID;
  END IF;
END
$colsync$;
