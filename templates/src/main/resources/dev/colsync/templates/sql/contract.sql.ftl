<#-- @ftlvariable name="model" type="dev.colsync.core.render.Models.ContractModel" -->
<#import "lib/objects.ftl" as o>
<#import "lib/gate.ftl" as g>
<#assign s = model.sync>
-- colsync ${model.migration}: contract / drop the sync trigger, its functions and the old column.
-- One transaction, so no write ever sees the column gone and the trigger still there.
-- Only N may be running. Takes ACCESS EXCLUSIVE on the table for milliseconds.
<#if model.extras.beforeTableLock?has_content>
-- The views that read the old column are created again over the new column first (same output
-- columns), each locked before the table, in the order their readers lock them.
</#if>
<@o.timeouts s.table/>
<#list model.extras.beforeTableLock as statement>
${statement}
</#list>
LOCK TABLE ${s.table.qualified} IN ACCESS EXCLUSIVE MODE;
<@g.gate model.gate s.table/>
<#list model.extras.beforeDrop as statement>
${statement}
</#list>
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
ALTER TABLE ${s.table.qualified} DROP COLUMN IF EXISTS ${s.oldColumn};
<#list model.extras.afterDrop as statement>
${statement}
</#list>
DROP PROCEDURE IF EXISTS ${model.backfillProcedure}(text, integer, interval, boolean);
DROP TABLE IF EXISTS ${model.backfillState};
