-- colsync orders_amount_cents: contract / check that every row has converged, and record it for contract.
-- One transaction that reads the whole table under ACCESS SHARE, so writers go on; no statement timeout.
-- N-1 and N may be running. Contract's gate accepts this check only while the sync trigger and its
-- functions stay exactly as they were when it ran: disabled, dropped or replaced since, run it again.
SET LOCAL lock_timeout = '2000ms';
SET LOCAL statement_timeout = 0;
DO $colsync$
BEGIN
  IF pg_catalog.to_regnamespace('colsync') IS NULL THEN
    CREATE SCHEMA colsync;
  END IF;
END
$colsync$;
CREATE TABLE IF NOT EXISTS colsync.convergence_checks (
  migration text PRIMARY KEY,
  seal text NOT NULL,
  rows_checked bigint NOT NULL,
  checked_at timestamptz NOT NULL DEFAULT pg_catalog.now(),
  checked_by text NOT NULL DEFAULT CURRENT_USER
);
CREATE TABLE IF NOT EXISTS colsync.gate_overrides (
  migration text NOT NULL,
  reason text NOT NULL,
  overridden_by text NOT NULL DEFAULT CURRENT_USER,
  overridden_at timestamptz NOT NULL DEFAULT pg_catalog.now()
);
DO $colsync$
#variable_conflict use_column
DECLARE
  colsync_seal text;
  colsync_rows bigint;
  colsync_diverging bigint;
BEGIN
  IF NOT EXISTS (SELECT FROM pg_catalog.pg_attribute AS a WHERE a.attrelid OPERATOR(pg_catalog.=) '"public"."orders"'::pg_catalog.regclass AND a.attname OPERATOR(pg_catalog.=) 'amount' AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped) THEN
    IF (SELECT pg_catalog.count(*) FROM pg_catalog.pg_trigger AS t WHERE t.tgrelid OPERATOR(pg_catalog.=) '"public"."orders"'::pg_catalog.regclass AND t.tgname OPERATOR(pg_catalog.=) ANY (ARRAY['~colsync_orders_amount_cents_new_written', '~colsync_orders_amount_cents_sync']::pg_catalog.name[])) OPERATOR(pg_catalog.=) 0 THEN
      RAISE NOTICE 'colsync %: contract has run already (column % is gone); nothing to check', 'orders_amount_cents',
        'amount';
      RETURN;
    END IF;
    RAISE EXCEPTION USING ERRCODE = 'object_not_in_prerequisite_state',
      MESSAGE = pg_catalog.format('colsync %s: column %s of %s does not exist, but the sync trigger does',
        'orders_amount_cents', 'amount', '"public"."orders"'::pg_catalog.regclass),
      HINT = 'The table is not as this migration left it; see the runbook.';
  END IF;
  IF (SELECT pg_catalog.count(*) FROM pg_catalog.pg_trigger AS t WHERE t.tgrelid OPERATOR(pg_catalog.=) '"public"."orders"'::pg_catalog.regclass AND t.tgname OPERATOR(pg_catalog.=) ANY (ARRAY['~colsync_orders_amount_cents_new_written', '~colsync_orders_amount_cents_sync']::pg_catalog.name[]) AND t.tgenabled OPERATOR(pg_catalog.<>) 'D' AND t.tgenabled OPERATOR(pg_catalog.<>) 'R') OPERATOR(pg_catalog.<>) 2 THEN
    RAISE EXCEPTION USING ERRCODE = 'object_not_in_prerequisite_state',
      MESSAGE = pg_catalog.format('colsync %s: the sync triggers of %s are missing or disabled, so rows written'
        ' meanwhile may disagree', 'orders_amount_cents', '"public"."orders"'::pg_catalog.regclass),
      HINT = 'Run expand again (it creates them again), then the backfill, then this check.';
  END IF;
  colsync_seal := pg_catalog.concat_ws(' ', (SELECT pg_catalog.string_agg(pg_catalog.concat_ws(':', t.tgname, t.tgenabled, t.xmin, p.xmin), ',' ORDER BY t.tgname) FROM pg_catalog.pg_trigger AS t JOIN pg_catalog.pg_proc AS p ON p.oid OPERATOR(pg_catalog.=) t.tgfoid WHERE t.tgrelid OPERATOR(pg_catalog.=) '"public"."orders"'::pg_catalog.regclass AND t.tgname OPERATOR(pg_catalog.=) ANY (ARRAY['~colsync_orders_amount_cents_new_written', '~colsync_orders_amount_cents_sync']::pg_catalog.name[])), (SELECT pg_catalog.string_agg(pg_catalog.concat_ws(':', p.proname, p.xmin), ',' ORDER BY p.proname) FROM pg_catalog.pg_proc AS p WHERE p.pronamespace OPERATOR(pg_catalog.=) (SELECT c.relnamespace FROM pg_catalog.pg_class AS c WHERE c.oid OPERATOR(pg_catalog.=) '"public"."orders"'::pg_catalog.regclass) AND p.proname OPERATOR(pg_catalog.=) ANY (ARRAY['colsync_orders_amount_cents_to_new', 'colsync_orders_amount_cents_to_old', 'colsync_orders_amount_cents_old_differs', 'colsync_orders_amount_cents_new_differs']::pg_catalog.name[])));
  SELECT pg_catalog.count(*), pg_catalog.count(*) FILTER (WHERE "public"."colsync_orders_amount_cents_new_differs"("amount_cents", "public"."colsync_orders_amount_cents_to_new"("amount")))
    INTO colsync_rows, colsync_diverging
    FROM "public"."orders";
  IF colsync_diverging OPERATOR(pg_catalog.>) 0 THEN
    RAISE EXCEPTION USING ERRCODE = 'object_not_in_prerequisite_state',
      MESSAGE = pg_catalog.format('colsync %s: %s of %s rows have %I IS DISTINCT FROM up(%I)', 'orders_amount_cents',
        colsync_diverging, colsync_rows, 'amount_cents', 'amount'),
      HINT = 'Let the backfill finish (run it again if it stopped), then run this check again.';
  END IF;
  INSERT INTO colsync.convergence_checks AS c (migration, seal, rows_checked)
    VALUES ('orders_amount_cents', colsync_seal, colsync_rows)
    ON CONFLICT (migration) DO UPDATE SET seal = EXCLUDED.seal, rows_checked = EXCLUDED.rows_checked,
      checked_at = pg_catalog.now(), checked_by = CURRENT_USER;
  RAISE NOTICE 'colsync %: all % rows converged; recorded for contract', 'orders_amount_cents', colsync_rows;
END
$colsync$;
