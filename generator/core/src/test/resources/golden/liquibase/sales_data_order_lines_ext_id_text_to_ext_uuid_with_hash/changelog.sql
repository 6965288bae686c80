--liquibase formatted sql

--changeset colsync:sales_data_order_lines_ext_id_text_to_ext_uuid_with_hash-01-expand-add-column labels:sales_data_order_lines_ext_id_text_to_ext_uuid_with_hash,expand runInTransaction:true rollbackSplitStatements:false splitStatements:false
-- colsync sales_data_order_lines_ext_id_text_to_ext_uuid_with_hash: expand / add the new column and the sync trigger.
-- One transaction; N-1 may be running. Takes ACCESS EXCLUSIVE on the table for milliseconds.
SET LOCAL lock_timeout = '2000ms';
SET LOCAL statement_timeout = '30000ms';
ALTER TABLE "Sales Data"."Order ""Lines""" ADD COLUMN IF NOT EXISTS "ext_uuid" uuid;

-- up, down and the comparisons the sync function makes, as SQL functions whose bodies PostgreSQL binds
-- now, under this search path, and inlines where they are called: the trigger function then depends on
-- no caller's search_path without a SET clause of its own, which would cost every write a few
-- microseconds.
SET LOCAL search_path = pg_catalog, "Sales Data", pg_temp;
CREATE OR REPLACE FUNCTION "Sales Data"."colsync_sales_data_order_lines_ext_id_text_to_e_7b36cd13_to_new"(text) RETURNS uuid
LANGUAGE sql SECURITY INVOKER
RETURN ($1::uuid);

CREATE OR REPLACE FUNCTION "Sales Data"."colsync_sales_data_order_lines_ext_id_text_to_e_7b36cd13_to_old"(uuid) RETURNS text
LANGUAGE sql SECURITY INVOKER
RETURN ($1::text);

CREATE OR REPLACE FUNCTION "Sales Data"."colsync_sales_data_order_lines_ext_id_text_7b36cd13_old_differs"(text, text) RETURNS boolean
LANGUAGE sql SECURITY INVOKER
RETURN $1 IS DISTINCT FROM $2;

CREATE OR REPLACE FUNCTION "Sales Data"."colsync_sales_data_order_lines_ext_id_text_7b36cd13_new_differs"(uuid, uuid) RETURNS boolean
LANGUAGE sql SECURITY INVOKER
RETURN $1 IS DISTINCT FROM $2;

-- up() with onUpError: null: a value it cannot convert becomes NULL instead of failing the write.
CREATE OR REPLACE FUNCTION "Sales Data"."colsync_sales_data_order_lines_ext_id_text_to_ext_u_7b36cd13_up"(text) RETURNS uuid
LANGUAGE plpgsql SECURITY INVOKER
AS $colsync$
BEGIN
  RETURN "Sales Data"."colsync_sales_data_order_lines_ext_id_text_to_e_7b36cd13_to_new"($1);
EXCEPTION WHEN data_exception THEN
  RETURN NULL;
END
$colsync$;

-- Keeps the two columns equal whichever application version writes. Direction is decided by the
-- data, never by the session: a write to the new column wins and the old one follows unless it
-- already agrees; a write to the old column only (or an INSERT without the new one) sets the new
-- one. An UPDATE that writes neither leaves both alone: the backfill converges untouched rows.
-- A new value the old column cannot hold exactly (up(down(new)) <> new) is refused rather than
-- silently changed, so no write is ever lost. Every operator is pg_catalog's by name.
CREATE OR REPLACE FUNCTION "Sales Data"."colsync_sales_data_order_lines_ext_id_text_to_ext_7b36cd13_sync"() RETURNS trigger
LANGUAGE plpgsql SECURITY INVOKER
AS $colsync$
DECLARE
  colsync_agrees boolean;
BEGIN
  -- Fired by the UPDATE OF trigger (first, by name), an UPDATE that names the new column in its SET
  -- list writes it, even with the value it already had.
  IF TG_NARGS OPERATOR(pg_catalog.>) 0 OR (TG_OP OPERATOR(pg_catalog.=) 'INSERT' AND NEW."ext_uuid" IS NOT NULL)
     OR (TG_OP OPERATOR(pg_catalog.=) 'UPDATE' AND "Sales Data"."colsync_sales_data_order_lines_ext_id_text_7b36cd13_new_differs"(NEW."ext_uuid", OLD."ext_uuid")) THEN
    IF "Sales Data"."colsync_sales_data_order_lines_ext_id_text_7b36cd13_old_differs"(NEW."ext id", "Sales Data"."colsync_sales_data_order_lines_ext_id_text_to_e_7b36cd13_to_old"(NEW."ext_uuid")) THEN
      BEGIN
        -- An old value up() cannot convert disagrees with any new value; it must not fail the write.
        colsync_agrees := NOT "Sales Data"."colsync_sales_data_order_lines_ext_id_text_7b36cd13_new_differs"(NEW."ext_uuid", "Sales Data"."colsync_sales_data_order_lines_ext_id_text_to_ext_u_7b36cd13_up"(NEW."ext id"));
      EXCEPTION WHEN data_exception THEN
        colsync_agrees := false;
      END;
      IF NOT colsync_agrees THEN
        NEW."ext id" := "Sales Data"."colsync_sales_data_order_lines_ext_id_text_to_e_7b36cd13_to_old"(NEW."ext_uuid");
        IF "Sales Data"."colsync_sales_data_order_lines_ext_id_text_7b36cd13_new_differs"(NEW."ext_uuid", "Sales Data"."colsync_sales_data_order_lines_ext_id_text_to_ext_u_7b36cd13_up"(NEW."ext id")) THEN
          RAISE EXCEPTION USING ERRCODE = 'data_exception', MESSAGE = 'colsync sales_data_order_lines_ext_id_text_to_ext_uuid_with_hash: the value written to column "ext_uuid" cannot be stored in column "ext id" without changing it',
            HINT = 'Only values the old column can hold may be written while both columns are in use.';
        END IF;
      END IF;
    END IF;
  ELSIF TG_OP OPERATOR(pg_catalog.=) 'INSERT' OR "Sales Data"."colsync_sales_data_order_lines_ext_id_text_7b36cd13_old_differs"(NEW."ext id", OLD."ext id") THEN
    NEW."ext_uuid" := "Sales Data"."colsync_sales_data_order_lines_ext_id_text_to_ext_u_7b36cd13_up"(NEW."ext id");
  END IF;
  RETURN NEW;
END
$colsync$;

CREATE OR REPLACE TRIGGER "colsync_sales_data_order_lines_ext_id_text_7b36cd13_new_written"
  BEFORE UPDATE OF "ext_uuid" ON "Sales Data"."Order ""Lines"""
  FOR EACH ROW EXECUTE FUNCTION "Sales Data"."colsync_sales_data_order_lines_ext_id_text_to_ext_7b36cd13_sync"('new column written');

CREATE OR REPLACE TRIGGER "colsync_sales_data_order_lines_ext_id_text_to_ext_7b36cd13_sync"
  BEFORE INSERT OR UPDATE ON "Sales Data"."Order ""Lines"""
  FOR EACH ROW EXECUTE FUNCTION "Sales Data"."colsync_sales_data_order_lines_ext_id_text_to_ext_7b36cd13_sync"();
--rollback -- colsync sales_data_order_lines_ext_id_text_to_ext_uuid_with_hash: rollback of expand / drop the sync trigger, its functions and the new column.
--rollback -- One transaction; N-1 only. Takes ACCESS EXCLUSIVE on the table for milliseconds.
--rollback SET LOCAL lock_timeout = '2000ms';
--rollback SET LOCAL statement_timeout = '30000ms';
--rollback LOCK TABLE "Sales Data"."Order ""Lines""" IN ACCESS EXCLUSIVE MODE;
--rollback DROP TRIGGER IF EXISTS "colsync_sales_data_order_lines_ext_id_text_7b36cd13_new_written" ON "Sales Data"."Order ""Lines""";
--rollback DROP TRIGGER IF EXISTS "colsync_sales_data_order_lines_ext_id_text_to_ext_7b36cd13_sync" ON "Sales Data"."Order ""Lines""";
--rollback DROP FUNCTION IF EXISTS "Sales Data"."colsync_sales_data_order_lines_ext_id_text_to_ext_7b36cd13_sync"();
--rollback DROP FUNCTION IF EXISTS "Sales Data"."colsync_sales_data_order_lines_ext_id_text_to_ext_u_7b36cd13_up"(text);
--rollback DROP FUNCTION IF EXISTS "Sales Data"."colsync_sales_data_order_lines_ext_id_text_to_e_7b36cd13_to_new"(text);
--rollback DROP FUNCTION IF EXISTS "Sales Data"."colsync_sales_data_order_lines_ext_id_text_to_e_7b36cd13_to_old"(uuid);
--rollback DROP FUNCTION IF EXISTS "Sales Data"."colsync_sales_data_order_lines_ext_id_text_7b36cd13_old_differs"(text, text);
--rollback DROP FUNCTION IF EXISTS "Sales Data"."colsync_sales_data_order_lines_ext_id_text_7b36cd13_new_differs"(uuid, uuid);
--rollback ALTER TABLE "Sales Data"."Order ""Lines""" DROP COLUMN IF EXISTS "ext_uuid";

--changeset colsync:sales_data_order_lines_ext_id_text_to_ext_uuid_with_hash-02-backfill-prepare labels:sales_data_order_lines_ext_id_text_to_ext_uuid_with_hash,backfill runInTransaction:true rollbackSplitStatements:false splitStatements:false
-- colsync sales_data_order_lines_ext_id_text_to_ext_uuid_with_hash: backfill / create the checkpoint table and the backfill procedure.
-- One transaction; takes no lock on the table.
SET LOCAL lock_timeout = '2000ms';
SET LOCAL statement_timeout = '30000ms';
CREATE TABLE IF NOT EXISTS "Sales Data"."colsync_sales_data_order_lines_ext_id_t_7b36cd13_backfill_state" (
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
CREATE OR REPLACE PROCEDURE "Sales Data"."colsync_sales_data_order_lines_ext_id_text_to_7b36cd13_backfill"(
  colsync_direction text DEFAULT 'up',
  colsync_batch_size integer DEFAULT 5000,
  colsync_pause interval DEFAULT '10ms'::interval,
  colsync_commit_batches boolean DEFAULT true)
LANGUAGE plpgsql SECURITY INVOKER
AS $colsync$
#variable_conflict use_column
DECLARE
  colsync_state record;
  colsync_last_0 "Sales Data"."Order ""Lines"""."Region"%TYPE;
  colsync_lower_0 "Sales Data"."Order ""Lines"""."Region"%TYPE;
  colsync_upper_0 "Sales Data"."Order ""Lines"""."Region"%TYPE;
  colsync_last_1 "Sales Data"."Order ""Lines"""."line id"%TYPE;
  colsync_lower_1 "Sales Data"."Order ""Lines"""."line id"%TYPE;
  colsync_upper_1 "Sales Data"."Order ""Lines"""."line id"%TYPE;
  colsync_changed bigint;
BEGIN
  IF colsync_direction NOT IN ('up', 'down') THEN
    RAISE EXCEPTION 'colsync: direction must be up or down, not %', colsync_direction;
  END IF;
  LOOP
    PERFORM pg_catalog.set_config('search_path', 'pg_catalog, "Sales Data", pg_temp', true);
    PERFORM pg_catalog.set_config('lock_timeout', '2000ms', true);
    -- The checkpoint keeps keys as text: read and write them in one fixed format.
    PERFORM pg_catalog.set_config('DateStyle', 'ISO, YMD', true);
    PERFORM pg_catalog.set_config('TimeZone', 'UTC', true);
    PERFORM pg_catalog.set_config('IntervalStyle', 'postgres', true);
    PERFORM pg_catalog.set_config('extra_float_digits', '3', true);
    INSERT INTO "Sales Data"."colsync_sales_data_order_lines_ext_id_t_7b36cd13_backfill_state" (direction) VALUES (colsync_direction) ON CONFLICT (direction) DO NOTHING;
    SELECT * INTO colsync_state FROM "Sales Data"."colsync_sales_data_order_lines_ext_id_t_7b36cd13_backfill_state" WHERE direction = colsync_direction FOR UPDATE;
    EXIT WHEN colsync_state.done;
    IF colsync_state.last_key IS NULL THEN
      SELECT "Region", "line id" INTO colsync_lower_0, colsync_lower_1
        FROM "Sales Data"."Order ""Lines""" ORDER BY "Region", "line id" LIMIT 1;
    ELSE
      colsync_last_0 := colsync_state.last_key[1];
      colsync_last_1 := colsync_state.last_key[2];
      SELECT "Region", "line id" INTO colsync_lower_0, colsync_lower_1
        FROM "Sales Data"."Order ""Lines"""
        WHERE ("Region", "line id") > (colsync_last_0, colsync_last_1)
        ORDER BY "Region", "line id" LIMIT 1;
    END IF;
    IF NOT FOUND THEN
      UPDATE "Sales Data"."colsync_sales_data_order_lines_ext_id_t_7b36cd13_backfill_state" SET done = true, updated_at = pg_catalog.now() WHERE direction = colsync_direction;
      RAISE NOTICE 'colsync: backfill % done: % rows changed in % batches',
        colsync_direction, colsync_state.rows_changed, colsync_state.batches;
      IF colsync_commit_batches THEN
        COMMIT;
      END IF;
      EXIT;
    END IF;
    SELECT batch."Region", batch."line id" INTO colsync_upper_0, colsync_upper_1
      FROM (SELECT "Region", "line id" FROM "Sales Data"."Order ""Lines"""
            WHERE ("Region", "line id") >= (colsync_lower_0, colsync_lower_1)
            ORDER BY "Region", "line id" LIMIT colsync_batch_size) AS batch
      ORDER BY batch."Region" DESC, batch."line id" DESC LIMIT 1;
    IF colsync_direction = 'up' THEN
      UPDATE "Sales Data"."Order ""Lines""" SET "ext_uuid" = "Sales Data"."colsync_sales_data_order_lines_ext_id_text_to_ext_u_7b36cd13_up"("ext id")
        WHERE ("Region", "line id") >= (colsync_lower_0, colsync_lower_1)
          AND ("Region", "line id") <= (colsync_upper_0, colsync_upper_1)
          AND "ext_uuid" IS DISTINCT FROM "Sales Data"."colsync_sales_data_order_lines_ext_id_text_to_ext_u_7b36cd13_up"("ext id");
    ELSE
      UPDATE "Sales Data"."Order ""Lines""" SET "ext id" = (ext_uuid::text)
        WHERE ("Region", "line id") >= (colsync_lower_0, colsync_lower_1)
          AND ("Region", "line id") <= (colsync_upper_0, colsync_upper_1)
          AND "ext id" IS DISTINCT FROM (ext_uuid::text);
    END IF;
    GET DIAGNOSTICS colsync_changed = ROW_COUNT;
    UPDATE "Sales Data"."colsync_sales_data_order_lines_ext_id_t_7b36cd13_backfill_state"
      SET last_key = ARRAY[colsync_upper_0::text, colsync_upper_1::text],
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
--rollback -- colsync sales_data_order_lines_ext_id_text_to_ext_uuid_with_hash: rollback of backfill / drop the backfill procedure and its checkpoint table.
--rollback -- Values already copied into the new column stay; they are harmless and the trigger keeps them right.
--rollback SET LOCAL lock_timeout = '2000ms';
--rollback SET LOCAL statement_timeout = '30000ms';
--rollback DROP PROCEDURE IF EXISTS "Sales Data"."colsync_sales_data_order_lines_ext_id_text_to_7b36cd13_backfill"(text, integer, interval, boolean);
--rollback DROP TABLE IF EXISTS "Sales Data"."colsync_sales_data_order_lines_ext_id_t_7b36cd13_backfill_state";

--changeset colsync:sales_data_order_lines_ext_id_text_to_ext_uuid_with_hash-03-backfill-run labels:sales_data_order_lines_ext_id_text_to_ext_uuid_with_hash,backfill runInTransaction:false rollbackSplitStatements:false splitStatements:true
-- colsync sales_data_order_lines_ext_id_text_to_ext_uuid_with_hash: backfill / fill the new column from the old one.
-- Batches of 5000 rows by primary key, each its own short transaction with its checkpoint.
-- Safe to stop at any time and to run again: it resumes after the last committed batch.
-- The CALL lasts as long as the whole backfill, so a session statement_timeout must not cut it short;
-- each batch is bounded by its size and by lock_timeout instead.
SET statement_timeout = 0;
CALL "Sales Data"."colsync_sales_data_order_lines_ext_id_text_to_7b36cd13_backfill"(colsync_direction => 'up');
RESET statement_timeout;
--rollback empty

--changeset colsync:sales_data_order_lines_ext_id_text_to_ext_uuid_with_hash-04-contract-drop-old-column labels:sales_data_order_lines_ext_id_text_to_ext_uuid_with_hash,contract runInTransaction:true rollbackSplitStatements:false splitStatements:false
-- colsync sales_data_order_lines_ext_id_text_to_ext_uuid_with_hash: contract / drop the sync trigger, its functions and the old column.
-- One transaction, so no write ever sees the column gone and the trigger still there.
-- Only N may be running. Takes ACCESS EXCLUSIVE on the table for milliseconds.
SET LOCAL lock_timeout = '2000ms';
SET LOCAL statement_timeout = '30000ms';
LOCK TABLE "Sales Data"."Order ""Lines""" IN ACCESS EXCLUSIVE MODE;
DROP TRIGGER IF EXISTS "colsync_sales_data_order_lines_ext_id_text_7b36cd13_new_written" ON "Sales Data"."Order ""Lines""";
DROP TRIGGER IF EXISTS "colsync_sales_data_order_lines_ext_id_text_to_ext_7b36cd13_sync" ON "Sales Data"."Order ""Lines""";
DROP FUNCTION IF EXISTS "Sales Data"."colsync_sales_data_order_lines_ext_id_text_to_ext_7b36cd13_sync"();
DROP FUNCTION IF EXISTS "Sales Data"."colsync_sales_data_order_lines_ext_id_text_to_ext_u_7b36cd13_up"(text);
DROP FUNCTION IF EXISTS "Sales Data"."colsync_sales_data_order_lines_ext_id_text_to_e_7b36cd13_to_new"(text);
DROP FUNCTION IF EXISTS "Sales Data"."colsync_sales_data_order_lines_ext_id_text_to_e_7b36cd13_to_old"(uuid);
DROP FUNCTION IF EXISTS "Sales Data"."colsync_sales_data_order_lines_ext_id_text_7b36cd13_old_differs"(text, text);
DROP FUNCTION IF EXISTS "Sales Data"."colsync_sales_data_order_lines_ext_id_text_7b36cd13_new_differs"(uuid, uuid);
ALTER TABLE "Sales Data"."Order ""Lines""" DROP COLUMN IF EXISTS "ext id";
DROP PROCEDURE IF EXISTS "Sales Data"."colsync_sales_data_order_lines_ext_id_text_to_7b36cd13_backfill"(text, integer, interval, boolean);
DROP TABLE IF EXISTS "Sales Data"."colsync_sales_data_order_lines_ext_id_t_7b36cd13_backfill_state";
--rollback -- colsync sales_data_order_lines_ext_id_text_to_ext_uuid_with_hash: rollback of contract / bring back the old column, the sync trigger and the
--rollback -- backfill procedure. One transaction; takes ACCESS EXCLUSIVE on the table for milliseconds.
--rollback -- From here on every write to the new column is copied to the old one; the next script refills the rest.
--rollback SET LOCAL lock_timeout = '2000ms';
--rollback SET LOCAL statement_timeout = '30000ms';
--rollback ALTER TABLE "Sales Data"."Order ""Lines""" ADD COLUMN IF NOT EXISTS "ext id" text;
--rollback -- up, down and the comparisons the sync function makes, as SQL functions whose bodies PostgreSQL binds
--rollback -- now, under this search path, and inlines where they are called: the trigger function then depends on
--rollback -- no caller's search_path without a SET clause of its own, which would cost every write a few
--rollback -- microseconds.
--rollback SET LOCAL search_path = pg_catalog, "Sales Data", pg_temp;
--rollback CREATE OR REPLACE FUNCTION "Sales Data"."colsync_sales_data_order_lines_ext_id_text_to_e_7b36cd13_to_new"(text) RETURNS uuid
--rollback LANGUAGE sql SECURITY INVOKER
--rollback RETURN ($1::uuid);
--rollback CREATE OR REPLACE FUNCTION "Sales Data"."colsync_sales_data_order_lines_ext_id_text_to_e_7b36cd13_to_old"(uuid) RETURNS text
--rollback LANGUAGE sql SECURITY INVOKER
--rollback RETURN ($1::text);
--rollback CREATE OR REPLACE FUNCTION "Sales Data"."colsync_sales_data_order_lines_ext_id_text_7b36cd13_old_differs"(text, text) RETURNS boolean
--rollback LANGUAGE sql SECURITY INVOKER
--rollback RETURN $1 IS DISTINCT FROM $2;
--rollback CREATE OR REPLACE FUNCTION "Sales Data"."colsync_sales_data_order_lines_ext_id_text_7b36cd13_new_differs"(uuid, uuid) RETURNS boolean
--rollback LANGUAGE sql SECURITY INVOKER
--rollback RETURN $1 IS DISTINCT FROM $2;
--rollback -- up() with onUpError: null: a value it cannot convert becomes NULL instead of failing the write.
--rollback CREATE OR REPLACE FUNCTION "Sales Data"."colsync_sales_data_order_lines_ext_id_text_to_ext_u_7b36cd13_up"(text) RETURNS uuid
--rollback LANGUAGE plpgsql SECURITY INVOKER
--rollback AS $colsync$
--rollback BEGIN
--rollback   RETURN "Sales Data"."colsync_sales_data_order_lines_ext_id_text_to_e_7b36cd13_to_new"($1);
--rollback EXCEPTION WHEN data_exception THEN
--rollback   RETURN NULL;
--rollback END
--rollback $colsync$;
--rollback -- Keeps the two columns equal whichever application version writes. Direction is decided by the
--rollback -- data, never by the session: a write to the new column wins and the old one follows unless it
--rollback -- already agrees; a write to the old column only (or an INSERT without the new one) sets the new
--rollback -- one. An UPDATE that writes neither leaves both alone: the backfill converges untouched rows.
--rollback -- A new value the old column cannot hold exactly (up(down(new)) <> new) is refused rather than
--rollback -- silently changed, so no write is ever lost. Every operator is pg_catalog's by name.
--rollback CREATE OR REPLACE FUNCTION "Sales Data"."colsync_sales_data_order_lines_ext_id_text_to_ext_7b36cd13_sync"() RETURNS trigger
--rollback LANGUAGE plpgsql SECURITY INVOKER
--rollback AS $colsync$
--rollback DECLARE
--rollback   colsync_agrees boolean;
--rollback BEGIN
--rollback   -- Fired by the UPDATE OF trigger (first, by name), an UPDATE that names the new column in its SET
--rollback   -- list writes it, even with the value it already had.
--rollback   IF TG_NARGS OPERATOR(pg_catalog.>) 0 OR (TG_OP OPERATOR(pg_catalog.=) 'INSERT' AND NEW."ext_uuid" IS NOT NULL)
--rollback      OR (TG_OP OPERATOR(pg_catalog.=) 'UPDATE' AND "Sales Data"."colsync_sales_data_order_lines_ext_id_text_7b36cd13_new_differs"(NEW."ext_uuid", OLD."ext_uuid")) THEN
--rollback     IF "Sales Data"."colsync_sales_data_order_lines_ext_id_text_7b36cd13_old_differs"(NEW."ext id", "Sales Data"."colsync_sales_data_order_lines_ext_id_text_to_e_7b36cd13_to_old"(NEW."ext_uuid")) THEN
--rollback       BEGIN
--rollback         -- An old value up() cannot convert disagrees with any new value; it must not fail the write.
--rollback         colsync_agrees := NOT "Sales Data"."colsync_sales_data_order_lines_ext_id_text_7b36cd13_new_differs"(NEW."ext_uuid", "Sales Data"."colsync_sales_data_order_lines_ext_id_text_to_ext_u_7b36cd13_up"(NEW."ext id"));
--rollback       EXCEPTION WHEN data_exception THEN
--rollback         colsync_agrees := false;
--rollback       END;
--rollback       IF NOT colsync_agrees THEN
--rollback         NEW."ext id" := "Sales Data"."colsync_sales_data_order_lines_ext_id_text_to_e_7b36cd13_to_old"(NEW."ext_uuid");
--rollback         IF "Sales Data"."colsync_sales_data_order_lines_ext_id_text_7b36cd13_new_differs"(NEW."ext_uuid", "Sales Data"."colsync_sales_data_order_lines_ext_id_text_to_ext_u_7b36cd13_up"(NEW."ext id")) THEN
--rollback           RAISE EXCEPTION USING ERRCODE = 'data_exception', MESSAGE = 'colsync sales_data_order_lines_ext_id_text_to_ext_uuid_with_hash: the value written to column "ext_uuid" cannot be stored in column "ext id" without changing it',
--rollback             HINT = 'Only values the old column can hold may be written while both columns are in use.';
--rollback         END IF;
--rollback       END IF;
--rollback     END IF;
--rollback   ELSIF TG_OP OPERATOR(pg_catalog.=) 'INSERT' OR "Sales Data"."colsync_sales_data_order_lines_ext_id_text_7b36cd13_old_differs"(NEW."ext id", OLD."ext id") THEN
--rollback     NEW."ext_uuid" := "Sales Data"."colsync_sales_data_order_lines_ext_id_text_to_ext_u_7b36cd13_up"(NEW."ext id");
--rollback   END IF;
--rollback   RETURN NEW;
--rollback END
--rollback $colsync$;
--rollback CREATE OR REPLACE TRIGGER "colsync_sales_data_order_lines_ext_id_text_7b36cd13_new_written"
--rollback   BEFORE UPDATE OF "ext_uuid" ON "Sales Data"."Order ""Lines"""
--rollback   FOR EACH ROW EXECUTE FUNCTION "Sales Data"."colsync_sales_data_order_lines_ext_id_text_to_ext_7b36cd13_sync"('new column written');
--rollback CREATE OR REPLACE TRIGGER "colsync_sales_data_order_lines_ext_id_text_to_ext_7b36cd13_sync"
--rollback   BEFORE INSERT OR UPDATE ON "Sales Data"."Order ""Lines"""
--rollback   FOR EACH ROW EXECUTE FUNCTION "Sales Data"."colsync_sales_data_order_lines_ext_id_text_to_ext_7b36cd13_sync"();
--rollback CREATE TABLE IF NOT EXISTS "Sales Data"."colsync_sales_data_order_lines_ext_id_t_7b36cd13_backfill_state" (
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
--rollback CREATE OR REPLACE PROCEDURE "Sales Data"."colsync_sales_data_order_lines_ext_id_text_to_7b36cd13_backfill"(
--rollback   colsync_direction text DEFAULT 'up',
--rollback   colsync_batch_size integer DEFAULT 5000,
--rollback   colsync_pause interval DEFAULT '10ms'::interval,
--rollback   colsync_commit_batches boolean DEFAULT true)
--rollback LANGUAGE plpgsql SECURITY INVOKER
--rollback AS $colsync$
--rollback #variable_conflict use_column
--rollback DECLARE
--rollback   colsync_state record;
--rollback   colsync_last_0 "Sales Data"."Order ""Lines"""."Region"%TYPE;
--rollback   colsync_lower_0 "Sales Data"."Order ""Lines"""."Region"%TYPE;
--rollback   colsync_upper_0 "Sales Data"."Order ""Lines"""."Region"%TYPE;
--rollback   colsync_last_1 "Sales Data"."Order ""Lines"""."line id"%TYPE;
--rollback   colsync_lower_1 "Sales Data"."Order ""Lines"""."line id"%TYPE;
--rollback   colsync_upper_1 "Sales Data"."Order ""Lines"""."line id"%TYPE;
--rollback   colsync_changed bigint;
--rollback BEGIN
--rollback   IF colsync_direction NOT IN ('up', 'down') THEN
--rollback     RAISE EXCEPTION 'colsync: direction must be up or down, not %', colsync_direction;
--rollback   END IF;
--rollback   LOOP
--rollback     PERFORM pg_catalog.set_config('search_path', 'pg_catalog, "Sales Data", pg_temp', true);
--rollback     PERFORM pg_catalog.set_config('lock_timeout', '2000ms', true);
--rollback     -- The checkpoint keeps keys as text: read and write them in one fixed format.
--rollback     PERFORM pg_catalog.set_config('DateStyle', 'ISO, YMD', true);
--rollback     PERFORM pg_catalog.set_config('TimeZone', 'UTC', true);
--rollback     PERFORM pg_catalog.set_config('IntervalStyle', 'postgres', true);
--rollback     PERFORM pg_catalog.set_config('extra_float_digits', '3', true);
--rollback     INSERT INTO "Sales Data"."colsync_sales_data_order_lines_ext_id_t_7b36cd13_backfill_state" (direction) VALUES (colsync_direction) ON CONFLICT (direction) DO NOTHING;
--rollback     SELECT * INTO colsync_state FROM "Sales Data"."colsync_sales_data_order_lines_ext_id_t_7b36cd13_backfill_state" WHERE direction = colsync_direction FOR UPDATE;
--rollback     EXIT WHEN colsync_state.done;
--rollback     IF colsync_state.last_key IS NULL THEN
--rollback       SELECT "Region", "line id" INTO colsync_lower_0, colsync_lower_1
--rollback         FROM "Sales Data"."Order ""Lines""" ORDER BY "Region", "line id" LIMIT 1;
--rollback     ELSE
--rollback       colsync_last_0 := colsync_state.last_key[1];
--rollback       colsync_last_1 := colsync_state.last_key[2];
--rollback       SELECT "Region", "line id" INTO colsync_lower_0, colsync_lower_1
--rollback         FROM "Sales Data"."Order ""Lines"""
--rollback         WHERE ("Region", "line id") > (colsync_last_0, colsync_last_1)
--rollback         ORDER BY "Region", "line id" LIMIT 1;
--rollback     END IF;
--rollback     IF NOT FOUND THEN
--rollback       UPDATE "Sales Data"."colsync_sales_data_order_lines_ext_id_t_7b36cd13_backfill_state" SET done = true, updated_at = pg_catalog.now() WHERE direction = colsync_direction;
--rollback       RAISE NOTICE 'colsync: backfill % done: % rows changed in % batches',
--rollback         colsync_direction, colsync_state.rows_changed, colsync_state.batches;
--rollback       IF colsync_commit_batches THEN
--rollback         COMMIT;
--rollback       END IF;
--rollback       EXIT;
--rollback     END IF;
--rollback     SELECT batch."Region", batch."line id" INTO colsync_upper_0, colsync_upper_1
--rollback       FROM (SELECT "Region", "line id" FROM "Sales Data"."Order ""Lines"""
--rollback             WHERE ("Region", "line id") >= (colsync_lower_0, colsync_lower_1)
--rollback             ORDER BY "Region", "line id" LIMIT colsync_batch_size) AS batch
--rollback       ORDER BY batch."Region" DESC, batch."line id" DESC LIMIT 1;
--rollback     IF colsync_direction = 'up' THEN
--rollback       UPDATE "Sales Data"."Order ""Lines""" SET "ext_uuid" = "Sales Data"."colsync_sales_data_order_lines_ext_id_text_to_ext_u_7b36cd13_up"("ext id")
--rollback         WHERE ("Region", "line id") >= (colsync_lower_0, colsync_lower_1)
--rollback           AND ("Region", "line id") <= (colsync_upper_0, colsync_upper_1)
--rollback           AND "ext_uuid" IS DISTINCT FROM "Sales Data"."colsync_sales_data_order_lines_ext_id_text_to_ext_u_7b36cd13_up"("ext id");
--rollback     ELSE
--rollback       UPDATE "Sales Data"."Order ""Lines""" SET "ext id" = (ext_uuid::text)
--rollback         WHERE ("Region", "line id") >= (colsync_lower_0, colsync_lower_1)
--rollback           AND ("Region", "line id") <= (colsync_upper_0, colsync_upper_1)
--rollback           AND "ext id" IS DISTINCT FROM (ext_uuid::text);
--rollback     END IF;
--rollback     GET DIAGNOSTICS colsync_changed = ROW_COUNT;
--rollback     UPDATE "Sales Data"."colsync_sales_data_order_lines_ext_id_t_7b36cd13_backfill_state"
--rollback       SET last_key = ARRAY[colsync_upper_0::text, colsync_upper_1::text],
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
--rollback -- colsync sales_data_order_lines_ext_id_text_to_ext_uuid_with_hash: rollback of contract / fill the old column from the new one, all batches in the caller's transaction.
--rollback SET LOCAL statement_timeout = 0;
--rollback CALL "Sales Data"."colsync_sales_data_order_lines_ext_id_text_to_7b36cd13_backfill"(colsync_direction => 'down', colsync_commit_batches => false);
