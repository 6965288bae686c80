-- colsync:no-transaction
-- Once this migration has been contracted, this script has nothing left to do: this block says so and
-- sets colsync.contracted for the session, and every statement below that would change something is
-- then skipped; otherwise it clears that setting.
DO $colsync$
DECLARE
  colsync_recorded boolean := false;
BEGIN
  PERFORM pg_catalog.set_config('colsync.contracted', '', false);
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
      RAISE NOTICE 'colsync %: contract has run already; % has nothing to do', 'events_category', 'indexes/attach-index-1';
      PERFORM pg_catalog.set_config('colsync.contracted', 'events_category', false);
    END IF;
  END IF;
END
$colsync$;
-- colsync events_category: indexes / attach each partition's index to "colsync_events_category_events_kind".
-- Statement by statement, each partition in its own short transaction: an attach locks that
-- partition's new index, and holding several at once could deadlock with a write that uses them.
-- A partition that has an index attached already is skipped, so running this again is a no-op.
-- With every partition's index attached, PostgreSQL marks the parent index valid; if it is not,
-- a partition has none and this fails.
SET lock_timeout = '2000ms';
DO $colsync$
BEGIN
  IF pg_catalog.current_setting('colsync.contracted', true) OPERATOR(pg_catalog.=) 'events_category' THEN
    RETURN;
  END IF;
  IF NOT EXISTS (SELECT FROM pg_catalog.pg_inherits i JOIN pg_catalog.pg_index x ON x.indexrelid = i.inhrelid
                 WHERE i.inhparent = '"app"."colsync_events_category_events_kind"'::pg_catalog.regclass AND x.indrelid = '"app"."Events 2026"'::pg_catalog.regclass) THEN
    ALTER INDEX "app"."colsync_events_category_events_kind" ATTACH PARTITION "app"."colsync_events_category_events_kind_Events 2026";
  END IF;
END
$colsync$;
DO $colsync$
BEGIN
  IF pg_catalog.current_setting('colsync.contracted', true) OPERATOR(pg_catalog.=) 'events_category' THEN
    RETURN;
  END IF;
  IF NOT EXISTS (SELECT FROM pg_catalog.pg_inherits i JOIN pg_catalog.pg_index x ON x.indexrelid = i.inhrelid
                 WHERE i.inhparent = '"app"."colsync_events_category_events_kind"'::pg_catalog.regclass AND x.indrelid = '"archive"."events_2025"'::pg_catalog.regclass) THEN
    ALTER INDEX "app"."colsync_events_category_events_kind" ATTACH PARTITION "archive"."colsync_events_category_events_kind_events_2025";
  END IF;
END
$colsync$;
DO $colsync$
DECLARE
  colsync_unindexed text;
BEGIN
  IF pg_catalog.current_setting('colsync.contracted', true) OPERATOR(pg_catalog.=) 'events_category' THEN
    RETURN;
  END IF;
  IF NOT (SELECT indisvalid FROM pg_catalog.pg_index WHERE indexrelid = '"app"."colsync_events_category_events_kind"'::pg_catalog.regclass) THEN
    SELECT pg_catalog.string_agg(t.inhrelid::pg_catalog.regclass::text, ', '
                                 ORDER BY t.inhrelid::pg_catalog.regclass::text)
      INTO colsync_unindexed
      FROM pg_catalog.pg_inherits t
      WHERE t.inhparent = '"app"."events"'::pg_catalog.regclass
        AND NOT EXISTS (SELECT FROM pg_catalog.pg_inherits i JOIN pg_catalog.pg_index x ON x.indexrelid = i.inhrelid
                        WHERE i.inhparent = '"app"."colsync_events_category_events_kind"'::pg_catalog.regclass AND x.indrelid = t.inhrelid AND x.indisvalid);
    RAISE EXCEPTION USING ERRCODE = 'object_not_in_prerequisite_state',
      MESSAGE = 'colsync: index "app"."colsync_events_category_events_kind" of "app"."events" is still invalid' || coalesce(': no valid index attached for ' || colsync_unindexed, ''),
      HINT = 'Run colsync scaffold again so the spec lists every partition, and generate again.';
  END IF;
END
$colsync$;
RESET lock_timeout;
