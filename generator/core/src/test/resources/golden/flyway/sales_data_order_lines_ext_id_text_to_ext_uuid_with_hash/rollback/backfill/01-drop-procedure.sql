-- colsync sales_data_order_lines_ext_id_text_to_ext_uuid_with_hash: rollback of backfill / drop the backfill procedure and its checkpoint table.
-- Values already copied into the new column stay; they are harmless and the trigger keeps them right.
SET LOCAL lock_timeout = '2000ms';
SET LOCAL statement_timeout = '30000ms';
DROP PROCEDURE IF EXISTS "Sales Data"."colsync_sales_data_order_lines_ext_id_text_to_7b36cd13_backfill"(text, integer, interval, boolean);
DROP TABLE IF EXISTS "Sales Data"."colsync_sales_data_order_lines_ext_id_t_7b36cd13_backfill_state";
