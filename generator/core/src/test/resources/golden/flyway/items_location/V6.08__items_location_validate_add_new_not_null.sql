-- colsync items_location: validate / add NOT NULL on the new column as NOT VALID.
-- One transaction; a short ACCESS EXCLUSIVE lock, no table scan. New writes are checked from now on.
SET LOCAL lock_timeout = '2000ms';
SET LOCAL statement_timeout = '30000ms';
DO $colsync$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_catalog.pg_constraint
                 WHERE conrelid = '"shop"."items"'::pg_catalog.regclass AND conname = 'colsync_items_location_new_not_null')
     AND NOT (SELECT attnotnull FROM pg_catalog.pg_attribute
              WHERE attrelid = '"shop"."items"'::pg_catalog.regclass AND attname = 'location') THEN
    ALTER TABLE "shop"."items" ADD CONSTRAINT "colsync_items_location_new_not_null" CHECK ("location" IS NOT NULL) NOT VALID;
  END IF;
END
$colsync$;
