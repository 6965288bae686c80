<#-- @ftlvariable name="model" type="dev.colsync.core.render.Models.ConstraintModel" -->
<#import "lib/objects.ftl" as o>
-- colsync ${model.migration}: ${model.phase} / drop constraint ${model.name}.
-- One transaction; a short lock.
<@o.timeouts model.table/>
ALTER TABLE ${model.table.qualified} DROP CONSTRAINT IF EXISTS ${model.quotedName};
