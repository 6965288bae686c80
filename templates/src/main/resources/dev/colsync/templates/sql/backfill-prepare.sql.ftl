<#-- @ftlvariable name="model" type="dev.colsync.core.render.Models.BackfillPrepareModel" -->
<#import "lib/objects.ftl" as o>
-- colsync ${model.migration}: backfill / create the checkpoint table and the backfill procedure.
-- One transaction; takes no lock on the table.
<@o.timeouts model.backfill.table/>
<@o.backfillObjects model.backfill/>
