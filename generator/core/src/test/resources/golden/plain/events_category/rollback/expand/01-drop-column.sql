-- colsync events_category: rollback of expand / drop the sync trigger, its functions and the new column.
-- One transaction; N-1 only. Takes ACCESS EXCLUSIVE on the table for milliseconds.
SET LOCAL lock_timeout = '2000ms';
SET LOCAL statement_timeout = '30000ms';
LOCK TABLE "app"."events" IN ACCESS EXCLUSIVE MODE;
DROP TRIGGER IF EXISTS "colsync_events_category_new_written" ON "app"."events";
DROP TRIGGER IF EXISTS "colsync_events_category_sync" ON "app"."events";
DROP FUNCTION IF EXISTS "app"."colsync_events_category_sync"();
DROP FUNCTION IF EXISTS "app"."colsync_events_category_to_new"(text);
DROP FUNCTION IF EXISTS "app"."colsync_events_category_to_old"(text);
DROP FUNCTION IF EXISTS "app"."colsync_events_category_old_differs"(text, text);
DROP FUNCTION IF EXISTS "app"."colsync_events_category_new_differs"(text, text);
ALTER TABLE "app"."events" DROP COLUMN IF EXISTS "category";
