-- colsync sales_data_order_lines_ext_id_text_to_ext_uuid_with_hash: rollback of expand / drop the sync trigger, its functions and the new column.
-- One transaction; N-1 only. Takes ACCESS EXCLUSIVE on the table for milliseconds.
SET LOCAL lock_timeout = '2000ms';
SET LOCAL statement_timeout = '30000ms';
LOCK TABLE "Sales Data"."Order ""Lines""" IN ACCESS EXCLUSIVE MODE;
-- Once a later phase has run, the new column holds values the old one no longer has: refuse.
DO $colsync_expand$
BEGIN
  IF (NOT EXISTS (SELECT FROM pg_catalog.pg_attribute AS a WHERE a.attrelid OPERATOR(pg_catalog.=) '"Sales Data"."Order ""Lines"""'::pg_catalog.regclass AND a.attname OPERATOR(pg_catalog.=) 'ext id' AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped) AND EXISTS (SELECT FROM pg_catalog.pg_attribute AS a WHERE a.attrelid OPERATOR(pg_catalog.=) '"Sales Data"."Order ""Lines"""'::pg_catalog.regclass AND a.attname OPERATOR(pg_catalog.=) 'ext_uuid' AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped)) THEN
    RAISE EXCEPTION USING ERRCODE = 'object_not_in_prerequisite_state',
      MESSAGE = pg_catalog.format('colsync %s: rollback of expand refused: a later phase (cut-over or contract)'
        ' has run, so dropping the new column would lose its values', 'sales_data_order_lines_ext_id_text_to_ext_uuid_with_hash'),
      HINT = 'Roll back the later phases first (rollback/contract, rollback/cutover); nothing was changed.';
  END IF;
END
$colsync_expand$;
DROP TRIGGER IF EXISTS "~colsync_sales_data_order_lines_ext_id_tex_7b36cd13_new_written" ON "Sales Data"."Order ""Lines""";
DROP TRIGGER IF EXISTS "~colsync_sales_data_order_lines_ext_id_tex_7b36cd13_sync" ON "Sales Data"."Order ""Lines""";
DROP FUNCTION IF EXISTS "Sales Data"."colsync_sales_data_order_lines_ext_id_text_to_ext_7b36cd13_sync"();
DROP FUNCTION IF EXISTS "Sales Data"."colsync_sales_data_order_lines_ext_id_text_to_ext_u_7b36cd13_up"(text);
DROP FUNCTION IF EXISTS "Sales Data"."colsync_sales_data_order_lines_ext_id_text_to_e_7b36cd13_to_new"(text);
DROP FUNCTION IF EXISTS "Sales Data"."colsync_sales_data_order_lines_ext_id_text_to_e_7b36cd13_to_old"(uuid);
DROP FUNCTION IF EXISTS "Sales Data"."colsync_sales_data_order_lines_ext_id_text_7b36cd13_old_differs"(text, text);
DROP FUNCTION IF EXISTS "Sales Data"."colsync_sales_data_order_lines_ext_id_text_7b36cd13_new_differs"(uuid, uuid);
ALTER TABLE "Sales Data"."Order ""Lines""" DROP COLUMN IF EXISTS "ext_uuid";
