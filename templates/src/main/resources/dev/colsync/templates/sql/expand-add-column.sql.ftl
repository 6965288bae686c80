<#-- @ftlvariable name="model" type="dev.colsync.core.render.Models.ExpandModel" -->
<#import "lib/objects.ftl" as o>
<#import "lib/preflight.ftl" as pf>
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
<@pf.declarations/>
BEGIN
<@pf.checks p/>

SET LOCAL search_path = ${s.table.searchPath};
ALTER TABLE ${s.table.qualified} ADD COLUMN IF NOT EXISTS ${s.newColumn} ${model.newColumnType};
<#list model.columnProperties as statement>
${statement}
</#list>

<@o.syncObjects s/>
<#if model.checkProbes?has_content || model.defaultProbe?has_content>

  -- Each CHECK the validate phase copies onto the new column is tried here (NOT VALID: no scan) and
  -- dropped again, and the old column's default converted by up is computed once, so that what
  -- PostgreSQL cannot make over the new type stops expand, not validate or every insert after contract.
<#if model.defaultProbe?has_content>
  BEGIN
    PERFORM ${model.defaultProbe};
  EXCEPTION WHEN OTHERS THEN
    colsync_problems := colsync_problems OPERATOR(pg_catalog.||) pg_catalog.format(
      'the old column''s default, converted by up for the new column, cannot be computed (%s); give the new'
      ' column its own default (drop the old one first, and set the new one after contract)', SQLERRM);
  END;
</#if>
<#list model.checkProbes as probe>
  IF NOT EXISTS (SELECT FROM pg_catalog.pg_constraint AS k WHERE k.conrelid OPERATOR(pg_catalog.=) ${s.table.regclass}
                 AND k.conname OPERATOR(pg_catalog.=) ${probe.nameLiteral}) THEN
    BEGIN
      ALTER TABLE ${s.table.qualified} ADD CONSTRAINT ${probe.name} ${probe.definition} NOT VALID;
      ALTER TABLE ${s.table.qualified} DROP CONSTRAINT ${probe.name};
    EXCEPTION WHEN OTHERS THEN
      colsync_problems := colsync_problems OPERATOR(pg_catalog.||) pg_catalog.format(
        'the copy of CHECK %s over the new column cannot be made (%s)', ${probe.originalLiteral}, SQLERRM);
    END;
  END IF;
</#list>
  IF pg_catalog.cardinality(colsync_problems) OPERATOR(pg_catalog.>) 0 THEN
    RAISE EXCEPTION USING ERRCODE = 'object_not_in_prerequisite_state',
      MESSAGE = pg_catalog.format('colsync %s: expand refused: %s', ${p.migration},
        pg_catalog.array_to_string(colsync_problems, '; ')),
      HINT = 'Nothing was changed. Drop or rewrite the constraint so that it holds over the new type, and'
        || ' scaffold the spec again.';
  END IF;
</#if>

<@pf.binding p p.conversionFunctions/>
  SET LOCAL search_path = ${s.table.searchPath};
END
${p.quote};
