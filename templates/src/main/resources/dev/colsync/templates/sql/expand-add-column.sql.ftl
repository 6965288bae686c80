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

<@pf.binding p p.conversionFunctions/>
  SET LOCAL search_path = ${s.table.searchPath};
END
${p.quote};
