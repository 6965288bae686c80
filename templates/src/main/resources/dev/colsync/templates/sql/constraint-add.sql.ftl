<#-- @ftlvariable name="model" type="dev.colsync.core.render.Models.ConstraintModel" -->
<#import "lib/objects.ftl" as o>
-- colsync ${model.migration}: ${model.phase} / add constraint ${model.name} as NOT VALID.
-- One transaction; a short lock, no table scan. New writes are checked from now on.
<@o.timeouts model.table/>
<#if model.locks?has_content>
-- This table's lock first, the other's only if free at once: never wait while holding one.
<#list model.locks as lock>
${lock}
</#list>
</#if>
DO ${model.quote}
BEGIN
  IF NOT EXISTS (SELECT FROM pg_catalog.pg_constraint
                 WHERE conrelid = ${model.table.regclass} AND conname = ${model.nameLiteral}) THEN
<#if model.usingIndex>
    ALTER TABLE ${model.table.qualified} ADD CONSTRAINT ${model.quotedName} ${model.definition};
<#else>
    ALTER TABLE ${model.table.qualified} ADD CONSTRAINT ${model.quotedName} ${model.definition} NOT VALID;
</#if>
  END IF;
END
${model.quote};
