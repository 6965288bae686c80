-- colsync orders_view_cents: rollback of backfill / drop the backfill procedure and its checkpoint table.
-- Values already copied into the new column stay; they are harmless and the trigger keeps them right.
SET LOCAL lock_timeout = '2000ms';
SET LOCAL statement_timeout = '30000ms';
DROP PROCEDURE IF EXISTS "public"."colsync_orders_view_cents_backfill"(text, integer, interval, boolean);
DROP TABLE IF EXISTS "public"."colsync_orders_view_cents_backfill_state";
