-- colsync stock_sku: rollback of expand / drop the sync trigger, its functions and the new column.
-- One transaction; N-1 only. Takes ACCESS EXCLUSIVE on the table for milliseconds.
SET LOCAL lock_timeout = '2000ms';
SET LOCAL statement_timeout = '30000ms';
LOCK TABLE "shop"."stock" IN ACCESS EXCLUSIVE MODE;
-- Once a later phase has run, the new column holds values the old one no longer has: refuse.
DO $colsync_expand$
BEGIN
  IF (NOT EXISTS (SELECT FROM pg_catalog.pg_attribute AS a WHERE a.attrelid OPERATOR(pg_catalog.=) '"shop"."stock"'::pg_catalog.regclass AND a.attname OPERATOR(pg_catalog.=) 'code' AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped) AND EXISTS (SELECT FROM pg_catalog.pg_attribute AS a WHERE a.attrelid OPERATOR(pg_catalog.=) '"shop"."stock"'::pg_catalog.regclass AND a.attname OPERATOR(pg_catalog.=) 'sku' AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped)) THEN
    RAISE EXCEPTION USING ERRCODE = 'object_not_in_prerequisite_state',
      MESSAGE = pg_catalog.format('colsync %s: rollback of expand refused: a later phase (cut-over or contract)'
        ' has run, so dropping the new column would lose its values', 'stock_sku'),
      HINT = 'Roll back the later phases first (rollback/contract, rollback/cutover); nothing was changed.';
  END IF;
END
$colsync_expand$;
DROP TRIGGER IF EXISTS "~colsync_stock_sku_new_written" ON "shop"."stock";
DROP TRIGGER IF EXISTS "~colsync_stock_sku_sync" ON "shop"."stock";
DROP FUNCTION IF EXISTS "shop"."colsync_stock_sku_sync"();
DROP FUNCTION IF EXISTS "shop"."colsync_stock_sku_to_new"(text);
DROP FUNCTION IF EXISTS "shop"."colsync_stock_sku_to_old"(text);
DROP FUNCTION IF EXISTS "shop"."colsync_stock_sku_old_differs"(text, text);
DROP FUNCTION IF EXISTS "shop"."colsync_stock_sku_new_differs"(text, text);
ALTER TABLE "shop"."stock" DROP COLUMN IF EXISTS "sku";
