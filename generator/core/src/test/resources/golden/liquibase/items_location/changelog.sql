--liquibase formatted sql

--changeset colsync:items_location-01-expand-add-column labels:items_location,expand runInTransaction:true rollbackSplitStatements:false splitStatements:false
-- colsync items_location: expand / add the new column and the sync trigger.
-- One transaction; N-1 may be running. Takes ACCESS EXCLUSIVE on the table for milliseconds.
SET LOCAL lock_timeout = '2000ms';
SET LOCAL statement_timeout = '30000ms';
ALTER TABLE "shop"."items" ADD COLUMN IF NOT EXISTS "location" text COLLATE "C";
COMMENT ON COLUMN "shop"."items"."location" IS 'where it is';
ALTER TABLE "shop"."items" ALTER COLUMN "location" SET STATISTICS 321;

-- up, down and the comparisons the sync function makes, as SQL functions whose bodies PostgreSQL binds
-- now, under this search path, and inlines where they are called: the trigger function then depends on
-- no caller's search_path without a SET clause of its own, which would cost every write a few
-- microseconds.
SET LOCAL search_path = pg_catalog, "shop", pg_temp;
CREATE OR REPLACE FUNCTION "shop"."colsync_items_location_to_new"(text) RETURNS text
LANGUAGE sql SECURITY INVOKER
RETURN ($1);

CREATE OR REPLACE FUNCTION "shop"."colsync_items_location_to_old"(text) RETURNS text
LANGUAGE sql SECURITY INVOKER
RETURN ($1);

CREATE OR REPLACE FUNCTION "shop"."colsync_items_location_old_differs"(text, text) RETURNS boolean
LANGUAGE sql SECURITY INVOKER
RETURN $1 IS DISTINCT FROM $2;

CREATE OR REPLACE FUNCTION "shop"."colsync_items_location_new_differs"(text, text) RETURNS boolean
LANGUAGE sql SECURITY INVOKER
RETURN $1 IS DISTINCT FROM $2;

-- Keeps the two columns equal whichever application version writes. Direction is decided by the
-- data, never by the session: a write to the new column wins and the old one follows unless it
-- already agrees; a write to the old column only (or an INSERT without the new one) sets the new
-- one. An UPDATE that writes neither leaves both alone: the backfill converges untouched rows.
-- A new value the old column cannot hold exactly (up(down(new)) <> new) is refused rather than
-- silently changed, so no write is ever lost. Every operator is pg_catalog's by name.
CREATE OR REPLACE FUNCTION "shop"."colsync_items_location_sync"() RETURNS trigger
LANGUAGE plpgsql SECURITY INVOKER
AS $colsync$
DECLARE
  colsync_agrees boolean;
BEGIN
  -- Fired by the UPDATE OF trigger (first, by name), an UPDATE that names the new column in its SET
  -- list writes it, even with the value it already had.
  IF TG_NARGS OPERATOR(pg_catalog.>) 0 OR (TG_OP OPERATOR(pg_catalog.=) 'INSERT' AND NEW."location" IS NOT NULL)
     OR (TG_OP OPERATOR(pg_catalog.=) 'UPDATE' AND "shop"."colsync_items_location_new_differs"(NEW."location", OLD."location")) THEN
    IF "shop"."colsync_items_location_old_differs"(NEW."path", "shop"."colsync_items_location_to_old"(NEW."location")) THEN
      BEGIN
        -- An old value up() cannot convert disagrees with any new value; it must not fail the write.
        colsync_agrees := NOT "shop"."colsync_items_location_new_differs"(NEW."location", "shop"."colsync_items_location_to_new"(NEW."path"));
      EXCEPTION WHEN data_exception THEN
        colsync_agrees := false;
      END;
      IF NOT colsync_agrees THEN
        NEW."path" := "shop"."colsync_items_location_to_old"(NEW."location");
        IF "shop"."colsync_items_location_new_differs"(NEW."location", "shop"."colsync_items_location_to_new"(NEW."path")) THEN
          RAISE EXCEPTION USING ERRCODE = 'data_exception', MESSAGE = 'colsync items_location: the value written to column "location" cannot be stored in column "path" without changing it',
            HINT = 'Only values the old column can hold may be written while both columns are in use.';
        END IF;
      END IF;
    END IF;
  ELSIF TG_OP OPERATOR(pg_catalog.=) 'INSERT' OR "shop"."colsync_items_location_old_differs"(NEW."path", OLD."path") THEN
    NEW."location" := "shop"."colsync_items_location_to_new"(NEW."path");
  END IF;
  RETURN NEW;
END
$colsync$;

CREATE OR REPLACE TRIGGER "colsync_items_location_new_written"
  BEFORE UPDATE OF "location" ON "shop"."items"
  FOR EACH ROW EXECUTE FUNCTION "shop"."colsync_items_location_sync"('new column written');

CREATE OR REPLACE TRIGGER "colsync_items_location_sync"
  BEFORE INSERT OR UPDATE ON "shop"."items"
  FOR EACH ROW EXECUTE FUNCTION "shop"."colsync_items_location_sync"();
--rollback -- colsync items_location: rollback of expand / drop the sync trigger, its functions and the new column.
--rollback -- One transaction; N-1 only. Takes ACCESS EXCLUSIVE on the table for milliseconds.
--rollback SET LOCAL lock_timeout = '2000ms';
--rollback SET LOCAL statement_timeout = '30000ms';
--rollback LOCK TABLE "shop"."items" IN ACCESS EXCLUSIVE MODE;
--rollback DROP TRIGGER IF EXISTS "colsync_items_location_new_written" ON "shop"."items";
--rollback DROP TRIGGER IF EXISTS "colsync_items_location_sync" ON "shop"."items";
--rollback DROP FUNCTION IF EXISTS "shop"."colsync_items_location_sync"();
--rollback DROP FUNCTION IF EXISTS "shop"."colsync_items_location_to_new"(text);
--rollback DROP FUNCTION IF EXISTS "shop"."colsync_items_location_to_old"(text);
--rollback DROP FUNCTION IF EXISTS "shop"."colsync_items_location_old_differs"(text, text);
--rollback DROP FUNCTION IF EXISTS "shop"."colsync_items_location_new_differs"(text, text);
--rollback ALTER TABLE "shop"."items" DROP COLUMN IF EXISTS "location";

--changeset colsync:items_location-02-backfill-prepare labels:items_location,backfill runInTransaction:true rollbackSplitStatements:false splitStatements:false
-- colsync items_location: backfill / create the checkpoint table and the backfill procedure.
-- One transaction; takes no lock on the table.
SET LOCAL lock_timeout = '2000ms';
SET LOCAL statement_timeout = '30000ms';
CREATE TABLE IF NOT EXISTS "shop"."colsync_items_location_backfill_state" (
  direction text PRIMARY KEY CHECK (direction IN ('up', 'down')),
  last_key text[],
  rows_changed bigint NOT NULL DEFAULT 0,
  batches bigint NOT NULL DEFAULT 0,
  done boolean NOT NULL DEFAULT false,
  started_at timestamptz NOT NULL DEFAULT pg_catalog.now(),
  updated_at timestamptz NOT NULL DEFAULT pg_catalog.now()
);

-- Walks the primary key in batches: one short transaction per batch, checkpoint committed with it.
-- Only rows that differ are written, so running it again is a no-op. 'down' refills the old column.
CREATE OR REPLACE PROCEDURE "shop"."colsync_items_location_backfill"(
  colsync_direction text DEFAULT 'up',
  colsync_batch_size integer DEFAULT 5000,
  colsync_pause interval DEFAULT '10ms'::interval,
  colsync_commit_batches boolean DEFAULT true)
LANGUAGE plpgsql SECURITY INVOKER
AS $colsync$
#variable_conflict use_column
DECLARE
  colsync_state record;
  colsync_last_0 "shop"."items"."id"%TYPE;
  colsync_lower_0 "shop"."items"."id"%TYPE;
  colsync_upper_0 "shop"."items"."id"%TYPE;
  colsync_changed bigint;
BEGIN
  IF colsync_direction NOT IN ('up', 'down') THEN
    RAISE EXCEPTION 'colsync: direction must be up or down, not %', colsync_direction;
  END IF;
  LOOP
    PERFORM pg_catalog.set_config('search_path', 'pg_catalog, "shop", pg_temp', true);
    PERFORM pg_catalog.set_config('lock_timeout', '2000ms', true);
    -- The checkpoint keeps keys as text: read and write them in one fixed format.
    PERFORM pg_catalog.set_config('DateStyle', 'ISO, YMD', true);
    PERFORM pg_catalog.set_config('TimeZone', 'UTC', true);
    PERFORM pg_catalog.set_config('IntervalStyle', 'postgres', true);
    PERFORM pg_catalog.set_config('extra_float_digits', '3', true);
    INSERT INTO "shop"."colsync_items_location_backfill_state" (direction) VALUES (colsync_direction) ON CONFLICT (direction) DO NOTHING;
    SELECT * INTO colsync_state FROM "shop"."colsync_items_location_backfill_state" WHERE direction = colsync_direction FOR UPDATE;
    EXIT WHEN colsync_state.done;
    IF colsync_state.last_key IS NULL THEN
      SELECT "id" INTO colsync_lower_0
        FROM "shop"."items" ORDER BY "id" LIMIT 1;
    ELSE
      colsync_last_0 := colsync_state.last_key[1];
      SELECT "id" INTO colsync_lower_0
        FROM "shop"."items"
        WHERE ("id") > (colsync_last_0)
        ORDER BY "id" LIMIT 1;
    END IF;
    IF NOT FOUND THEN
      UPDATE "shop"."colsync_items_location_backfill_state" SET done = true, updated_at = pg_catalog.now() WHERE direction = colsync_direction;
      RAISE NOTICE 'colsync: backfill % done: % rows changed in % batches',
        colsync_direction, colsync_state.rows_changed, colsync_state.batches;
      IF colsync_commit_batches THEN
        COMMIT;
      END IF;
      EXIT;
    END IF;
    SELECT batch."id" INTO colsync_upper_0
      FROM (SELECT "id" FROM "shop"."items"
            WHERE ("id") >= (colsync_lower_0)
            ORDER BY "id" LIMIT colsync_batch_size) AS batch
      ORDER BY batch."id" DESC LIMIT 1;
    IF colsync_direction = 'up' THEN
      UPDATE "shop"."items" SET "location" = ("path")
        WHERE ("id") >= (colsync_lower_0)
          AND ("id") <= (colsync_upper_0)
          AND "location" IS DISTINCT FROM ("path");
    ELSE
      UPDATE "shop"."items" SET "path" = ("location")
        WHERE ("id") >= (colsync_lower_0)
          AND ("id") <= (colsync_upper_0)
          AND "path" IS DISTINCT FROM ("location");
    END IF;
    GET DIAGNOSTICS colsync_changed = ROW_COUNT;
    UPDATE "shop"."colsync_items_location_backfill_state"
      SET last_key = ARRAY[colsync_upper_0::text],
          rows_changed = rows_changed + colsync_changed,
          batches = batches + 1,
          updated_at = pg_catalog.now()
      WHERE direction = colsync_direction;
    IF colsync_commit_batches THEN
      COMMIT;
      PERFORM pg_catalog.pg_sleep_for(colsync_pause);
    END IF;
  END LOOP;
END
$colsync$;
--rollback -- colsync items_location: rollback of backfill / drop the backfill procedure and its checkpoint table.
--rollback -- Values already copied into the new column stay; they are harmless and the trigger keeps them right.
--rollback SET LOCAL lock_timeout = '2000ms';
--rollback SET LOCAL statement_timeout = '30000ms';
--rollback DROP PROCEDURE IF EXISTS "shop"."colsync_items_location_backfill"(text, integer, interval, boolean);
--rollback DROP TABLE IF EXISTS "shop"."colsync_items_location_backfill_state";

--changeset colsync:items_location-03-backfill-run labels:items_location,backfill runInTransaction:false rollbackSplitStatements:false splitStatements:true
-- colsync items_location: backfill / fill the new column from the old one.
-- Batches of 5000 rows by primary key, each its own short transaction with its checkpoint.
-- Safe to stop at any time and to run again: it resumes after the last committed batch.
-- The CALL lasts as long as the whole backfill, so a session statement_timeout must not cut it short;
-- each batch is bounded by its size and by lock_timeout instead.
SET statement_timeout = 0;
CALL "shop"."colsync_items_location_backfill"(colsync_direction => 'up');
RESET statement_timeout;
--rollback empty

--changeset colsync:items_location-04-indexes-build-index-1-1 labels:items_location,indexes runInTransaction:false rollbackSplitStatements:false splitStatements:false
-- colsync items_location: indexes / build index "colsync_items_location_items_path_key" on the new column.
-- Statement by statement, outside a transaction: CREATE INDEX CONCURRENTLY takes SHARE UPDATE EXCLUSIVE,
-- which blocks no reads or writes. An INVALID leftover of an earlier failed build is moved aside and
-- dropped first; an index that was built already is left alone, so running this again is a no-op.
SET lock_timeout = '2000ms';
--rollback empty

--changeset colsync:items_location-04-indexes-build-index-1-2 labels:items_location,indexes runInTransaction:false rollbackSplitStatements:false splitStatements:false
DO $colsync$
BEGIN
  IF EXISTS (SELECT FROM pg_catalog.pg_index i
             JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid
             JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = 'shop' AND c.relname = 'colsync_items_location_items_path_key' AND NOT i.indisvalid) THEN
    ALTER INDEX "shop"."colsync_items_location_items_path_key" RENAME TO "colsync_items_location_items_path_key_invalid";
  END IF;
END
$colsync$;
--rollback empty

--changeset colsync:items_location-04-indexes-build-index-1-3 labels:items_location,indexes runInTransaction:false rollbackSplitStatements:false splitStatements:false
DROP INDEX CONCURRENTLY IF EXISTS "shop"."colsync_items_location_items_path_key_invalid";
--rollback empty

--changeset colsync:items_location-04-indexes-build-index-1-4 labels:items_location,indexes runInTransaction:false rollbackSplitStatements:false splitStatements:false
-- Waiting for older transactions to finish is part of a concurrent build and harms no one: no lock_timeout.
SET lock_timeout = 0;
--rollback empty

--changeset colsync:items_location-04-indexes-build-index-1-5 labels:items_location,indexes runInTransaction:false rollbackSplitStatements:false splitStatements:false
SET statement_timeout = 0;
--rollback empty

--changeset colsync:items_location-04-indexes-build-index-1-6 labels:items_location,indexes runInTransaction:false rollbackSplitStatements:false splitStatements:false
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "colsync_items_location_items_path_key" ON "shop"."items" USING btree ("location");
--rollback empty

--changeset colsync:items_location-04-indexes-build-index-1-7 labels:items_location,indexes runInTransaction:false rollbackSplitStatements:false splitStatements:false
-- Leave the session as it was for whatever runs next on this connection.
RESET statement_timeout;
--rollback empty

--changeset colsync:items_location-04-indexes-build-index-1-8 labels:items_location,indexes runInTransaction:false rollbackSplitStatements:false splitStatements:false
RESET lock_timeout;
--rollback -- colsync items_location: indexes / drop constraint "colsync_items_location_items_path_key".
--rollback -- One transaction; a short lock.
--rollback SET LOCAL lock_timeout = '2000ms';
--rollback SET LOCAL statement_timeout = '30000ms';
--rollback ALTER TABLE "shop"."items" DROP CONSTRAINT IF EXISTS "colsync_items_location_items_path_key";
--rollback DROP INDEX IF EXISTS "shop"."colsync_items_location_items_path_key";
--rollback DROP INDEX IF EXISTS "shop"."colsync_items_location_items_path_pattern";
--rollback DROP INDEX IF EXISTS "shop"."colsync_items_location_items_path_partial";

--changeset colsync:items_location-05-indexes-adopt-index-1 labels:items_location,indexes runInTransaction:true rollbackSplitStatements:false splitStatements:false
-- colsync items_location: indexes / add constraint "colsync_items_location_items_path_key" as NOT VALID.
-- One transaction; a short lock, no table scan. New writes are checked from now on.
SET LOCAL lock_timeout = '2000ms';
SET LOCAL statement_timeout = '30000ms';
DO $colsync$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_catalog.pg_constraint
                 WHERE conrelid = '"shop"."items"'::pg_catalog.regclass AND conname = 'colsync_items_location_items_path_key') THEN
    ALTER TABLE "shop"."items" ADD CONSTRAINT "colsync_items_location_items_path_key" UNIQUE USING INDEX "colsync_items_location_items_path_key";
  END IF;
END
$colsync$;
--rollback empty

--changeset colsync:items_location-06-indexes-build-index-2-1 labels:items_location,indexes runInTransaction:false rollbackSplitStatements:false splitStatements:false
-- colsync items_location: indexes / build index "colsync_items_location_items_path_pattern" on the new column.
-- Statement by statement, outside a transaction: CREATE INDEX CONCURRENTLY takes SHARE UPDATE EXCLUSIVE,
-- which blocks no reads or writes. An INVALID leftover of an earlier failed build is moved aside and
-- dropped first; an index that was built already is left alone, so running this again is a no-op.
SET lock_timeout = '2000ms';
--rollback empty

--changeset colsync:items_location-06-indexes-build-index-2-2 labels:items_location,indexes runInTransaction:false rollbackSplitStatements:false splitStatements:false
DO $colsync$
BEGIN
  IF EXISTS (SELECT FROM pg_catalog.pg_index i
             JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid
             JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = 'shop' AND c.relname = 'colsync_items_location_items_path_pattern' AND NOT i.indisvalid) THEN
    ALTER INDEX "shop"."colsync_items_location_items_path_pattern" RENAME TO "colsync_items_location_items_path_pattern_invalid";
  END IF;
END
$colsync$;
--rollback empty

--changeset colsync:items_location-06-indexes-build-index-2-3 labels:items_location,indexes runInTransaction:false rollbackSplitStatements:false splitStatements:false
DROP INDEX CONCURRENTLY IF EXISTS "shop"."colsync_items_location_items_path_pattern_invalid";
--rollback empty

--changeset colsync:items_location-06-indexes-build-index-2-4 labels:items_location,indexes runInTransaction:false rollbackSplitStatements:false splitStatements:false
-- Waiting for older transactions to finish is part of a concurrent build and harms no one: no lock_timeout.
SET lock_timeout = 0;
--rollback empty

--changeset colsync:items_location-06-indexes-build-index-2-5 labels:items_location,indexes runInTransaction:false rollbackSplitStatements:false splitStatements:false
SET statement_timeout = 0;
--rollback empty

--changeset colsync:items_location-06-indexes-build-index-2-6 labels:items_location,indexes runInTransaction:false rollbackSplitStatements:false splitStatements:false
CREATE INDEX CONCURRENTLY IF NOT EXISTS "colsync_items_location_items_path_pattern" ON "shop"."items" USING btree ("location" text_pattern_ops) WITH (fillfactor='70');
--rollback empty

--changeset colsync:items_location-06-indexes-build-index-2-7 labels:items_location,indexes runInTransaction:false rollbackSplitStatements:false splitStatements:false
-- Leave the session as it was for whatever runs next on this connection.
RESET statement_timeout;
--rollback empty

--changeset colsync:items_location-06-indexes-build-index-2-8 labels:items_location,indexes runInTransaction:false rollbackSplitStatements:false splitStatements:false
RESET lock_timeout;
--rollback empty

--changeset colsync:items_location-07-indexes-build-index-3-1 labels:items_location,indexes runInTransaction:false rollbackSplitStatements:false splitStatements:false
-- colsync items_location: indexes / build index "colsync_items_location_items_path_partial" on the new column.
-- Statement by statement, outside a transaction: CREATE INDEX CONCURRENTLY takes SHARE UPDATE EXCLUSIVE,
-- which blocks no reads or writes. An INVALID leftover of an earlier failed build is moved aside and
-- dropped first; an index that was built already is left alone, so running this again is a no-op.
SET lock_timeout = '2000ms';
--rollback empty

--changeset colsync:items_location-07-indexes-build-index-3-2 labels:items_location,indexes runInTransaction:false rollbackSplitStatements:false splitStatements:false
DO $colsync$
BEGIN
  IF EXISTS (SELECT FROM pg_catalog.pg_index i
             JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid
             JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = 'shop' AND c.relname = 'colsync_items_location_items_path_partial' AND NOT i.indisvalid) THEN
    ALTER INDEX "shop"."colsync_items_location_items_path_partial" RENAME TO "colsync_items_location_items_path_partial_invalid";
  END IF;
END
$colsync$;
--rollback empty

--changeset colsync:items_location-07-indexes-build-index-3-3 labels:items_location,indexes runInTransaction:false rollbackSplitStatements:false splitStatements:false
DROP INDEX CONCURRENTLY IF EXISTS "shop"."colsync_items_location_items_path_partial_invalid";
--rollback empty

--changeset colsync:items_location-07-indexes-build-index-3-4 labels:items_location,indexes runInTransaction:false rollbackSplitStatements:false splitStatements:false
-- Waiting for older transactions to finish is part of a concurrent build and harms no one: no lock_timeout.
SET lock_timeout = 0;
--rollback empty

--changeset colsync:items_location-07-indexes-build-index-3-5 labels:items_location,indexes runInTransaction:false rollbackSplitStatements:false splitStatements:false
SET statement_timeout = 0;
--rollback empty

--changeset colsync:items_location-07-indexes-build-index-3-6 labels:items_location,indexes runInTransaction:false rollbackSplitStatements:false splitStatements:false
CREATE INDEX CONCURRENTLY IF NOT EXISTS "colsync_items_location_items_path_partial" ON "shop"."items" USING btree (other) INCLUDE ("location") WHERE ("location" <> 'p1'::text);
--rollback empty

--changeset colsync:items_location-07-indexes-build-index-3-7 labels:items_location,indexes runInTransaction:false rollbackSplitStatements:false splitStatements:false
-- Leave the session as it was for whatever runs next on this connection.
RESET statement_timeout;
--rollback empty

--changeset colsync:items_location-07-indexes-build-index-3-8 labels:items_location,indexes runInTransaction:false rollbackSplitStatements:false splitStatements:false
RESET lock_timeout;
--rollback empty

--changeset colsync:items_location-08-validate-add-new-not-null labels:items_location,validate runInTransaction:true rollbackSplitStatements:false splitStatements:false
-- colsync items_location: validate / add NOT NULL on the new column as NOT VALID.
-- One transaction; a short ACCESS EXCLUSIVE lock, no table scan. New writes are checked from now on.
SET LOCAL lock_timeout = '2000ms';
SET LOCAL statement_timeout = '30000ms';
DO $colsync$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_catalog.pg_constraint
                 WHERE conrelid = '"shop"."items"'::pg_catalog.regclass AND conname = 'colsync_items_location_new_not_null')
     AND NOT (SELECT attnotnull FROM pg_catalog.pg_attribute
              WHERE attrelid = '"shop"."items"'::pg_catalog.regclass AND attname = 'location') THEN
    ALTER TABLE "shop"."items" ADD CONSTRAINT "colsync_items_location_new_not_null" CHECK ("location" IS NOT NULL) NOT VALID;
  END IF;
END
$colsync$;
--rollback -- colsync items_location: validate / drop constraint "colsync_items_location_notes_item_path_fkey".
--rollback -- One transaction; a short lock.
--rollback SET LOCAL lock_timeout = '2000ms';
--rollback SET LOCAL statement_timeout = '30000ms';
--rollback -- This table's lock first, the other's only if free at once: never wait while holding one.
--rollback LOCK TABLE "shop"."items" IN ACCESS EXCLUSIVE MODE;
--rollback LOCK TABLE "shop"."notes" IN ACCESS EXCLUSIVE MODE NOWAIT;
--rollback ALTER TABLE "shop"."notes" DROP CONSTRAINT IF EXISTS "colsync_items_location_notes_item_path_fkey";
--rollback -- colsync items_location: validate / drop constraint "colsync_items_location_items_path_check".
--rollback -- One transaction; a short lock.
--rollback SET LOCAL lock_timeout = '2000ms';
--rollback SET LOCAL statement_timeout = '30000ms';
--rollback ALTER TABLE "shop"."items" DROP CONSTRAINT IF EXISTS "colsync_items_location_items_path_check";
--rollback -- colsync items_location: validate / drop constraint "colsync_items_location_items_path_fkey".
--rollback -- One transaction; a short lock.
--rollback SET LOCAL lock_timeout = '2000ms';
--rollback SET LOCAL statement_timeout = '30000ms';
--rollback ALTER TABLE "shop"."items" DROP CONSTRAINT IF EXISTS "colsync_items_location_items_path_fkey";
--rollback -- colsync items_location: rollback of validate / drop NOT NULL from the new column.
--rollback -- One transaction; a short ACCESS EXCLUSIVE lock.
--rollback SET LOCAL lock_timeout = '2000ms';
--rollback SET LOCAL statement_timeout = '30000ms';
--rollback ALTER TABLE "shop"."items" ALTER COLUMN "location" DROP NOT NULL;
--rollback ALTER TABLE "shop"."items" DROP CONSTRAINT IF EXISTS "colsync_items_location_new_not_null";

--changeset colsync:items_location-09-validate-validate-new-not-null labels:items_location,validate runInTransaction:true rollbackSplitStatements:false splitStatements:false
-- colsync items_location: validate / validate NOT NULL on the new column.
-- One transaction; scans the table under SHARE UPDATE EXCLUSIVE, which blocks no reads or writes,
-- so the statement timeout is lifted for it.
SET LOCAL lock_timeout = '2000ms';
SET LOCAL statement_timeout = 0;
DO $colsync$
BEGIN
  IF EXISTS (SELECT FROM pg_catalog.pg_constraint
             WHERE conrelid = '"shop"."items"'::pg_catalog.regclass AND conname = 'colsync_items_location_new_not_null' AND NOT convalidated) THEN
    ALTER TABLE "shop"."items" VALIDATE CONSTRAINT "colsync_items_location_new_not_null";
  END IF;
END
$colsync$;
--rollback empty

--changeset colsync:items_location-10-validate-set-new-not-null labels:items_location,validate runInTransaction:true rollbackSplitStatements:false splitStatements:false
-- colsync items_location: validate / mark the new column NOT NULL and drop the check.
-- One transaction; a short ACCESS EXCLUSIVE lock, no table scan.
SET LOCAL lock_timeout = '2000ms';
SET LOCAL statement_timeout = '30000ms';
-- The validated check proves there is no NULL, so SET NOT NULL skips its table scan (PostgreSQL 12+).
ALTER TABLE "shop"."items" ALTER COLUMN "location" SET NOT NULL;
ALTER TABLE "shop"."items" DROP CONSTRAINT IF EXISTS "colsync_items_location_new_not_null";
--rollback empty

--changeset colsync:items_location-11-validate-add-constraint-1 labels:items_location,validate runInTransaction:true rollbackSplitStatements:false splitStatements:false
-- colsync items_location: validate / add constraint "colsync_items_location_items_path_check" as NOT VALID.
-- One transaction; a short lock, no table scan. New writes are checked from now on.
SET LOCAL lock_timeout = '2000ms';
SET LOCAL statement_timeout = '30000ms';
DO $colsync$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_catalog.pg_constraint
                 WHERE conrelid = '"shop"."items"'::pg_catalog.regclass AND conname = 'colsync_items_location_items_path_check') THEN
    ALTER TABLE "shop"."items" ADD CONSTRAINT "colsync_items_location_items_path_check" CHECK (((shop.subpath("location") > 0) AND ('path'::text <> "location"))) NOT VALID;
  END IF;
END
$colsync$;
--rollback empty

--changeset colsync:items_location-12-validate-validate-constraint-1 labels:items_location,validate runInTransaction:true rollbackSplitStatements:false splitStatements:false
-- colsync items_location: validate / validate constraint "colsync_items_location_items_path_check".
-- One transaction; scans under SHARE UPDATE EXCLUSIVE, which blocks no reads or writes, so the
-- statement timeout is lifted for it.
SET LOCAL lock_timeout = '2000ms';
SET LOCAL statement_timeout = 0;
DO $colsync$
BEGIN
  IF EXISTS (SELECT FROM pg_catalog.pg_constraint
             WHERE conrelid = '"shop"."items"'::pg_catalog.regclass AND conname = 'colsync_items_location_items_path_check' AND NOT convalidated) THEN
    ALTER TABLE "shop"."items" VALIDATE CONSTRAINT "colsync_items_location_items_path_check";
  END IF;
END
$colsync$;
--rollback empty

--changeset colsync:items_location-13-validate-add-constraint-2 labels:items_location,validate runInTransaction:true rollbackSplitStatements:false splitStatements:false
-- colsync items_location: validate / add constraint "colsync_items_location_items_path_fkey" as NOT VALID.
-- One transaction; a short lock, no table scan. New writes are checked from now on.
SET LOCAL lock_timeout = '2000ms';
SET LOCAL statement_timeout = '30000ms';
DO $colsync$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_catalog.pg_constraint
                 WHERE conrelid = '"shop"."items"'::pg_catalog.regclass AND conname = 'colsync_items_location_items_path_fkey') THEN
    ALTER TABLE "shop"."items" ADD CONSTRAINT "colsync_items_location_items_path_fkey" FOREIGN KEY ("location") REFERENCES shop.codes(code) DEFERRABLE NOT VALID;
  END IF;
END
$colsync$;
--rollback empty

--changeset colsync:items_location-14-validate-validate-constraint-2 labels:items_location,validate runInTransaction:true rollbackSplitStatements:false splitStatements:false
-- colsync items_location: validate / validate constraint "colsync_items_location_items_path_fkey".
-- One transaction; scans under SHARE UPDATE EXCLUSIVE, which blocks no reads or writes, so the
-- statement timeout is lifted for it.
SET LOCAL lock_timeout = '2000ms';
SET LOCAL statement_timeout = 0;
DO $colsync$
BEGIN
  IF EXISTS (SELECT FROM pg_catalog.pg_constraint
             WHERE conrelid = '"shop"."items"'::pg_catalog.regclass AND conname = 'colsync_items_location_items_path_fkey' AND NOT convalidated) THEN
    ALTER TABLE "shop"."items" VALIDATE CONSTRAINT "colsync_items_location_items_path_fkey";
  END IF;
END
$colsync$;
--rollback empty

--changeset colsync:items_location-15-validate-add-referencing-key-1 labels:items_location,validate runInTransaction:true rollbackSplitStatements:false splitStatements:false
-- colsync items_location: validate / add constraint "colsync_items_location_notes_item_path_fkey" as NOT VALID.
-- One transaction; a short lock, no table scan. New writes are checked from now on.
SET LOCAL lock_timeout = '2000ms';
SET LOCAL statement_timeout = '30000ms';
-- This table's lock first, the other's only if free at once: never wait while holding one.
LOCK TABLE "shop"."items" IN SHARE ROW EXCLUSIVE MODE;
LOCK TABLE "shop"."notes" IN SHARE ROW EXCLUSIVE MODE NOWAIT;
DO $colsync$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_catalog.pg_constraint
                 WHERE conrelid = 'shop.notes'::pg_catalog.regclass AND conname = 'colsync_items_location_notes_item_path_fkey') THEN
    ALTER TABLE "shop"."notes" ADD CONSTRAINT "colsync_items_location_notes_item_path_fkey" FOREIGN KEY (item_path) REFERENCES shop.items("location") ON UPDATE CASCADE NOT VALID;
  END IF;
END
$colsync$;
--rollback empty

--changeset colsync:items_location-16-validate-validate-referencing-key-1 labels:items_location,validate runInTransaction:true rollbackSplitStatements:false splitStatements:false
-- colsync items_location: validate / validate constraint "colsync_items_location_notes_item_path_fkey".
-- One transaction; scans under SHARE UPDATE EXCLUSIVE, which blocks no reads or writes, so the
-- statement timeout is lifted for it.
SET LOCAL lock_timeout = '2000ms';
SET LOCAL statement_timeout = 0;
DO $colsync$
BEGIN
  IF EXISTS (SELECT FROM pg_catalog.pg_constraint
             WHERE conrelid = 'shop.notes'::pg_catalog.regclass AND conname = 'colsync_items_location_notes_item_path_fkey' AND NOT convalidated) THEN
    ALTER TABLE "shop"."notes" VALIDATE CONSTRAINT "colsync_items_location_notes_item_path_fkey";
  END IF;
END
$colsync$;
--rollback empty

--changeset colsync:items_location-17-contract-drop-old-referencing-key-1 labels:items_location,contract runInTransaction:true rollbackSplitStatements:false splitStatements:false
-- colsync items_location: rollback of contract / drop constraint "notes_item_path_fkey".
-- One transaction; a short lock.
SET LOCAL lock_timeout = '2000ms';
SET LOCAL statement_timeout = '30000ms';
-- This table's lock first, the other's only if free at once: never wait while holding one.
LOCK TABLE "shop"."items" IN ACCESS EXCLUSIVE MODE;
LOCK TABLE "shop"."notes" IN ACCESS EXCLUSIVE MODE NOWAIT;
ALTER TABLE "shop"."notes" DROP CONSTRAINT IF EXISTS "notes_item_path_fkey";
--rollback -- colsync items_location: rollback of contract / bring back the old column, the sync trigger and the
--rollback -- backfill procedure. One transaction; takes ACCESS EXCLUSIVE on the table for milliseconds.
--rollback -- From here on every write to the new column is copied to the old one; the next script refills the rest.
--rollback SET LOCAL lock_timeout = '2000ms';
--rollback SET LOCAL statement_timeout = '30000ms';
--rollback ALTER TABLE "shop"."items" ADD COLUMN IF NOT EXISTS "path" text COLLATE "C";
--rollback DO $colsync$
--rollback BEGIN
--rollback   IF EXISTS (SELECT FROM pg_catalog.pg_constraint WHERE conrelid = '"shop"."items"'::pg_catalog.regclass AND conname = 'items_path_key') THEN
--rollback     ALTER TABLE "shop"."items" RENAME CONSTRAINT "items_path_key" TO "colsync_items_location_items_path_key";
--rollback   END IF;
--rollback END
--rollback $colsync$;
--rollback ALTER INDEX IF EXISTS "shop"."items_path_pattern" RENAME TO "colsync_items_location_items_path_pattern";
--rollback ALTER INDEX IF EXISTS "shop"."items_path_partial" RENAME TO "colsync_items_location_items_path_partial";
--rollback DO $colsync$
--rollback BEGIN
--rollback   IF EXISTS (SELECT FROM pg_catalog.pg_constraint WHERE conrelid = '"shop"."items"'::pg_catalog.regclass AND conname = 'items_path_check') THEN
--rollback     ALTER TABLE "shop"."items" RENAME CONSTRAINT "items_path_check" TO "colsync_items_location_items_path_check";
--rollback   END IF;
--rollback END
--rollback $colsync$;
--rollback DO $colsync$
--rollback BEGIN
--rollback   IF EXISTS (SELECT FROM pg_catalog.pg_constraint WHERE conrelid = '"shop"."items"'::pg_catalog.regclass AND conname = 'items_path_fkey') THEN
--rollback     ALTER TABLE "shop"."items" RENAME CONSTRAINT "items_path_fkey" TO "colsync_items_location_items_path_fkey";
--rollback   END IF;
--rollback END
--rollback $colsync$;
--rollback ALTER TABLE "shop"."items" ALTER COLUMN "location" DROP DEFAULT;
--rollback ALTER TABLE "shop"."items" ALTER COLUMN "path" SET DEFAULT 'p0'::text;
--rollback COMMENT ON COLUMN "shop"."items"."path" IS 'where it is';
--rollback ALTER TABLE "shop"."items" ALTER COLUMN "path" SET STATISTICS 321;
--rollback -- up, down and the comparisons the sync function makes, as SQL functions whose bodies PostgreSQL binds
--rollback -- now, under this search path, and inlines where they are called: the trigger function then depends on
--rollback -- no caller's search_path without a SET clause of its own, which would cost every write a few
--rollback -- microseconds.
--rollback SET LOCAL search_path = pg_catalog, "shop", pg_temp;
--rollback CREATE OR REPLACE FUNCTION "shop"."colsync_items_location_to_new"(text) RETURNS text
--rollback LANGUAGE sql SECURITY INVOKER
--rollback RETURN ($1);
--rollback CREATE OR REPLACE FUNCTION "shop"."colsync_items_location_to_old"(text) RETURNS text
--rollback LANGUAGE sql SECURITY INVOKER
--rollback RETURN ($1);
--rollback CREATE OR REPLACE FUNCTION "shop"."colsync_items_location_old_differs"(text, text) RETURNS boolean
--rollback LANGUAGE sql SECURITY INVOKER
--rollback RETURN $1 IS DISTINCT FROM $2;
--rollback CREATE OR REPLACE FUNCTION "shop"."colsync_items_location_new_differs"(text, text) RETURNS boolean
--rollback LANGUAGE sql SECURITY INVOKER
--rollback RETURN $1 IS DISTINCT FROM $2;
--rollback -- Keeps the two columns equal whichever application version writes. Direction is decided by the
--rollback -- data, never by the session: a write to the new column wins and the old one follows unless it
--rollback -- already agrees; a write to the old column only (or an INSERT without the new one) sets the new
--rollback -- one. An UPDATE that writes neither leaves both alone: the backfill converges untouched rows.
--rollback -- A new value the old column cannot hold exactly (up(down(new)) <> new) is refused rather than
--rollback -- silently changed, so no write is ever lost. Every operator is pg_catalog's by name.
--rollback CREATE OR REPLACE FUNCTION "shop"."colsync_items_location_sync"() RETURNS trigger
--rollback LANGUAGE plpgsql SECURITY INVOKER
--rollback AS $colsync$
--rollback DECLARE
--rollback   colsync_agrees boolean;
--rollback BEGIN
--rollback   -- Fired by the UPDATE OF trigger (first, by name), an UPDATE that names the new column in its SET
--rollback   -- list writes it, even with the value it already had.
--rollback   IF TG_NARGS OPERATOR(pg_catalog.>) 0 OR (TG_OP OPERATOR(pg_catalog.=) 'INSERT' AND NEW."location" IS NOT NULL)
--rollback      OR (TG_OP OPERATOR(pg_catalog.=) 'UPDATE' AND "shop"."colsync_items_location_new_differs"(NEW."location", OLD."location")) THEN
--rollback     IF "shop"."colsync_items_location_old_differs"(NEW."path", "shop"."colsync_items_location_to_old"(NEW."location")) THEN
--rollback       BEGIN
--rollback         -- An old value up() cannot convert disagrees with any new value; it must not fail the write.
--rollback         colsync_agrees := NOT "shop"."colsync_items_location_new_differs"(NEW."location", "shop"."colsync_items_location_to_new"(NEW."path"));
--rollback       EXCEPTION WHEN data_exception THEN
--rollback         colsync_agrees := false;
--rollback       END;
--rollback       IF NOT colsync_agrees THEN
--rollback         NEW."path" := "shop"."colsync_items_location_to_old"(NEW."location");
--rollback         IF "shop"."colsync_items_location_new_differs"(NEW."location", "shop"."colsync_items_location_to_new"(NEW."path")) THEN
--rollback           RAISE EXCEPTION USING ERRCODE = 'data_exception', MESSAGE = 'colsync items_location: the value written to column "location" cannot be stored in column "path" without changing it',
--rollback             HINT = 'Only values the old column can hold may be written while both columns are in use.';
--rollback         END IF;
--rollback       END IF;
--rollback     END IF;
--rollback   ELSIF TG_OP OPERATOR(pg_catalog.=) 'INSERT' OR "shop"."colsync_items_location_old_differs"(NEW."path", OLD."path") THEN
--rollback     NEW."location" := "shop"."colsync_items_location_to_new"(NEW."path");
--rollback   END IF;
--rollback   RETURN NEW;
--rollback END
--rollback $colsync$;
--rollback CREATE OR REPLACE TRIGGER "colsync_items_location_new_written"
--rollback   BEFORE UPDATE OF "location" ON "shop"."items"
--rollback   FOR EACH ROW EXECUTE FUNCTION "shop"."colsync_items_location_sync"('new column written');
--rollback CREATE OR REPLACE TRIGGER "colsync_items_location_sync"
--rollback   BEFORE INSERT OR UPDATE ON "shop"."items"
--rollback   FOR EACH ROW EXECUTE FUNCTION "shop"."colsync_items_location_sync"();
--rollback CREATE TABLE IF NOT EXISTS "shop"."colsync_items_location_backfill_state" (
--rollback   direction text PRIMARY KEY CHECK (direction IN ('up', 'down')),
--rollback   last_key text[],
--rollback   rows_changed bigint NOT NULL DEFAULT 0,
--rollback   batches bigint NOT NULL DEFAULT 0,
--rollback   done boolean NOT NULL DEFAULT false,
--rollback   started_at timestamptz NOT NULL DEFAULT pg_catalog.now(),
--rollback   updated_at timestamptz NOT NULL DEFAULT pg_catalog.now()
--rollback );
--rollback -- Walks the primary key in batches: one short transaction per batch, checkpoint committed with it.
--rollback -- Only rows that differ are written, so running it again is a no-op. 'down' refills the old column.
--rollback CREATE OR REPLACE PROCEDURE "shop"."colsync_items_location_backfill"(
--rollback   colsync_direction text DEFAULT 'up',
--rollback   colsync_batch_size integer DEFAULT 5000,
--rollback   colsync_pause interval DEFAULT '10ms'::interval,
--rollback   colsync_commit_batches boolean DEFAULT true)
--rollback LANGUAGE plpgsql SECURITY INVOKER
--rollback AS $colsync$
--rollback #variable_conflict use_column
--rollback DECLARE
--rollback   colsync_state record;
--rollback   colsync_last_0 "shop"."items"."id"%TYPE;
--rollback   colsync_lower_0 "shop"."items"."id"%TYPE;
--rollback   colsync_upper_0 "shop"."items"."id"%TYPE;
--rollback   colsync_changed bigint;
--rollback BEGIN
--rollback   IF colsync_direction NOT IN ('up', 'down') THEN
--rollback     RAISE EXCEPTION 'colsync: direction must be up or down, not %', colsync_direction;
--rollback   END IF;
--rollback   LOOP
--rollback     PERFORM pg_catalog.set_config('search_path', 'pg_catalog, "shop", pg_temp', true);
--rollback     PERFORM pg_catalog.set_config('lock_timeout', '2000ms', true);
--rollback     -- The checkpoint keeps keys as text: read and write them in one fixed format.
--rollback     PERFORM pg_catalog.set_config('DateStyle', 'ISO, YMD', true);
--rollback     PERFORM pg_catalog.set_config('TimeZone', 'UTC', true);
--rollback     PERFORM pg_catalog.set_config('IntervalStyle', 'postgres', true);
--rollback     PERFORM pg_catalog.set_config('extra_float_digits', '3', true);
--rollback     INSERT INTO "shop"."colsync_items_location_backfill_state" (direction) VALUES (colsync_direction) ON CONFLICT (direction) DO NOTHING;
--rollback     SELECT * INTO colsync_state FROM "shop"."colsync_items_location_backfill_state" WHERE direction = colsync_direction FOR UPDATE;
--rollback     EXIT WHEN colsync_state.done;
--rollback     IF colsync_state.last_key IS NULL THEN
--rollback       SELECT "id" INTO colsync_lower_0
--rollback         FROM "shop"."items" ORDER BY "id" LIMIT 1;
--rollback     ELSE
--rollback       colsync_last_0 := colsync_state.last_key[1];
--rollback       SELECT "id" INTO colsync_lower_0
--rollback         FROM "shop"."items"
--rollback         WHERE ("id") > (colsync_last_0)
--rollback         ORDER BY "id" LIMIT 1;
--rollback     END IF;
--rollback     IF NOT FOUND THEN
--rollback       UPDATE "shop"."colsync_items_location_backfill_state" SET done = true, updated_at = pg_catalog.now() WHERE direction = colsync_direction;
--rollback       RAISE NOTICE 'colsync: backfill % done: % rows changed in % batches',
--rollback         colsync_direction, colsync_state.rows_changed, colsync_state.batches;
--rollback       IF colsync_commit_batches THEN
--rollback         COMMIT;
--rollback       END IF;
--rollback       EXIT;
--rollback     END IF;
--rollback     SELECT batch."id" INTO colsync_upper_0
--rollback       FROM (SELECT "id" FROM "shop"."items"
--rollback             WHERE ("id") >= (colsync_lower_0)
--rollback             ORDER BY "id" LIMIT colsync_batch_size) AS batch
--rollback       ORDER BY batch."id" DESC LIMIT 1;
--rollback     IF colsync_direction = 'up' THEN
--rollback       UPDATE "shop"."items" SET "location" = ("path")
--rollback         WHERE ("id") >= (colsync_lower_0)
--rollback           AND ("id") <= (colsync_upper_0)
--rollback           AND "location" IS DISTINCT FROM ("path");
--rollback     ELSE
--rollback       UPDATE "shop"."items" SET "path" = ("location")
--rollback         WHERE ("id") >= (colsync_lower_0)
--rollback           AND ("id") <= (colsync_upper_0)
--rollback           AND "path" IS DISTINCT FROM ("location");
--rollback     END IF;
--rollback     GET DIAGNOSTICS colsync_changed = ROW_COUNT;
--rollback     UPDATE "shop"."colsync_items_location_backfill_state"
--rollback       SET last_key = ARRAY[colsync_upper_0::text],
--rollback           rows_changed = rows_changed + colsync_changed,
--rollback           batches = batches + 1,
--rollback           updated_at = pg_catalog.now()
--rollback       WHERE direction = colsync_direction;
--rollback     IF colsync_commit_batches THEN
--rollback       COMMIT;
--rollback       PERFORM pg_catalog.pg_sleep_for(colsync_pause);
--rollback     END IF;
--rollback   END LOOP;
--rollback END
--rollback $colsync$;
--rollback -- colsync items_location: rollback of contract / fill the old column from the new one, all batches in the caller's transaction.
--rollback SET LOCAL statement_timeout = 0;
--rollback CALL "shop"."colsync_items_location_backfill"(colsync_direction => 'down', colsync_commit_batches => false);
--rollback -- colsync items_location: rollback of contract / add NOT NULL on the old column as NOT VALID.
--rollback -- One transaction; a short ACCESS EXCLUSIVE lock, no table scan. New writes are checked from now on.
--rollback SET LOCAL lock_timeout = '2000ms';
--rollback SET LOCAL statement_timeout = '30000ms';
--rollback DO $colsync$
--rollback BEGIN
--rollback   IF NOT EXISTS (SELECT FROM pg_catalog.pg_constraint
--rollback                  WHERE conrelid = '"shop"."items"'::pg_catalog.regclass AND conname = 'colsync_items_location_old_not_null')
--rollback      AND NOT (SELECT attnotnull FROM pg_catalog.pg_attribute
--rollback               WHERE attrelid = '"shop"."items"'::pg_catalog.regclass AND attname = 'path') THEN
--rollback     ALTER TABLE "shop"."items" ADD CONSTRAINT "colsync_items_location_old_not_null" CHECK ("path" IS NOT NULL) NOT VALID;
--rollback   END IF;
--rollback END
--rollback $colsync$;
--rollback -- colsync items_location: rollback of contract / validate NOT NULL on the old column.
--rollback -- One transaction; scans the table under SHARE UPDATE EXCLUSIVE, which blocks no reads or writes,
--rollback -- so the statement timeout is lifted for it.
--rollback SET LOCAL lock_timeout = '2000ms';
--rollback SET LOCAL statement_timeout = 0;
--rollback DO $colsync$
--rollback BEGIN
--rollback   IF EXISTS (SELECT FROM pg_catalog.pg_constraint
--rollback              WHERE conrelid = '"shop"."items"'::pg_catalog.regclass AND conname = 'colsync_items_location_old_not_null' AND NOT convalidated) THEN
--rollback     ALTER TABLE "shop"."items" VALIDATE CONSTRAINT "colsync_items_location_old_not_null";
--rollback   END IF;
--rollback END
--rollback $colsync$;
--rollback -- colsync items_location: rollback of contract / mark the old column NOT NULL and drop the check.
--rollback -- One transaction; a short ACCESS EXCLUSIVE lock, no table scan.
--rollback SET LOCAL lock_timeout = '2000ms';
--rollback SET LOCAL statement_timeout = '30000ms';
--rollback -- The validated check proves there is no NULL, so SET NOT NULL skips its table scan (PostgreSQL 12+).
--rollback ALTER TABLE "shop"."items" ALTER COLUMN "path" SET NOT NULL;
--rollback ALTER TABLE "shop"."items" DROP CONSTRAINT IF EXISTS "colsync_items_location_old_not_null";
--rollback CREATE UNIQUE INDEX IF NOT EXISTS "items_path_key" ON "shop"."items" USING btree ("path");
--rollback -- colsync items_location: rollback of contract / add constraint "items_path_key" as NOT VALID.
--rollback -- One transaction; a short lock, no table scan. New writes are checked from now on.
--rollback SET LOCAL lock_timeout = '2000ms';
--rollback SET LOCAL statement_timeout = '30000ms';
--rollback DO $colsync$
--rollback BEGIN
--rollback   IF NOT EXISTS (SELECT FROM pg_catalog.pg_constraint
--rollback                  WHERE conrelid = '"shop"."items"'::pg_catalog.regclass AND conname = 'items_path_key') THEN
--rollback     ALTER TABLE "shop"."items" ADD CONSTRAINT "items_path_key" UNIQUE USING INDEX "items_path_key";
--rollback   END IF;
--rollback END
--rollback $colsync$;
--rollback CREATE INDEX IF NOT EXISTS "items_path_pattern" ON "shop"."items" USING btree ("path" text_pattern_ops) WITH (fillfactor='70');
--rollback CREATE INDEX IF NOT EXISTS "items_path_partial" ON "shop"."items" USING btree (other) INCLUDE ("path") WHERE ("path" <> 'p1'::text);
--rollback -- colsync items_location: rollback of contract / add constraint "items_path_check" as NOT VALID.
--rollback -- One transaction; a short lock, no table scan. New writes are checked from now on.
--rollback SET LOCAL lock_timeout = '2000ms';
--rollback SET LOCAL statement_timeout = '30000ms';
--rollback DO $colsync$
--rollback BEGIN
--rollback   IF NOT EXISTS (SELECT FROM pg_catalog.pg_constraint
--rollback                  WHERE conrelid = '"shop"."items"'::pg_catalog.regclass AND conname = 'items_path_check') THEN
--rollback     ALTER TABLE "shop"."items" ADD CONSTRAINT "items_path_check" CHECK (((shop.subpath("path") > 0) AND ('path'::text <> "path"))) NOT VALID;
--rollback   END IF;
--rollback END
--rollback $colsync$;
--rollback -- colsync items_location: rollback of contract / validate constraint "items_path_check".
--rollback -- One transaction; scans under SHARE UPDATE EXCLUSIVE, which blocks no reads or writes, so the
--rollback -- statement timeout is lifted for it.
--rollback SET LOCAL lock_timeout = '2000ms';
--rollback SET LOCAL statement_timeout = 0;
--rollback DO $colsync$
--rollback BEGIN
--rollback   IF EXISTS (SELECT FROM pg_catalog.pg_constraint
--rollback              WHERE conrelid = '"shop"."items"'::pg_catalog.regclass AND conname = 'items_path_check' AND NOT convalidated) THEN
--rollback     ALTER TABLE "shop"."items" VALIDATE CONSTRAINT "items_path_check";
--rollback   END IF;
--rollback END
--rollback $colsync$;
--rollback -- colsync items_location: rollback of contract / add constraint "items_path_fkey" as NOT VALID.
--rollback -- One transaction; a short lock, no table scan. New writes are checked from now on.
--rollback SET LOCAL lock_timeout = '2000ms';
--rollback SET LOCAL statement_timeout = '30000ms';
--rollback DO $colsync$
--rollback BEGIN
--rollback   IF NOT EXISTS (SELECT FROM pg_catalog.pg_constraint
--rollback                  WHERE conrelid = '"shop"."items"'::pg_catalog.regclass AND conname = 'items_path_fkey') THEN
--rollback     ALTER TABLE "shop"."items" ADD CONSTRAINT "items_path_fkey" FOREIGN KEY ("path") REFERENCES shop.codes(code) DEFERRABLE NOT VALID;
--rollback   END IF;
--rollback END
--rollback $colsync$;
--rollback -- colsync items_location: rollback of contract / validate constraint "items_path_fkey".
--rollback -- One transaction; scans under SHARE UPDATE EXCLUSIVE, which blocks no reads or writes, so the
--rollback -- statement timeout is lifted for it.
--rollback SET LOCAL lock_timeout = '2000ms';
--rollback SET LOCAL statement_timeout = 0;
--rollback DO $colsync$
--rollback BEGIN
--rollback   IF EXISTS (SELECT FROM pg_catalog.pg_constraint
--rollback              WHERE conrelid = '"shop"."items"'::pg_catalog.regclass AND conname = 'items_path_fkey' AND NOT convalidated) THEN
--rollback     ALTER TABLE "shop"."items" VALIDATE CONSTRAINT "items_path_fkey";
--rollback   END IF;
--rollback END
--rollback $colsync$;
--rollback -- colsync items_location: rollback of contract / rename constraint "notes_item_path_fkey".
--rollback -- One transaction; a short lock. Safe to run twice: it renames only while the old name exists.
--rollback SET LOCAL lock_timeout = '2000ms';
--rollback SET LOCAL statement_timeout = '30000ms';
--rollback DO $colsync$
--rollback BEGIN
--rollback   IF EXISTS (SELECT FROM pg_catalog.pg_constraint
--rollback              WHERE conrelid = 'shop.notes'::pg_catalog.regclass AND conname = 'notes_item_path_fkey') THEN
--rollback     ALTER TABLE "shop"."notes" RENAME CONSTRAINT "notes_item_path_fkey" TO "colsync_items_location_notes_item_path_fkey";
--rollback   END IF;
--rollback END
--rollback $colsync$;
--rollback -- colsync items_location: rollback of contract / add constraint "notes_item_path_fkey" as NOT VALID.
--rollback -- One transaction; a short lock, no table scan. New writes are checked from now on.
--rollback SET LOCAL lock_timeout = '2000ms';
--rollback SET LOCAL statement_timeout = '30000ms';
--rollback -- This table's lock first, the other's only if free at once: never wait while holding one.
--rollback LOCK TABLE "shop"."items" IN SHARE ROW EXCLUSIVE MODE;
--rollback LOCK TABLE "shop"."notes" IN SHARE ROW EXCLUSIVE MODE NOWAIT;
--rollback DO $colsync$
--rollback BEGIN
--rollback   IF NOT EXISTS (SELECT FROM pg_catalog.pg_constraint
--rollback                  WHERE conrelid = 'shop.notes'::pg_catalog.regclass AND conname = 'notes_item_path_fkey') THEN
--rollback     ALTER TABLE "shop"."notes" ADD CONSTRAINT "notes_item_path_fkey" FOREIGN KEY (item_path) REFERENCES shop.items("path") ON UPDATE CASCADE NOT VALID;
--rollback   END IF;
--rollback END
--rollback $colsync$;
--rollback -- colsync items_location: rollback of contract / validate constraint "notes_item_path_fkey".
--rollback -- One transaction; scans under SHARE UPDATE EXCLUSIVE, which blocks no reads or writes, so the
--rollback -- statement timeout is lifted for it.
--rollback SET LOCAL lock_timeout = '2000ms';
--rollback SET LOCAL statement_timeout = 0;
--rollback DO $colsync$
--rollback BEGIN
--rollback   IF EXISTS (SELECT FROM pg_catalog.pg_constraint
--rollback              WHERE conrelid = 'shop.notes'::pg_catalog.regclass AND conname = 'notes_item_path_fkey' AND NOT convalidated) THEN
--rollback     ALTER TABLE "shop"."notes" VALIDATE CONSTRAINT "notes_item_path_fkey";
--rollback   END IF;
--rollback END
--rollback $colsync$;

--changeset colsync:items_location-18-contract-drop-old-column labels:items_location,contract runInTransaction:true rollbackSplitStatements:false splitStatements:false
-- colsync items_location: contract / drop the sync trigger, its functions and the old column.
-- One transaction, so no write ever sees the column gone and the trigger still there.
-- Only N may be running. Takes ACCESS EXCLUSIVE on the table for milliseconds.
SET LOCAL lock_timeout = '2000ms';
SET LOCAL statement_timeout = '30000ms';
LOCK TABLE "shop"."items" IN ACCESS EXCLUSIVE MODE;
DROP TRIGGER IF EXISTS "colsync_items_location_new_written" ON "shop"."items";
DROP TRIGGER IF EXISTS "colsync_items_location_sync" ON "shop"."items";
DROP FUNCTION IF EXISTS "shop"."colsync_items_location_sync"();
DROP FUNCTION IF EXISTS "shop"."colsync_items_location_to_new"(text);
DROP FUNCTION IF EXISTS "shop"."colsync_items_location_to_old"(text);
DROP FUNCTION IF EXISTS "shop"."colsync_items_location_old_differs"(text, text);
DROP FUNCTION IF EXISTS "shop"."colsync_items_location_new_differs"(text, text);
ALTER TABLE "shop"."items" DROP COLUMN IF EXISTS "path";
DO $colsync$
BEGIN
  IF EXISTS (SELECT FROM pg_catalog.pg_constraint WHERE conrelid = '"shop"."items"'::pg_catalog.regclass AND conname = 'colsync_items_location_items_path_key') THEN
    ALTER TABLE "shop"."items" RENAME CONSTRAINT "colsync_items_location_items_path_key" TO "items_path_key";
  END IF;
END
$colsync$;
ALTER INDEX IF EXISTS "shop"."colsync_items_location_items_path_pattern" RENAME TO "items_path_pattern";
ALTER INDEX IF EXISTS "shop"."colsync_items_location_items_path_partial" RENAME TO "items_path_partial";
DO $colsync$
BEGIN
  IF EXISTS (SELECT FROM pg_catalog.pg_constraint WHERE conrelid = '"shop"."items"'::pg_catalog.regclass AND conname = 'colsync_items_location_items_path_check') THEN
    ALTER TABLE "shop"."items" RENAME CONSTRAINT "colsync_items_location_items_path_check" TO "items_path_check";
  END IF;
END
$colsync$;
DO $colsync$
BEGIN
  IF EXISTS (SELECT FROM pg_catalog.pg_constraint WHERE conrelid = '"shop"."items"'::pg_catalog.regclass AND conname = 'colsync_items_location_items_path_fkey') THEN
    ALTER TABLE "shop"."items" RENAME CONSTRAINT "colsync_items_location_items_path_fkey" TO "items_path_fkey";
  END IF;
END
$colsync$;
ALTER TABLE "shop"."items" ALTER COLUMN "location" SET DEFAULT 'p0'::text;
DROP PROCEDURE IF EXISTS "shop"."colsync_items_location_backfill"(text, integer, interval, boolean);
DROP TABLE IF EXISTS "shop"."colsync_items_location_backfill_state";
--rollback empty

--changeset colsync:items_location-19-contract-rename-referencing-key-1 labels:items_location,contract runInTransaction:true rollbackSplitStatements:false splitStatements:false
-- colsync items_location: rollback of contract / rename constraint "colsync_items_location_notes_item_path_fkey".
-- One transaction; a short lock. Safe to run twice: it renames only while the old name exists.
SET LOCAL lock_timeout = '2000ms';
SET LOCAL statement_timeout = '30000ms';
DO $colsync$
BEGIN
  IF EXISTS (SELECT FROM pg_catalog.pg_constraint
             WHERE conrelid = 'shop.notes'::pg_catalog.regclass AND conname = 'colsync_items_location_notes_item_path_fkey') THEN
    ALTER TABLE "shop"."notes" RENAME CONSTRAINT "colsync_items_location_notes_item_path_fkey" TO "notes_item_path_fkey";
  END IF;
END
$colsync$;
--rollback empty
