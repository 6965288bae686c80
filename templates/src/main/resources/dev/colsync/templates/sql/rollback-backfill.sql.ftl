<#-- @ftlvariable name="model" type="dev.colsync.core.render.Models.BackfillPrepareModel" -->
<#import "lib/objects.ftl" as o>
-- colsync ${model.migration}: rollback of backfill / drop the backfill procedure and its checkpoint table.
-- Values already copied into the new column stay; they are harmless and the trigger keeps them right.
<@o.timeouts model.backfill.table/>
DROP PROCEDURE IF EXISTS ${model.backfill.procedure}(text, integer, interval, boolean);
DROP TABLE IF EXISTS ${model.backfill.stateTable};
