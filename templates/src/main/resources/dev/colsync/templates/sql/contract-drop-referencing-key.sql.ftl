<#-- @ftlvariable name="model" type="dev.colsync.core.render.Models.GatedKeyDropModel" -->
<#import "lib/objects.ftl" as o>
<#import "lib/gate.ftl" as g>
-- colsync ${model.migration}: contract / drop foreign key ${model.name} of ${model.on.qualified}, which references the old column.
-- One transaction; a short lock on both tables. Gated as the drop of the old column is: run too early,
-- or again after contract (when the new column's key carries this name), it changes nothing.
<@o.timeouts model.table/>
-- This table's lock first, the other's only if free at once: never wait while holding one.
LOCK TABLE ${model.table.qualified} IN ACCESS EXCLUSIVE MODE;
LOCK TABLE ${model.on.qualified} IN ACCESS EXCLUSIVE MODE NOWAIT;
<@g.gate model.gate model.table/>
DO ${model.quote}
BEGIN
  IF EXISTS (SELECT FROM pg_catalog.pg_constraint AS k
             JOIN pg_catalog.pg_attribute AS a ON a.attrelid OPERATOR(pg_catalog.=) k.confrelid
               AND a.attnum OPERATOR(pg_catalog.=) ANY (k.confkey)
             WHERE k.conrelid OPERATOR(pg_catalog.=) ${model.on.regclass}
               AND k.conname OPERATOR(pg_catalog.=) ${model.nameLiteral}
               AND k.confrelid OPERATOR(pg_catalog.=) ${model.table.regclass}
               AND a.attname OPERATOR(pg_catalog.=) ${model.oldColumnLiteral}) THEN
    ALTER TABLE ${model.on.qualified} DROP CONSTRAINT ${model.quotedName};
  END IF;
END
${model.quote};
