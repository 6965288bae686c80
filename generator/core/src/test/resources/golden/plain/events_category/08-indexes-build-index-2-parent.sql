-- colsync events_category: indexes / create index "colsync_events_category_events_kind_partial" on the new column of the
-- partitioned table alone. One transaction; takes SHARE on the table for milliseconds. ON ONLY builds
-- nothing: the index stays INVALID, and unused, until every partition's index is attached to it.
-- Refuses to start when the table's partitions are not exactly those the spec lists.
SET LOCAL lock_timeout = '2000ms';
SET LOCAL statement_timeout = '30000ms';
-- Once this migration has been contracted this script has nothing left to do: it is one block, which
-- then returns at once with a notice and changes nothing.
DO $colsync_guard$
DECLARE
  colsync_recorded boolean := false;
BEGIN
  IF NOT EXISTS (SELECT FROM pg_catalog.pg_attribute AS a WHERE a.attrelid OPERATOR(pg_catalog.=) '"app"."events"'::pg_catalog.regclass AND a.attname OPERATOR(pg_catalog.=) 'Kind' AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped) AND (SELECT pg_catalog.count(*) FROM pg_catalog.pg_trigger AS t WHERE t.tgrelid OPERATOR(pg_catalog.=) '"app"."events"'::pg_catalog.regclass AND t.tgname OPERATOR(pg_catalog.=) ANY (ARRAY['~colsync_events_category_new_written', '~colsync_events_category_sync']::pg_catalog.name[])) OPERATOR(pg_catalog.=) 0 THEN
    IF pg_catalog.to_regclass('colsync.convergence_checks') IS NOT NULL THEN
      colsync_recorded := EXISTS (SELECT FROM colsync.convergence_checks AS c
        WHERE c.migration OPERATOR(pg_catalog.=) 'events_category');
    END IF;
    IF NOT colsync_recorded AND pg_catalog.to_regclass('colsync.gate_overrides') IS NOT NULL THEN
      colsync_recorded := EXISTS (SELECT FROM colsync.gate_overrides AS g
        WHERE g.migration OPERATOR(pg_catalog.=) 'events_category');
    END IF;
    IF colsync_recorded THEN
      RAISE NOTICE 'colsync %: contract has run already; % has nothing to do', 'events_category', 'indexes/build-index-2-parent';
      RETURN;
    END IF;
  END IF;
DO $colsync$
DECLARE
  colsync_missing text;
  colsync_unlisted text;
  colsync_not_plain text;
BEGIN
  SELECT pg_catalog.string_agg(listed.name, ', ' ORDER BY listed.name) INTO colsync_missing
    FROM (VALUES ('"app"."Events 2026"'), ('"archive"."events_2025"')) AS listed (name)
    WHERE NOT EXISTS (SELECT FROM pg_catalog.pg_inherits
                      WHERE inhparent = '"app"."events"'::pg_catalog.regclass
                        AND inhrelid = pg_catalog.to_regclass(listed.name));
  SELECT pg_catalog.string_agg(i.inhrelid::pg_catalog.regclass::text, ', ' ORDER BY i.inhrelid::pg_catalog.regclass::text)
    INTO colsync_unlisted
    FROM pg_catalog.pg_inherits i
    WHERE i.inhparent = '"app"."events"'::pg_catalog.regclass
      AND i.inhrelid NOT IN (SELECT pg_catalog.to_regclass(listed.name)
                             FROM (VALUES ('"app"."Events 2026"'), ('"archive"."events_2025"')) AS listed (name)
                             WHERE pg_catalog.to_regclass(listed.name) IS NOT NULL);
  SELECT pg_catalog.string_agg(c.oid::pg_catalog.regclass::text, ', ' ORDER BY c.oid::pg_catalog.regclass::text)
    INTO colsync_not_plain
    FROM pg_catalog.pg_inherits i JOIN pg_catalog.pg_class c ON c.oid = i.inhrelid
    WHERE i.inhparent = '"app"."events"'::pg_catalog.regclass AND c.relkind <> 'r';
  IF colsync_missing IS NOT NULL OR colsync_unlisted IS NOT NULL THEN
    RAISE EXCEPTION USING ERRCODE = 'object_not_in_prerequisite_state',
      MESSAGE = 'colsync: the partitions of ' || '"app"."events"'::pg_catalog.regclass::text || ' are not those the spec lists'
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
$colsync$;
CREATE INDEX IF NOT EXISTS "colsync_events_category_events_kind_partial" ON ONLY "app"."events" USING btree (note) WHERE ("category" <> 'k1'::text);
END
$colsync_guard$;
