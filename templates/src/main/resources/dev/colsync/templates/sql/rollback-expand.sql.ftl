<#-- @ftlvariable name="model" type="dev.colsync.core.render.Models.ExpandModel" -->
<#import "lib/objects.ftl" as o>
<#assign s = model.sync>
-- colsync ${model.migration}: rollback of expand / drop the sync trigger, its functions and the new column.
-- One transaction; N-1 only. Takes ACCESS EXCLUSIVE on the table for milliseconds.
<@o.timeouts s.table/>
LOCK TABLE ${s.table.qualified} IN ACCESS EXCLUSIVE MODE;
DROP TRIGGER IF EXISTS ${s.newWrittenTrigger} ON ${s.table.qualified};
DROP TRIGGER IF EXISTS ${s.trigger} ON ${s.table.qualified};
DROP FUNCTION IF EXISTS ${s.function}();
<#if s.upFunctionNeeded>
DROP FUNCTION IF EXISTS ${s.upFunction}(${s.oldType});
</#if>
DROP FUNCTION IF EXISTS ${s.toNew}(${s.oldType});
DROP FUNCTION IF EXISTS ${s.toOld}(${s.newType});
DROP FUNCTION IF EXISTS ${s.oldDiffers}(${s.oldType}, ${s.oldType});
DROP FUNCTION IF EXISTS ${s.newDiffers}(${s.newType}, ${s.newType});
ALTER TABLE ${s.table.qualified} DROP COLUMN IF EXISTS ${s.newColumn};
