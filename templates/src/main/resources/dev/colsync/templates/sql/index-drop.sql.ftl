<#-- @ftlvariable name="model" type="dev.colsync.core.render.Models.IndexBuildModel" -->
${model.noTransactionMarker}
-- colsync ${model.migration}: ${model.phase} / drop index ${model.name}.
-- Outside a transaction: DROP INDEX CONCURRENTLY blocks no reads or writes.
SET lock_timeout = ${model.table.lockTimeout};
DROP INDEX CONCURRENTLY IF EXISTS ${model.qualifiedName};
RESET lock_timeout;
