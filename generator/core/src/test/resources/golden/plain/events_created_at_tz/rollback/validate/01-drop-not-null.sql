-- colsync events_created_at_tz: rollback of validate / drop NOT NULL from the new column.
-- One transaction; a short ACCESS EXCLUSIVE lock.
SET LOCAL lock_timeout = '2000ms';
SET LOCAL statement_timeout = '30000ms';
ALTER TABLE "public"."events" ALTER COLUMN "created_at_tz" DROP NOT NULL;
ALTER TABLE "public"."events" DROP CONSTRAINT IF EXISTS "colsync_events_created_at_tz_new_not_null";
