-- colsync items_location: rollback of contract / add constraint "items_path_key" as NOT VALID.
-- One transaction; a short lock, no table scan. New writes are checked from now on.
SET LOCAL lock_timeout = '2000ms';
SET LOCAL statement_timeout = '30000ms';
DO $colsync$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_catalog.pg_constraint
                 WHERE conrelid = '"shop"."items"'::pg_catalog.regclass AND conname = 'items_path_key') THEN
    ALTER TABLE "shop"."items" ADD CONSTRAINT "items_path_key" UNIQUE USING INDEX "items_path_key";
  END IF;
END
$colsync$;
