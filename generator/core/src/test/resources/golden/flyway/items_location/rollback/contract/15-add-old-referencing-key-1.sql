-- colsync items_location: rollback of contract / add constraint "notes_item_path_fkey" as NOT VALID.
-- One transaction; a short lock, no table scan. New writes are checked from now on.
SET LOCAL lock_timeout = '2000ms';
SET LOCAL statement_timeout = '30000ms';
-- This table's lock first, the other's only if free at once: never wait while holding one.
LOCK TABLE "shop"."items" IN SHARE ROW EXCLUSIVE MODE;
LOCK TABLE "shop"."notes" IN SHARE ROW EXCLUSIVE MODE NOWAIT;
DO $colsync$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_catalog.pg_constraint
                 WHERE conrelid = 'shop.notes'::pg_catalog.regclass AND conname = 'notes_item_path_fkey') THEN
    ALTER TABLE "shop"."notes" ADD CONSTRAINT "notes_item_path_fkey" FOREIGN KEY (item_path) REFERENCES shop.items("path") ON UPDATE CASCADE NOT VALID;
  END IF;
END
$colsync$;
