-- colsync sales_data_order_lines_ext_id_text_to_ext_uuid_with_hash: contract / drop the sync trigger, its functions and the old column.
-- One transaction, so no write ever sees the column gone and the trigger still there.
-- Only N may be running. Takes ACCESS EXCLUSIVE on the table for milliseconds.
SET LOCAL lock_timeout = '2000ms';
SET LOCAL statement_timeout = '30000ms';
LOCK TABLE "Sales Data"."Order ""Lines""" IN ACCESS EXCLUSIVE MODE;
DROP TRIGGER IF EXISTS "colsync_sales_data_order_lines_ext_id_text_to_ext_uuid_ffea419d" ON "Sales Data"."Order ""Lines""";
DROP FUNCTION IF EXISTS "Sales Data"."colsync_sales_data_order_lines_ext_id_text_to_ext_uuid_ffea419d"();
DROP FUNCTION IF EXISTS "Sales Data"."colsync_sales_data_order_lines_ext_id_text_to_ext_uuid_c15cc7e1"(text);
ALTER TABLE "Sales Data"."Order ""Lines""" DROP COLUMN IF EXISTS "ext id";
DROP PROCEDURE IF EXISTS "Sales Data"."colsync_sales_data_order_lines_ext_id_text_to_ext_uuid_697a00c1"(text, integer, interval, boolean);
DROP TABLE IF EXISTS "Sales Data"."colsync_sales_data_order_lines_ext_id_text_to_ext_uuid_371e4502";
