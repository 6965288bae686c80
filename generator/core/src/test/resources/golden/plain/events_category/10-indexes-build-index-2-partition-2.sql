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
      RAISE NOTICE 'colsync %: contract has run already; % has nothing to do', 'events_category', 'indexes/build-index-2-partition-2';
      PERFORM pg_catalog.set_config('colsync.contracted', 'events_category', false);
    END IF;
  END IF;
END
$colsync$;
-- colsync events_category: indexes / build index "colsync_events_category_events_kind_partial_events_2025" on the new column.
-- Statement by statement, outside a transaction: CREATE INDEX CONCURRENTLY takes SHARE UPDATE EXCLUSIVE,
-- which blocks no reads or writes. An INVALID leftover of an earlier failed build is moved aside and
-- dropped first; an index that was built already is left alone, so running this again is a no-op.
SET lock_timeout = '2000ms';
DO $colsync$
BEGIN
  IF EXISTS (SELECT FROM pg_catalog.pg_index i
             JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid
             JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = 'archive' AND c.relname = 'colsync_events_category_events_kind_partial_events_2025' AND NOT i.indisvalid) THEN
    ALTER INDEX "archive"."colsync_events_category_events_kind_partial_events_2025" RENAME TO "colsync_events_category_events_kind_partial_events_2025_invalid";
  END IF;
END
$colsync$;
DROP INDEX CONCURRENTLY IF EXISTS "archive"."colsync_events_category_events_kind_partial_events_2025_invalid";
-- Once contracted, a placeholder of the index's name makes the build below skip (IF NOT EXISTS).
DO $colsync$
BEGIN
  IF pg_catalog.current_setting('colsync.contracted', true) OPERATOR(pg_catalog.=) 'events_category' THEN
    CREATE SEQUENCE "archive"."colsync_events_category_events_kind_partial_events_2025";
  END IF;
END
$colsync$;
-- Waiting for older transactions to finish is part of a concurrent build and harms no one: no lock_timeout.
SET lock_timeout = 0;
SET statement_timeout = 0;
CREATE INDEX CONCURRENTLY IF NOT EXISTS "colsync_events_category_events_kind_partial_events_2025" ON "archive"."events_2025" USING btree (note) WHERE ("category" <> 'k1'::text);
DO $colsync$
BEGIN
  IF pg_catalog.current_setting('colsync.contracted', true) OPERATOR(pg_catalog.=) 'events_category' THEN
    DROP SEQUENCE "archive"."colsync_events_category_events_kind_partial_events_2025";
  END IF;
END
$colsync$;
-- Leave the session as it was for whatever runs next on this connection.
RESET statement_timeout;
RESET lock_timeout;
