<#-- @ftlvariable name="model" type="dev.colsync.core.render.PartitionIndexModels.ParentIndexModel" -->
<#import "lib/objects.ftl" as o>
-- colsync ${model.migration}: ${model.phase} / create index ${model.name} on the ${model.columnRole} column of the
-- partitioned table alone. One transaction; takes SHARE on the table for milliseconds. ON ONLY builds
-- nothing: the index stays INVALID, and unused, until every partition's index is attached to it.
-- Refuses to start when the table's partitions are not exactly those the spec lists.
<@o.timeouts model.table/>
DO ${model.quote}
DECLARE
  colsync_missing text;
  colsync_unlisted text;
  colsync_not_plain text;
BEGIN
  SELECT pg_catalog.string_agg(listed.name, ', ' ORDER BY listed.name) INTO colsync_missing
    FROM (VALUES <#list model.partitions as p>(${p.literal})<#sep>, </#list>) AS listed (name)
    WHERE NOT EXISTS (SELECT FROM pg_catalog.pg_inherits
                      WHERE inhparent = ${model.table.regclass}
                        AND inhrelid = pg_catalog.to_regclass(listed.name));
  SELECT pg_catalog.string_agg(i.inhrelid::pg_catalog.regclass::text, ', ' ORDER BY i.inhrelid::pg_catalog.regclass::text)
    INTO colsync_unlisted
    FROM pg_catalog.pg_inherits i
    WHERE i.inhparent = ${model.table.regclass}
      AND i.inhrelid NOT IN (SELECT pg_catalog.to_regclass(listed.name)
                             FROM (VALUES <#list model.partitions as p>(${p.literal})<#sep>, </#list>) AS listed (name)
                             WHERE pg_catalog.to_regclass(listed.name) IS NOT NULL);
  SELECT pg_catalog.string_agg(c.oid::pg_catalog.regclass::text, ', ' ORDER BY c.oid::pg_catalog.regclass::text)
    INTO colsync_not_plain
    FROM pg_catalog.pg_inherits i JOIN pg_catalog.pg_class c ON c.oid = i.inhrelid
    WHERE i.inhparent = ${model.table.regclass} AND c.relkind <> 'r';
  IF colsync_missing IS NOT NULL OR colsync_unlisted IS NOT NULL THEN
    RAISE EXCEPTION USING ERRCODE = 'object_not_in_prerequisite_state',
      MESSAGE = 'colsync: the partitions of ' || ${model.table.regclass}::text || ' are not those the spec lists'
        || coalesce('; not partitions of the table: ' || colsync_missing, '')
        || coalesce('; not in the spec: ' || colsync_unlisted, ''),
      HINT = 'Run colsync scaffold again (or correct the spec''s partitions list) and generate again.';
  END IF;
  IF colsync_not_plain IS NOT NULL THEN
    RAISE EXCEPTION USING ERRCODE = 'feature_not_supported',
      MESSAGE = 'colsync: partitions ' || colsync_not_plain || ' are partitioned or foreign tables themselves;'
        || ' colsync builds indexes on one level of plain partitions only',
      HINT = 'Drop the index before expand and create it again over the new column after contract.';
  END IF;
END
${model.quote};
${model.create};
