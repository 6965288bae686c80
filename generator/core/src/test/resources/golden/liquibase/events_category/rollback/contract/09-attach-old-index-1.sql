-- colsync:no-transaction
-- colsync events_category: rollback of contract / attach each partition's index to "events_kind".
-- Statement by statement, each partition in its own short transaction: an attach locks that
-- partition's new index, and holding several at once could deadlock with a write that uses them.
-- A partition that has an index attached already is skipped, so running this again is a no-op.
-- With every partition's index attached, PostgreSQL marks the parent index valid; if it is not,
-- a partition has none and this fails.
SET lock_timeout = '2000ms';
DO $colsync$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_catalog.pg_inherits i JOIN pg_catalog.pg_index x ON x.indexrelid = i.inhrelid
                 WHERE i.inhparent = '"app"."events_kind"'::pg_catalog.regclass AND x.indrelid = '"app"."Events 2026"'::pg_catalog.regclass) THEN
    ALTER INDEX "app"."events_kind" ATTACH PARTITION "app"."events_kind_Events 2026";
  END IF;
END
$colsync$;
DO $colsync$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_catalog.pg_inherits i JOIN pg_catalog.pg_index x ON x.indexrelid = i.inhrelid
                 WHERE i.inhparent = '"app"."events_kind"'::pg_catalog.regclass AND x.indrelid = '"archive"."events_2025"'::pg_catalog.regclass) THEN
    ALTER INDEX "app"."events_kind" ATTACH PARTITION "archive"."events_kind_events_2025";
  END IF;
END
$colsync$;
DO $colsync$
DECLARE
  colsync_unindexed text;
BEGIN
  IF NOT (SELECT indisvalid FROM pg_catalog.pg_index WHERE indexrelid = '"app"."events_kind"'::pg_catalog.regclass) THEN
    SELECT pg_catalog.string_agg(t.inhrelid::pg_catalog.regclass::text, ', '
                                 ORDER BY t.inhrelid::pg_catalog.regclass::text)
      INTO colsync_unindexed
      FROM pg_catalog.pg_inherits t
      WHERE t.inhparent = '"app"."events"'::pg_catalog.regclass
        AND NOT EXISTS (SELECT FROM pg_catalog.pg_inherits i JOIN pg_catalog.pg_index x ON x.indexrelid = i.inhrelid
                        WHERE i.inhparent = '"app"."events_kind"'::pg_catalog.regclass AND x.indrelid = t.inhrelid AND x.indisvalid);
    RAISE EXCEPTION USING ERRCODE = 'object_not_in_prerequisite_state',
      MESSAGE = 'colsync: index "app"."events_kind" of "app"."events" is still invalid' || coalesce(': no valid index attached for ' || colsync_unindexed, ''),
      HINT = 'Run colsync scaffold again so the spec lists every partition, and generate again.';
  END IF;
END
$colsync$;
RESET lock_timeout;
