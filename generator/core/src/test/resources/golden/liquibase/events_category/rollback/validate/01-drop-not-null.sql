-- colsync events_category: rollback of validate / drop NOT NULL from the new column.
-- One transaction; a short ACCESS EXCLUSIVE lock.
SET LOCAL lock_timeout = '2000ms';
SET LOCAL statement_timeout = '30000ms';
ALTER TABLE "app"."events" ALTER COLUMN "category" DROP NOT NULL;
ALTER TABLE "app"."events" DROP CONSTRAINT IF EXISTS "colsync_events_category_new_not_null";
