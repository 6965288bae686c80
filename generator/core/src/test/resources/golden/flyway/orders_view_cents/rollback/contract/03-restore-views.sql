-- colsync orders_view_cents: rollback of contract / create the views that read the column again, as they were.
-- One transaction; CREATE OR REPLACE VIEW keeps each view's columns, grants and owner, and takes
-- ACCESS EXCLUSIVE on the view (not on the table) for milliseconds.
SET LOCAL lock_timeout = '2000ms';
SET LOCAL statement_timeout = '30000ms';
SET LOCAL search_path = pg_catalog, "public", pg_temp;
CREATE OR REPLACE VIEW "public"."big_orders" AS
SELECT id,
    amount,
    amount * 2::numeric AS doubled
   FROM public.orders
  WHERE amount > 10::numeric;
