<#-- @ftlvariable name="model" type="dev.colsync.core.render.Models.ConstraintModel" -->
<#import "lib/objects.ftl" as o>
-- colsync ${model.migration}: ${model.phase} / validate constraint ${model.name}.
-- One transaction; scans under SHARE UPDATE EXCLUSIVE, which blocks no reads or writes, so the
-- statement timeout is lifted for it.
<@o.timeouts model.table "0"/>
DO ${model.quote}
BEGIN
  IF EXISTS (SELECT FROM pg_catalog.pg_constraint
             WHERE conrelid = ${model.table.regclass} AND conname = ${model.nameLiteral} AND NOT convalidated) THEN
    ALTER TABLE ${model.table.qualified} VALIDATE CONSTRAINT ${model.quotedName};
  END IF;
END
${model.quote};
