-- colsync events_category: rollback of backfill / drop the backfill procedure and its checkpoint table.
-- Values already copied into the new column stay; they are harmless and the trigger keeps them right.
SET LOCAL lock_timeout = '2000ms';
SET LOCAL statement_timeout = '30000ms';
DROP PROCEDURE IF EXISTS "app"."colsync_events_category_backfill"(text, integer, interval, boolean);
DROP TABLE IF EXISTS "app"."colsync_events_category_backfill_state";
