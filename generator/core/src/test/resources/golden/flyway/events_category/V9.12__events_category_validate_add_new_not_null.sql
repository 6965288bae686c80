-- colsync events_category: validate / add NOT NULL on the new column as NOT VALID.
-- One transaction; a short ACCESS EXCLUSIVE lock, no table scan. New writes are checked from now on.
SET LOCAL lock_timeout = '2000ms';
SET LOCAL statement_timeout = '30000ms';
DO $colsync$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_catalog.pg_constraint
                 WHERE conrelid = '"app"."events"'::pg_catalog.regclass AND conname = 'colsync_events_category_new_not_null')
     AND NOT (SELECT attnotnull FROM pg_catalog.pg_attribute
              WHERE attrelid = '"app"."events"'::pg_catalog.regclass AND attname = 'category') THEN
    ALTER TABLE "app"."events" ADD CONSTRAINT "colsync_events_category_new_not_null" CHECK ("category" IS NOT NULL) NOT VALID;
  END IF;
END
$colsync$;
