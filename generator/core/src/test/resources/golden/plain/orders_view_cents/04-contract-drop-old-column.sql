-- colsync orders_view_cents: contract / drop the sync trigger, its functions and the old column.
-- One transaction, so no write ever sees the column gone and the trigger still there.
-- Only N may be running. Takes ACCESS EXCLUSIVE on the table for milliseconds.
-- The views that read the old column are created again over the new column first (same output
-- columns), each locked before the table, in the order their readers lock them.
SET LOCAL lock_timeout = '2000ms';
SET LOCAL statement_timeout = '30000ms';
SET LOCAL search_path = pg_catalog, "public", pg_temp;
CREATE OR REPLACE VIEW "public"."big_orders" AS
SELECT id,
    (CAST((orders."amount_cents" / 100.0) AS numeric(12,2))) AS "amount",
    (CAST((orders."amount_cents" / 100.0) AS numeric(12,2))) * 2::numeric AS doubled
   FROM public.orders
  WHERE (CAST((orders."amount_cents" / 100.0) AS numeric(12,2))) > 10::numeric;
LOCK TABLE "public"."orders" IN ACCESS EXCLUSIVE MODE;
DROP TRIGGER IF EXISTS "colsync_orders_view_cents_new_written" ON "public"."orders";
DROP TRIGGER IF EXISTS "colsync_orders_view_cents_sync" ON "public"."orders";
DROP FUNCTION IF EXISTS "public"."colsync_orders_view_cents_sync"();
DROP FUNCTION IF EXISTS "public"."colsync_orders_view_cents_to_new"(numeric(12,2));
DROP FUNCTION IF EXISTS "public"."colsync_orders_view_cents_to_old"(bigint);
DROP FUNCTION IF EXISTS "public"."colsync_orders_view_cents_old_differs"(numeric(12,2), numeric(12,2));
DROP FUNCTION IF EXISTS "public"."colsync_orders_view_cents_new_differs"(bigint, bigint);
ALTER TABLE "public"."orders" DROP COLUMN IF EXISTS "amount";
DROP PROCEDURE IF EXISTS "public"."colsync_orders_view_cents_backfill"(text, integer, interval, boolean);
DROP TABLE IF EXISTS "public"."colsync_orders_view_cents_backfill_state";
