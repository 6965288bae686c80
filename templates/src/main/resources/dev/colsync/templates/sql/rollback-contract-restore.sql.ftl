<#-- @ftlvariable name="model" type="dev.colsync.core.render.Models.RestoreModel" -->
<#import "lib/objects.ftl" as o>
<#assign s = model.sync>
-- colsync ${model.migration}: rollback of contract / bring back the old column, the sync trigger and the
-- backfill procedure. One transaction; takes ACCESS EXCLUSIVE on the table for milliseconds.
-- From here on every write to the new column is copied to the old one; the next script refills the rest.
<@o.timeouts s.table/>
ALTER TABLE ${s.table.qualified} ADD COLUMN IF NOT EXISTS ${s.oldColumn} ${model.oldColumnType};
<#list model.extras.afterDrop as statement>
${statement}
</#list>

<@o.syncObjects s/>

<@o.backfillObjects model.backfill/>
