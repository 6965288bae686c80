<#-- @ftlvariable name="model" type="dev.colsync.core.render.PartitionIndexModels.AttachModel" -->
${model.noTransactionMarker}
-- colsync ${model.migration}: ${model.phase} / attach each partition's index to ${model.name}.
-- Statement by statement, each partition in its own short transaction: an attach locks that
-- partition's new index, and holding several at once could deadlock with a write that uses them.
-- A partition that has an index attached already is skipped, so running this again is a no-op.
-- With every partition's index attached, PostgreSQL marks the parent index valid; if it is not,
-- a partition has none and this fails.
SET lock_timeout = ${model.table.lockTimeout};
<#list model.indexes as index>
DO ${model.quote}
BEGIN
<@skipWhenContracted/>
  IF NOT EXISTS (SELECT FROM pg_catalog.pg_inherits i JOIN pg_catalog.pg_index x ON x.indexrelid = i.inhrelid
                 WHERE i.inhparent = ${model.parentRegclass} AND x.indrelid = ${index.partitionRegclass}) THEN
    ALTER INDEX ${model.qualifiedParent} ATTACH PARTITION ${index.qualifiedIndex};
  END IF;
END
${model.quote};
</#list>
DO ${model.quote}
DECLARE
  colsync_unindexed text;
BEGIN
<@skipWhenContracted/>
  IF NOT (SELECT indisvalid FROM pg_catalog.pg_index WHERE indexrelid = ${model.parentRegclass}) THEN
    SELECT pg_catalog.string_agg(t.inhrelid::pg_catalog.regclass::text, ', '
                                 ORDER BY t.inhrelid::pg_catalog.regclass::text)
      INTO colsync_unindexed
      FROM pg_catalog.pg_inherits t
      WHERE t.inhparent = ${model.table.regclass}
        AND NOT EXISTS (SELECT FROM pg_catalog.pg_inherits i JOIN pg_catalog.pg_index x ON x.indexrelid = i.inhrelid
                        WHERE i.inhparent = ${model.parentRegclass} AND x.indrelid = t.inhrelid AND x.indisvalid);
    RAISE EXCEPTION USING ERRCODE = 'object_not_in_prerequisite_state',
      MESSAGE = ${model.stillInvalid} || coalesce(': no valid index attached for ' || colsync_unindexed, ''),
      HINT = 'Run colsync scaffold again so the spec lists every partition, and generate again.';
  END IF;
END
${model.quote};
RESET lock_timeout;
<#macro skipWhenContracted>
<#if model.contractedLiteral?has_content>
  IF pg_catalog.current_setting('colsync.contracted', true) OPERATOR(pg_catalog.=) ${model.contractedLiteral} THEN
    RETURN;
  END IF;
</#if>
</#macro>
