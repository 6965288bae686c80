<#-- @ftlvariable name="model" type="dev.colsync.core.render.Models.ConstraintModel" -->
<#import "lib/objects.ftl" as o>
-- colsync ${model.migration}: ${model.phase} / rename constraint ${model.name}.
-- One transaction; a short lock. Safe to run twice: it renames only while the old name exists.
<@o.timeouts model.table/>
DO ${model.quote}
BEGIN
  IF EXISTS (SELECT FROM pg_catalog.pg_constraint
             WHERE conrelid = ${model.table.regclass} AND conname = ${model.nameLiteral}) THEN
    ALTER TABLE ${model.table.qualified} RENAME CONSTRAINT ${model.quotedName} TO ${model.definition};
  END IF;
END
${model.quote};
