-- colsync:no-transaction
-- colsync items_location: indexes / drop index "colsync_items_location_items_path_pattern".
-- Outside a transaction: DROP INDEX CONCURRENTLY blocks no reads or writes.
SET lock_timeout = '2000ms';
DROP INDEX CONCURRENTLY IF EXISTS "shop"."colsync_items_location_items_path_pattern";
RESET lock_timeout;
