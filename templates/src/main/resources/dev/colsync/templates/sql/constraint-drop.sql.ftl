<#-- @ftlvariable name="model" type="dev.colsync.core.render.Models.ConstraintModel" -->
<#import "lib/objects.ftl" as o>
-- colsync ${model.migration}: ${model.phase} / drop constraint ${model.name}.
-- One transaction; a short lock.
<@o.timeouts model.table/>
<#if model.locks?has_content>
-- This table's lock first, the other's only if free at once: never wait while holding one.
<#list model.locks as lock>
${lock}
</#list>
</#if>
ALTER TABLE ${model.table.qualified} DROP CONSTRAINT IF EXISTS ${model.quotedName};
