-- colsync:no-transaction
-- colsync events_category: indexes / drop what is left of "colsync_events_category_events_kind" on the partitions: indexes
-- built but never attached, and INVALID leftovers of a failed build.
-- Outside a transaction: DROP INDEX CONCURRENTLY blocks no reads or writes.
SET lock_timeout = '2000ms';
DROP INDEX CONCURRENTLY IF EXISTS "app"."colsync_events_category_events_kind_Events 2026";
DROP INDEX CONCURRENTLY IF EXISTS "app"."colsync_events_category_events_kind_Events 2026_invalid";
DROP INDEX CONCURRENTLY IF EXISTS "archive"."colsync_events_category_events_kind_events_2025";
DROP INDEX CONCURRENTLY IF EXISTS "archive"."colsync_events_category_events_kind_events_2025_invalid";
RESET lock_timeout;
