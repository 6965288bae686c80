<#-- @ftlvariable name="model" type="dev.colsync.core.render.Models.ExpandModel" -->
<#import "lib/objects.ftl" as o>
<#assign s = model.sync>
-- colsync ${model.migration}: expand / add the new column and the sync trigger.
-- One transaction; N-1 may be running. Takes ACCESS EXCLUSIVE on the table for milliseconds.
<@o.timeouts s.table/>
ALTER TABLE ${s.table.qualified} ADD COLUMN IF NOT EXISTS ${s.newColumn} ${model.newColumnType};
<#list model.columnProperties as statement>
${statement}
</#list>

<@o.syncObjects s/>
