-- colsync:no-transaction
-- Once this migration has been contracted, this script has nothing left to do: this block says so and
-- sets colsync.contracted for the session, and every statement below that would change something is
-- then skipped; otherwise it clears that setting.
DO $colsync$
DECLARE
  colsync_recorded boolean := false;
BEGIN
  PERFORM pg_catalog.set_config('colsync.contracted', '', false);
  IF NOT EXISTS (SELECT FROM pg_catalog.pg_attribute AS a WHERE a.attrelid OPERATOR(pg_catalog.=) '"public"."orders"'::pg_catalog.regclass AND a.attname OPERATOR(pg_catalog.=) 'amount' AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped) AND (SELECT pg_catalog.count(*) FROM pg_catalog.pg_trigger AS t WHERE t.tgrelid OPERATOR(pg_catalog.=) '"public"."orders"'::pg_catalog.regclass AND t.tgname OPERATOR(pg_catalog.=) ANY (ARRAY['~colsync_orders_amount_cents_new_written', '~colsync_orders_amount_cents_sync']::pg_catalog.name[])) OPERATOR(pg_catalog.=) 0 THEN
    IF pg_catalog.to_regclass('colsync.convergence_checks') IS NOT NULL THEN
      colsync_recorded := EXISTS (SELECT FROM colsync.convergence_checks AS c
        WHERE c.migration OPERATOR(pg_catalog.=) 'orders_amount_cents');
    END IF;
    IF NOT colsync_recorded AND pg_catalog.to_regclass('colsync.gate_overrides') IS NOT NULL THEN
      colsync_recorded := EXISTS (SELECT FROM colsync.gate_overrides AS g
        WHERE g.migration OPERATOR(pg_catalog.=) 'orders_amount_cents');
    END IF;
    IF colsync_recorded THEN
      RAISE NOTICE 'colsync %: contract has run already; % has nothing to do', 'orders_amount_cents', 'backfill/run';
      PERFORM pg_catalog.set_config('colsync.contracted', 'orders_amount_cents', false);
    END IF;
  END IF;
END
$colsync$;
-- colsync orders_amount_cents: backfill / fill the new column from the old one.
-- Batches of 10000 rows by primary key, each its own short transaction with its checkpoint.
-- Safe to stop at any time and to run again: it resumes after the last committed batch.
-- The CALL lasts as long as the whole backfill, so a session statement_timeout must not cut it short;
-- each batch is bounded by its size and by lock_timeout instead.
SET statement_timeout = 0;
DO $colsync$
BEGIN
  -- Once contracted (the guard above said so), there is no procedure left to call, and nothing to do.
  IF pg_catalog.current_setting('colsync.contracted', true) OPERATOR(pg_catalog.=) 'orders_amount_cents' THEN
    RETURN;
  END IF;
  CALL "public"."colsync_orders_amount_cents_backfill"(colsync_direction => 'up');
END
$colsync$;
RESET statement_timeout;
