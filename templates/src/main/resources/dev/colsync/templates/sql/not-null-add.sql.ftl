<#-- @ftlvariable name="model" type="dev.colsync.core.render.Models.NotNullModel" -->
<#import "lib/objects.ftl" as o>
-- colsync ${model.migration}: ${model.phase} / add NOT NULL on the ${model.columnRole} column as NOT VALID.
-- One transaction; a short ACCESS EXCLUSIVE lock, no table scan. New writes are checked from now on.
<@o.timeouts model.notNull.table/>
<@o.addNotNull model.notNull/>
