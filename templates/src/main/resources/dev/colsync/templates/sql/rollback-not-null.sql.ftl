<#-- @ftlvariable name="model" type="dev.colsync.core.render.Models.NotNullModel" -->
<#import "lib/objects.ftl" as o>
<#assign n = model.notNull>
-- colsync ${model.migration}: rollback of ${model.phase} / drop NOT NULL from the ${model.columnRole} column.
-- One transaction; a short ACCESS EXCLUSIVE lock.
<@o.timeouts n.table/>
ALTER TABLE ${n.table.qualified} ALTER COLUMN ${n.column} DROP NOT NULL;
ALTER TABLE ${n.table.qualified} DROP CONSTRAINT IF EXISTS ${n.constraint};
