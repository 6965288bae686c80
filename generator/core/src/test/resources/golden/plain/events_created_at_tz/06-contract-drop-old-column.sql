-- colsync events_created_at_tz: contract / drop the sync trigger, its functions and the old column.
-- One transaction, so no write ever sees the column gone and the trigger still there.
-- Only N may be running. Takes ACCESS EXCLUSIVE on the table for milliseconds.
SET LOCAL lock_timeout = '2000ms';
SET LOCAL statement_timeout = '30000ms';
LOCK TABLE "public"."events" IN ACCESS EXCLUSIVE MODE;
DROP TRIGGER IF EXISTS "colsync_events_created_at_tz_new_written" ON "public"."events";
DROP TRIGGER IF EXISTS "colsync_events_created_at_tz_sync" ON "public"."events";
DROP FUNCTION IF EXISTS "public"."colsync_events_created_at_tz_sync"();
DROP FUNCTION IF EXISTS "public"."colsync_events_created_at_tz_to_new"(timestamp);
DROP FUNCTION IF EXISTS "public"."colsync_events_created_at_tz_to_old"(timestamptz);
DROP FUNCTION IF EXISTS "public"."colsync_events_created_at_tz_old_differs"(timestamp, timestamp);
DROP FUNCTION IF EXISTS "public"."colsync_events_created_at_tz_new_differs"(timestamptz, timestamptz);
ALTER TABLE "public"."events" DROP COLUMN IF EXISTS "created_at";
DROP PROCEDURE IF EXISTS "public"."colsync_events_created_at_tz_backfill"(text, integer, interval, boolean);
DROP TABLE IF EXISTS "public"."colsync_events_created_at_tz_backfill_state";
