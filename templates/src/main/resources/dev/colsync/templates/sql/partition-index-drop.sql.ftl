<#-- @ftlvariable name="model" type="dev.colsync.core.render.PartitionIndexModels.DropModel" -->
${model.noTransactionMarker}
-- colsync ${model.migration}: ${model.phase} / drop what is left of ${model.name} on the partitions: indexes
-- built but never attached, and INVALID leftovers of a failed build.
-- Outside a transaction: DROP INDEX CONCURRENTLY blocks no reads or writes.
SET lock_timeout = ${model.table.lockTimeout};
<#list model.qualifiedIndexes as index>
DROP INDEX CONCURRENTLY IF EXISTS ${index};
</#list>
RESET lock_timeout;
