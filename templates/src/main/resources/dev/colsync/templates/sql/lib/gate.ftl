<#-- The gate: refuses, under the table's lock, unless a passed convergence check was recorded with the sync
     trigger exactly as it is now (and, with a read path, the flag is NEW), so nothing slips in between. -->
<#macro gate g table>
-- The gate, whoever runs this script: it refuses unless a convergence check passed with the sync trigger
-- and its functions exactly as they are now<#if g.readPath>, the read-path flag is NEW and no running instance
-- reports another read path</#if>. It runs under the table's
-- lock, so no write and no flag change can come between it and the drop. To contract anyway, on purpose:
-- SET colsync.contract_override = '${model.migration}: <reason>' in the session first (recorded).
DO ${g.quote}
#variable_conflict use_column
DECLARE
  colsync_override text := pg_catalog.current_setting('colsync.contract_override', true);
  colsync_seal text;
  colsync_checked timestamptz;
<#if g.readPath>
  colsync_read_path text;
  colsync_instances text;
</#if>
BEGIN
  IF NOT ${g.oldColumnExists} THEN
    IF ${g.triggers} OPERATOR(pg_catalog.=) 0 THEN
      RAISE NOTICE 'colsync %: contract has run already (column % is gone); nothing to do', ${g.migration},
        ${g.oldColumnLiteral};
      RETURN;
    END IF;
    RAISE EXCEPTION USING ERRCODE = 'object_not_in_prerequisite_state',
      MESSAGE = pg_catalog.format('colsync %s: contract refused: column %s of %s does not exist, but the sync'
        ' trigger does', ${g.migration}, ${g.oldColumnLiteral}, ${table.regclass}),
      HINT = <#if g.cutover>'Run the cut-over first.'<#else>'The table is not as this migration left it; see the runbook.'</#if>;
  END IF;
  IF colsync_override OPERATOR(pg_catalog.=) ${g.migration}
     OR pg_catalog.starts_with(colsync_override, ${g.overridePrefix}) THEN
    RAISE WARNING 'colsync %: contract gate overridden by % (%)', ${g.migration}, CURRENT_USER, colsync_override;
    IF pg_catalog.to_regnamespace('colsync') IS NULL THEN
      CREATE SCHEMA colsync;
    END IF;
    ${g.overridesTable?replace("\n", "\n    ")};
    INSERT INTO colsync.gate_overrides (migration, reason) VALUES (${g.migration}, colsync_override);
    RETURN;
  END IF;
  IF pg_catalog.to_regclass('colsync.convergence_checks') IS NOT NULL THEN
    SELECT c.seal, c.checked_at INTO colsync_seal, colsync_checked FROM colsync.convergence_checks AS c
      WHERE c.migration OPERATOR(pg_catalog.=) ${g.migration} FOR SHARE;
  END IF;
  IF colsync_seal IS NULL THEN
    RAISE EXCEPTION USING ERRCODE = 'object_not_in_prerequisite_state',
      MESSAGE = pg_catalog.format('colsync %s: contract refused: no convergence check has passed, so column %s'
        ' is not known to be copied', ${g.migration}, ${g.oldColumnLiteral}),
      HINT = 'Once the backfill is done, run the check-convergence script before this one (or colsync verify).';
  END IF;
  IF colsync_seal OPERATOR(pg_catalog.<>) ${g.seal} THEN
    RAISE EXCEPTION USING ERRCODE = 'object_not_in_prerequisite_state',
      MESSAGE = pg_catalog.format('colsync %s: contract refused: the sync trigger or its functions were'
        ' disabled, dropped or replaced after the convergence check of %s', ${g.migration}, colsync_checked),
      HINT = 'Rows written since may disagree: run the backfill and the check-convergence script again.';
  END IF;
<#if g.readPath>
  IF pg_catalog.to_regclass('colsync.read_path_flags') IS NOT NULL THEN
    SELECT f.read_path INTO colsync_read_path FROM colsync.read_path_flags AS f
      WHERE f.migration OPERATOR(pg_catalog.=) ${g.migration} FOR SHARE;
  END IF;
  IF colsync_read_path IS NULL OR colsync_read_path OPERATOR(pg_catalog.<>) 'NEW' THEN
    RAISE EXCEPTION USING ERRCODE = 'object_not_in_prerequisite_state',
      MESSAGE = pg_catalog.format('colsync %s: contract refused: the read-path flag is %s, not NEW', ${g.migration},
        COALESCE(colsync_read_path, 'not set (OLD)')),
      HINT = pg_catalog.format('Set it once every instance reads the new column: colsync flag set %s NEW', ${g.migration});
  END IF;
  -- Running instances report the read path they use (colsync.instances), and themselves under the empty
  -- migration name: an instance of an application that reports this migration, but which does not know it
  -- itself (version N-1), reads the old column.
  IF pg_catalog.to_regclass('colsync.instances') IS NOT NULL THEN
    SELECT pg_catalog.string_agg(pg_catalog.format('%s (%s, reads %s, seen %s)', i.instance, i.application,
        CASE WHEN i.migration OPERATOR(pg_catalog.=) '' THEN 'OLD: it does not know this migration'
        ELSE i.read_path END, i.seen_at), ', ' ORDER BY i.instance)
      INTO colsync_instances FROM colsync.instances AS i
      WHERE i.expires_at OPERATOR(pg_catalog.>) pg_catalog.now()
        AND ((i.migration OPERATOR(pg_catalog.=) ${g.migration} AND i.read_path OPERATOR(pg_catalog.<>) 'NEW')
          OR (i.migration OPERATOR(pg_catalog.=) ''
            AND NOT EXISTS (SELECT FROM colsync.instances AS k WHERE k.instance OPERATOR(pg_catalog.=) i.instance
              AND k.migration OPERATOR(pg_catalog.=) ${g.migration})
            AND EXISTS (SELECT FROM colsync.instances AS a WHERE a.application OPERATOR(pg_catalog.=) i.application
              AND a.migration OPERATOR(pg_catalog.=) ${g.migration}
              AND a.expires_at OPERATOR(pg_catalog.>) pg_catalog.now())));
  END IF;
  IF colsync_instances IS NOT NULL THEN
    RAISE EXCEPTION USING ERRCODE = 'object_not_in_prerequisite_state',
      MESSAGE = pg_catalog.format('colsync %s: contract refused: running instances still use column %s: %s',
        ${g.migration}, ${g.oldColumnLiteral}, colsync_instances),
      HINT = 'Stop them or let them follow the flag to NEW, then run contract again (a report of an instance'
        ' that stopped without closing expires by itself; colsync status lists the live ones).';
  END IF;
</#if>
END
${g.quote};
</#macro>
