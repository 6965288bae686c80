<#-- @ftlvariable name="model" type="dev.colsync.core.render.Models.ExpandModel" -->
<#import "lib/objects.ftl" as o>
<#assign s = model.sync>
-- colsync ${model.migration}: rollback of expand / drop the sync trigger, its functions and the new column.
-- One transaction; N-1 only. Takes ACCESS EXCLUSIVE on the table for milliseconds.
<@o.timeouts s.table/>
LOCK TABLE ${s.table.qualified} IN ACCESS EXCLUSIVE MODE;
<#assign p = model.preflight>
-- Once a later phase has run, the new column holds values the old one no longer has: refuse.
DO ${p.quote}
BEGIN
  IF ${p.laterPhaseRan} THEN
    RAISE EXCEPTION USING ERRCODE = 'object_not_in_prerequisite_state',
      MESSAGE = pg_catalog.format('colsync %s: rollback of expand refused: a later phase (cut-over or contract)'
        ' has run, so dropping the new column would lose its values', ${p.migration}),
      HINT = 'Roll back the later phases first (rollback/contract, rollback/cutover); nothing was changed.';
  END IF;
END
${p.quote};
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
