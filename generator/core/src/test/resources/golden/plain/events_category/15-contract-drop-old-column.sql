-- colsync events_category: contract / drop the sync trigger, its functions and the old column.
-- One transaction, so no write ever sees the column gone and the trigger still there.
-- Only N may be running. Takes ACCESS EXCLUSIVE on the table for milliseconds.
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
ALTER TABLE "app"."events" DROP COLUMN IF EXISTS "Kind";
ALTER INDEX IF EXISTS "app"."colsync_events_category_events_kind" RENAME TO "events_kind";
ALTER INDEX IF EXISTS "app"."colsync_events_category_events_kind_partial" RENAME TO "events_kind_partial";
ALTER INDEX IF EXISTS "app"."colsync_events_category_events_kind_Events 2026" RENAME TO "events_kind_Events 2026";
ALTER INDEX IF EXISTS "archive"."colsync_events_category_events_kind_events_2025" RENAME TO "events_kind_events_2025";
ALTER INDEX IF EXISTS "app"."colsync_events_category_events_kind_partial_Events 2026" RENAME TO "events_kind_partial_Events 2026";
ALTER INDEX IF EXISTS "archive"."colsync_events_category_events_kind_partial_events_2025" RENAME TO "events_kind_partial_events_2025";
DROP PROCEDURE IF EXISTS "app"."colsync_events_category_backfill"(text, integer, interval, boolean);
DROP TABLE IF EXISTS "app"."colsync_events_category_backfill_state";
