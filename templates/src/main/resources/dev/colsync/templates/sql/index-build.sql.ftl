<#-- @ftlvariable name="model" type="dev.colsync.core.render.Models.IndexBuildModel" -->
${model.noTransactionMarker}
-- colsync ${model.migration}: ${model.phase} / build index ${model.name} on the ${model.columnRole} column.
-- Statement by statement, outside a transaction: CREATE INDEX CONCURRENTLY takes SHARE UPDATE EXCLUSIVE,
-- which blocks no reads or writes. An INVALID leftover of an earlier failed build is moved aside and
-- dropped first; an index that was built already is left alone, so running this again is a no-op.
SET lock_timeout = ${model.table.lockTimeout};
DO ${model.quote}
BEGIN
  IF EXISTS (SELECT FROM pg_catalog.pg_index i
             JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid
             JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = ${model.schemaLiteral} AND c.relname = ${model.nameLiteral} AND NOT i.indisvalid) THEN
    ALTER INDEX ${model.qualifiedName} RENAME TO ${model.invalidName};
  END IF;
END
${model.quote};
DROP INDEX CONCURRENTLY IF EXISTS ${model.qualifiedInvalidName};
<#if model.contractedLiteral?has_content>
-- Once contracted, a placeholder of the index's name makes the build below skip (IF NOT EXISTS).
DO ${model.quote}
BEGIN
  IF pg_catalog.current_setting('colsync.contracted', true) OPERATOR(pg_catalog.=) ${model.contractedLiteral} THEN
    CREATE SEQUENCE ${model.qualifiedName};
  END IF;
END
${model.quote};
</#if>
-- Waiting for older transactions to finish is part of a concurrent build and harms no one: no lock_timeout.
SET lock_timeout = 0;
SET statement_timeout = 0;
${model.create};
<#if model.contractedLiteral?has_content>
DO ${model.quote}
BEGIN
  IF pg_catalog.current_setting('colsync.contracted', true) OPERATOR(pg_catalog.=) ${model.contractedLiteral} THEN
    DROP SEQUENCE ${model.qualifiedName};
  END IF;
END
${model.quote};
</#if>
-- Leave the session as it was for whatever runs next on this connection.
RESET statement_timeout;
RESET lock_timeout;
