-- colsync:no-transaction
-- colsync stock_sku: rollback of contract / fill the old column from the new one.
-- Batches of 5000 rows by primary key, each its own short transaction with its checkpoint.
-- Safe to stop at any time and to run again: it resumes after the last committed batch.
-- The CALL lasts as long as the whole backfill, so a session statement_timeout must not cut it short;
-- each batch is bounded by its size and by lock_timeout instead.
SET statement_timeout = 0;
CALL "shop"."colsync_stock_sku_backfill"(colsync_direction => 'down');
RESET statement_timeout;
