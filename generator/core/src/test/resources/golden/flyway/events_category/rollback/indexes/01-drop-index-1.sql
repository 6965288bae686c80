-- colsync events_category: indexes / drop index "colsync_events_category_events_kind" of the partitioned table, and with it
-- every partition's index attached to it. One transaction: PostgreSQL cannot drop a partitioned
-- index concurrently; no data is read, so its ACCESS EXCLUSIVE lasts milliseconds.
SET LOCAL lock_timeout = '2000ms';
SET LOCAL statement_timeout = '30000ms';
DROP INDEX IF EXISTS "app"."colsync_events_category_events_kind";
