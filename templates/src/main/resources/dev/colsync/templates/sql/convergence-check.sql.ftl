<#-- @ftlvariable name="model" type="dev.colsync.core.render.Models.ConvergenceCheckModel" -->
<#assign g = model.gate>
-- colsync ${model.migration}: contract / check that every row has converged, and record it for contract.
-- One transaction that reads the whole table under ACCESS SHARE, so writers go on; no statement timeout.
-- N-1 and N may be running. Contract's gate accepts this check only while the sync trigger and its
-- functions stay exactly as they were when it ran: disabled, dropped or replaced since, run it again.
SET LOCAL lock_timeout = ${model.table.lockTimeout};
SET LOCAL statement_timeout = 0;
DO ${g.quote}
BEGIN
  IF pg_catalog.to_regnamespace('colsync') IS NULL THEN
    CREATE SCHEMA colsync;
  END IF;
END
${g.quote};
<#list model.stateTables as statement>
${statement};
</#list>
DO ${g.quote}
#variable_conflict use_column
DECLARE
  colsync_seal text;
  colsync_rows bigint;
  colsync_diverging bigint;
BEGIN
  IF NOT ${g.oldColumnExists} THEN
    IF ${g.triggers} OPERATOR(pg_catalog.=) 0 THEN
      RAISE NOTICE 'colsync %: contract has run already (column % is gone); nothing to check', ${g.migration},
        ${g.oldColumnLiteral};
      RETURN;
    END IF;
    RAISE EXCEPTION USING ERRCODE = 'object_not_in_prerequisite_state',
      MESSAGE = pg_catalog.format('colsync %s: column %s of %s does not exist, but the sync trigger does',
        ${g.migration}, ${g.oldColumnLiteral}, ${model.table.regclass}),
      HINT = <#if g.cutover>'Run the cut-over first.'<#else>'The table is not as this migration left it; see the runbook.'</#if>;
  END IF;
  IF ${g.enabledTriggers} OPERATOR(pg_catalog.<>) 2 THEN
    RAISE EXCEPTION USING ERRCODE = 'object_not_in_prerequisite_state',
      MESSAGE = pg_catalog.format('colsync %s: the sync triggers of %s are missing or disabled, so rows written'
        ' meanwhile may disagree', ${g.migration}, ${model.table.regclass}),
      HINT = 'Run expand again (it creates them again), then the backfill, then this check.';
  END IF;
  colsync_seal := ${g.seal};
  SELECT pg_catalog.count(*), pg_catalog.count(*) FILTER (WHERE ${g.diverges})
    INTO colsync_rows, colsync_diverging
    FROM ${model.table.qualified};
  IF colsync_diverging OPERATOR(pg_catalog.>) 0 THEN
    RAISE EXCEPTION USING ERRCODE = 'object_not_in_prerequisite_state',
      MESSAGE = pg_catalog.format('colsync %s: %s of %s rows have %I IS DISTINCT FROM up(%I)', ${g.migration},
        colsync_diverging, colsync_rows, ${model.newColumn}, ${model.oldColumn}),
      HINT = 'Let the backfill finish (run it again if it stopped), then run this check again.';
  END IF;
  INSERT INTO colsync.convergence_checks AS c (migration, seal, rows_checked)
    VALUES (${g.migration}, colsync_seal, colsync_rows)
    ON CONFLICT (migration) DO UPDATE SET seal = EXCLUDED.seal, rows_checked = EXCLUDED.rows_checked,
      checked_at = pg_catalog.now(), checked_by = CURRENT_USER;
  RAISE NOTICE 'colsync %: all % rows converged; recorded for contract', ${g.migration}, colsync_rows;
END
${g.quote};
