-- colsync orders_view_cents: rollback of expand / drop the sync trigger, its functions and the new column.
-- One transaction; N-1 only. Takes ACCESS EXCLUSIVE on the table for milliseconds.
SET LOCAL lock_timeout = '2000ms';
SET LOCAL statement_timeout = '30000ms';
LOCK TABLE "public"."orders" IN ACCESS EXCLUSIVE MODE;
DROP TRIGGER IF EXISTS "colsync_orders_view_cents_new_written" ON "public"."orders";
DROP TRIGGER IF EXISTS "colsync_orders_view_cents_sync" ON "public"."orders";
DROP FUNCTION IF EXISTS "public"."colsync_orders_view_cents_sync"();
DROP FUNCTION IF EXISTS "public"."colsync_orders_view_cents_to_new"(numeric(12,2));
DROP FUNCTION IF EXISTS "public"."colsync_orders_view_cents_to_old"(bigint);
DROP FUNCTION IF EXISTS "public"."colsync_orders_view_cents_old_differs"(numeric(12,2), numeric(12,2));
DROP FUNCTION IF EXISTS "public"."colsync_orders_view_cents_new_differs"(bigint, bigint);
ALTER TABLE "public"."orders" DROP COLUMN IF EXISTS "amount_cents";
