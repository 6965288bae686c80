-- colsync orders_view_cents: rollback of expand / drop the sync trigger, its functions and the new column.
-- One transaction; N-1 only. Takes ACCESS EXCLUSIVE on the table for milliseconds.
SET LOCAL lock_timeout = '2000ms';
SET LOCAL statement_timeout = '30000ms';
LOCK TABLE "public"."orders" IN ACCESS EXCLUSIVE MODE;
-- Once a later phase has run, the new column holds values the old one no longer has: refuse.
DO $colsync_expand$
BEGIN
  IF (NOT EXISTS (SELECT FROM pg_catalog.pg_attribute AS a WHERE a.attrelid OPERATOR(pg_catalog.=) '"public"."orders"'::pg_catalog.regclass AND a.attname OPERATOR(pg_catalog.=) 'amount' AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped) AND EXISTS (SELECT FROM pg_catalog.pg_attribute AS a WHERE a.attrelid OPERATOR(pg_catalog.=) '"public"."orders"'::pg_catalog.regclass AND a.attname OPERATOR(pg_catalog.=) 'amount_cents' AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped)) THEN
    RAISE EXCEPTION USING ERRCODE = 'object_not_in_prerequisite_state',
      MESSAGE = pg_catalog.format('colsync %s: rollback of expand refused: a later phase (cut-over or contract)'
        ' has run, so dropping the new column would lose its values', 'orders_view_cents'),
      HINT = 'Roll back the later phases first (rollback/contract, rollback/cutover); nothing was changed.';
  END IF;
END
$colsync_expand$;
DROP TRIGGER IF EXISTS "~colsync_orders_view_cents_new_written" ON "public"."orders";
DROP TRIGGER IF EXISTS "~colsync_orders_view_cents_sync" ON "public"."orders";
DROP FUNCTION IF EXISTS "public"."colsync_orders_view_cents_sync"();
DROP FUNCTION IF EXISTS "public"."colsync_orders_view_cents_to_new"(numeric(12,2));
DROP FUNCTION IF EXISTS "public"."colsync_orders_view_cents_to_old"(bigint);
DROP FUNCTION IF EXISTS "public"."colsync_orders_view_cents_old_differs"(numeric(12,2), numeric(12,2));
DROP FUNCTION IF EXISTS "public"."colsync_orders_view_cents_new_differs"(bigint, bigint);
ALTER TABLE "public"."orders" DROP COLUMN IF EXISTS "amount_cents";
