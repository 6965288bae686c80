-- colsync events_created_at_tz: rollback of expand / drop the sync trigger, its functions and the new column.
-- One transaction; N-1 only. Takes ACCESS EXCLUSIVE on the table for milliseconds.
SET LOCAL lock_timeout = '2000ms';
SET LOCAL statement_timeout = '30000ms';
LOCK TABLE "public"."events" IN ACCESS EXCLUSIVE MODE;
-- Once a later phase has run, the new column holds values the old one no longer has: refuse.
DO $colsync_expand$
BEGIN
  IF (NOT EXISTS (SELECT FROM pg_catalog.pg_attribute AS a WHERE a.attrelid OPERATOR(pg_catalog.=) '"public"."events"'::pg_catalog.regclass AND a.attname OPERATOR(pg_catalog.=) 'created_at' AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped) AND EXISTS (SELECT FROM pg_catalog.pg_attribute AS a WHERE a.attrelid OPERATOR(pg_catalog.=) '"public"."events"'::pg_catalog.regclass AND a.attname OPERATOR(pg_catalog.=) 'created_at_tz' AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped)) THEN
    RAISE EXCEPTION USING ERRCODE = 'object_not_in_prerequisite_state',
      MESSAGE = pg_catalog.format('colsync %s: rollback of expand refused: a later phase (cut-over or contract)'
        ' has run, so dropping the new column would lose its values', 'events_created_at_tz'),
      HINT = 'Roll back the later phases first (rollback/contract, rollback/cutover); nothing was changed.';
  END IF;
END
$colsync_expand$;
DROP TRIGGER IF EXISTS "~colsync_events_created_at_tz_new_written" ON "public"."events";
DROP TRIGGER IF EXISTS "~colsync_events_created_at_tz_sync" ON "public"."events";
DROP FUNCTION IF EXISTS "public"."colsync_events_created_at_tz_sync"();
DROP FUNCTION IF EXISTS "public"."colsync_events_created_at_tz_to_new"(timestamp);
DROP FUNCTION IF EXISTS "public"."colsync_events_created_at_tz_to_old"(timestamptz);
DROP FUNCTION IF EXISTS "public"."colsync_events_created_at_tz_old_differs"(timestamp, timestamp);
DROP FUNCTION IF EXISTS "public"."colsync_events_created_at_tz_new_differs"(timestamptz, timestamptz);
ALTER TABLE "public"."events" DROP COLUMN IF EXISTS "created_at_tz";
