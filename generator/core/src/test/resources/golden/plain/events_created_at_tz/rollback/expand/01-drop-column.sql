-- colsync events_created_at_tz: rollback of expand / drop the sync trigger, its functions and the new column.
-- One transaction; N-1 only. Takes ACCESS EXCLUSIVE on the table for milliseconds.
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
ALTER TABLE "public"."events" DROP COLUMN IF EXISTS "created_at_tz";
