<#-- @ftlvariable name="model" type="dev.colsync.core.render.Models.PrimaryKeyMoveModel" -->
<#import "lib/objects.ftl" as o>
-- colsync ${model.migration}: rollback of contract / move the primary key back onto the old column.
-- One transaction; a short lock. Safe to run twice: it moves the key only while the new column's index
-- holds it; the old column's unique index, built just before, becomes the key.
<@o.timeouts model.table/>
DO ${model.quote}
BEGIN
  IF EXISTS (SELECT FROM pg_catalog.pg_constraint
             WHERE conrelid = ${model.table.regclass} AND conname = ${model.currentLiteral} AND contype = 'p') THEN
    ALTER TABLE ${model.table.qualified} DROP CONSTRAINT ${model.current};
    ALTER TABLE ${model.table.qualified} ADD CONSTRAINT ${model.constraint} PRIMARY KEY USING INDEX ${model.index};
  END IF;
END
${model.quote};
