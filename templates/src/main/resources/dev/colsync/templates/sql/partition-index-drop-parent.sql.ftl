<#-- @ftlvariable name="model" type="dev.colsync.core.render.PartitionIndexModels.DropModel" -->
<#import "lib/objects.ftl" as o>
-- colsync ${model.migration}: ${model.phase} / drop index ${model.name} of the partitioned table, and with it
-- every partition's index attached to it. One transaction: PostgreSQL cannot drop a partitioned
-- index concurrently; no data is read, so its ACCESS EXCLUSIVE lasts milliseconds.
<@o.timeouts model.table/>
<#list model.qualifiedIndexes as index>
DROP INDEX IF EXISTS ${index};
</#list>
