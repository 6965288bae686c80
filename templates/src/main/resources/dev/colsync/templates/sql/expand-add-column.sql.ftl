<#-- @ftlvariable name="model" type="dev.colsync.core.render.Models.ExpandModel" -->
<#import "lib/objects.ftl" as o>
<#assign s = model.sync>
<#assign p = model.preflight>
-- colsync ${model.migration}: expand / add the new column and the sync trigger.
-- One transaction; N-1 may be running. Takes ACCESS EXCLUSIVE on the table for milliseconds.
<@o.timeouts s.table/>
-- Before it changes anything, expand checks the live table against the spec (the old column's type and
-- nullability, the key the backfill walks, the objects the spec recorded, and that the new column is
-- absent or this migration's own) and stops naming every mismatch. Once the migration has been
-- contracted<#if p.cutOver != "false"> or cut over</#if>, it does nothing.
DO ${p.quote}
#variable_conflict use_column
DECLARE
  colsync_problems text[] := ARRAY[]::text[];
  colsync_recorded boolean := false;
  colsync_old_exists boolean;
  colsync_new_exists boolean;
  colsync_ours boolean;
BEGIN
  SET LOCAL search_path = pg_catalog;
  IF pg_catalog.to_regclass(${p.table}) IS NULL THEN
    RAISE EXCEPTION USING ERRCODE = 'undefined_table',
      MESSAGE = pg_catalog.format('colsync %s: expand refused: table %s does not exist', ${p.migration}, ${p.table}),
      HINT = 'The spec''s table is schema.name, as the catalog spells them; nothing was changed.';
  END IF;
  colsync_old_exists := ${p.oldExists};
  colsync_new_exists := ${p.newExists};
  colsync_ours := ${p.ours};
<#if p.cutOver != "false">
  IF ${p.cutOver} THEN
    RAISE NOTICE 'colsync %: %', ${p.migration}, ${p.doneNotice};
    RETURN;
  END IF;
</#if>
  IF ${p.contracted} THEN
    IF pg_catalog.to_regclass('colsync.convergence_checks') IS NOT NULL THEN
      colsync_recorded := EXISTS (SELECT FROM colsync.convergence_checks AS c
        WHERE c.migration OPERATOR(pg_catalog.=) ${p.migration});
    END IF;
    IF NOT colsync_recorded AND pg_catalog.to_regclass('colsync.gate_overrides') IS NOT NULL THEN
      colsync_recorded := EXISTS (SELECT FROM colsync.gate_overrides AS g
        WHERE g.migration OPERATOR(pg_catalog.=) ${p.migration});
    END IF;
    IF colsync_recorded THEN
      RAISE NOTICE 'colsync %: %', ${p.migration}, ${p.doneNotice};
      RETURN;
    END IF;
  END IF;
<#list p.checks as check>
  IF ${check.whenWrong} THEN
    colsync_problems := colsync_problems OPERATOR(pg_catalog.||) ${check.message};
  END IF;
</#list>
  IF pg_catalog.cardinality(colsync_problems) OPERATOR(pg_catalog.>) 0 THEN
    RAISE EXCEPTION USING ERRCODE = 'object_not_in_prerequisite_state',
      MESSAGE = pg_catalog.format('colsync %s: expand refused, the table is not as the spec says: %s',
        ${p.migration}, pg_catalog.array_to_string(colsync_problems, '; ')),
      HINT = 'Nothing was changed. Correct the spec, or write it again from this database: colsync scaffold --url.';
  END IF;
  IF ${p.rerun} THEN
    RAISE NOTICE 'colsync %: %', ${p.migration}, ${p.rerunNotice};
  END IF;

SET LOCAL search_path = ${s.table.searchPath};
ALTER TABLE ${s.table.qualified} ADD COLUMN IF NOT EXISTS ${s.newColumn} ${model.newColumnType};
<#list model.columnProperties as statement>
${statement}
</#list>

<@o.syncObjects s/>
END
${p.quote};
