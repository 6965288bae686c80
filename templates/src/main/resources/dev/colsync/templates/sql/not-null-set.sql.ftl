<#-- @ftlvariable name="model" type="dev.colsync.core.render.Models.NotNullModel" -->
<#import "lib/objects.ftl" as o>
-- colsync ${model.migration}: ${model.phase} / mark the ${model.columnRole} column NOT NULL and drop the check.
-- One transaction; a short ACCESS EXCLUSIVE lock, no table scan.
<@o.timeouts model.notNull.table/>
<@o.setNotNull model.notNull/>
