<#-- @ftlvariable name="model" type="dev.colsync.core.render.Models.NotNullModel" -->
<#import "lib/objects.ftl" as o>
-- colsync ${model.migration}: ${model.phase} / validate NOT NULL on the ${model.columnRole} column.
-- One transaction; scans the table under SHARE UPDATE EXCLUSIVE, which blocks no reads or writes,
-- so the statement timeout is lifted for it.
<@o.timeouts model.notNull.table "0"/>
<@o.validateNotNull model.notNull/>
