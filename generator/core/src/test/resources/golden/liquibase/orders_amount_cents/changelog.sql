--liquibase formatted sql

--changeset colsync:orders_amount_cents-01-expand-add-column labels:orders_amount_cents,expand runInTransaction:true rollbackSplitStatements:false splitStatements:false
-- colsync orders_amount_cents: expand / add the new column and the sync trigger.
-- One transaction; N-1 may be running. Takes ACCESS EXCLUSIVE on the table for milliseconds.
SET LOCAL lock_timeout = '2000ms';
SET LOCAL statement_timeout = '30000ms';
ALTER TABLE "public"."orders" ADD COLUMN IF NOT EXISTS "amount_cents" bigint;

-- up, down and the comparisons the sync function makes, as SQL functions whose bodies PostgreSQL binds
-- now, under this search path, and inlines where they are called: the trigger function then depends on
-- no caller's search_path without a SET clause of its own, which would cost every write a few
-- microseconds.
SET LOCAL search_path = pg_catalog, "public", pg_temp;
CREATE OR REPLACE FUNCTION "public"."colsync_orders_amount_cents_to_new"(numeric(12,2)) RETURNS bigint
LANGUAGE sql SECURITY INVOKER
RETURN (round($1 * 100)::bigint);

CREATE OR REPLACE FUNCTION "public"."colsync_orders_amount_cents_to_old"(bigint) RETURNS numeric(12,2)
LANGUAGE sql SECURITY INVOKER
RETURN ($1 / 100.0);

CREATE OR REPLACE FUNCTION "public"."colsync_orders_amount_cents_old_differs"(numeric(12,2), numeric(12,2)) RETURNS boolean
LANGUAGE sql SECURITY INVOKER
RETURN $1 IS DISTINCT FROM $2;

CREATE OR REPLACE FUNCTION "public"."colsync_orders_amount_cents_new_differs"(bigint, bigint) RETURNS boolean
LANGUAGE sql SECURITY INVOKER
RETURN $1 IS DISTINCT FROM $2;

-- Keeps the two columns equal whichever application version writes. Direction is decided by the
-- data, never by the session: a write to the new column wins and the old one follows unless it
-- already agrees; a write to the old column only (or an INSERT without the new one) sets the new
-- one. An UPDATE that writes neither leaves both alone: the backfill converges untouched rows.
-- A new value the old column cannot hold exactly (up(down(new)) <> new) is refused rather than
-- silently changed, so no write is ever lost. Every operator is pg_catalog's by name.
CREATE OR REPLACE FUNCTION "public"."colsync_orders_amount_cents_sync"() RETURNS trigger
LANGUAGE plpgsql SECURITY INVOKER
AS $colsync$
DECLARE
  colsync_agrees boolean;
BEGIN
  -- Fired by the UPDATE OF trigger (first, by name), an UPDATE that names the new column in its SET
  -- list writes it, even with the value it already had.
  IF TG_NARGS OPERATOR(pg_catalog.>) 0 OR (TG_OP OPERATOR(pg_catalog.=) 'INSERT' AND NEW."amount_cents" IS NOT NULL)
     OR (TG_OP OPERATOR(pg_catalog.=) 'UPDATE' AND "public"."colsync_orders_amount_cents_new_differs"(NEW."amount_cents", OLD."amount_cents")) THEN
    IF "public"."colsync_orders_amount_cents_old_differs"(NEW."amount", "public"."colsync_orders_amount_cents_to_old"(NEW."amount_cents")) THEN
      BEGIN
        -- An old value up() cannot convert disagrees with any new value; it must not fail the write.
        colsync_agrees := NOT "public"."colsync_orders_amount_cents_new_differs"(NEW."amount_cents", "public"."colsync_orders_amount_cents_to_new"(NEW."amount"));
      EXCEPTION WHEN data_exception THEN
        colsync_agrees := false;
      END;
      IF NOT colsync_agrees THEN
        NEW."amount" := "public"."colsync_orders_amount_cents_to_old"(NEW."amount_cents");
        IF "public"."colsync_orders_amount_cents_new_differs"(NEW."amount_cents", "public"."colsync_orders_amount_cents_to_new"(NEW."amount")) THEN
          RAISE EXCEPTION USING ERRCODE = 'data_exception', MESSAGE = 'colsync orders_amount_cents: the value written to column "amount_cents" cannot be stored in column "amount" without changing it',
            HINT = 'Only values the old column can hold may be written while both columns are in use.';
        END IF;
      END IF;
    END IF;
  ELSIF TG_OP OPERATOR(pg_catalog.=) 'INSERT' OR "public"."colsync_orders_amount_cents_old_differs"(NEW."amount", OLD."amount") THEN
    NEW."amount_cents" := "public"."colsync_orders_amount_cents_to_new"(NEW."amount");
  END IF;
  RETURN NEW;
END
$colsync$;

CREATE OR REPLACE TRIGGER "colsync_orders_amount_cents_new_written"
  BEFORE UPDATE OF "amount_cents" ON "public"."orders"
  FOR EACH ROW EXECUTE FUNCTION "public"."colsync_orders_amount_cents_sync"('new column written');

CREATE OR REPLACE TRIGGER "colsync_orders_amount_cents_sync"
  BEFORE INSERT OR UPDATE ON "public"."orders"
  FOR EACH ROW EXECUTE FUNCTION "public"."colsync_orders_amount_cents_sync"();
--rollback -- colsync orders_amount_cents: rollback of expand / drop the sync trigger, its functions and the new column.
--rollback -- One transaction; N-1 only. Takes ACCESS EXCLUSIVE on the table for milliseconds.
--rollback SET LOCAL lock_timeout = '2000ms';
--rollback SET LOCAL statement_timeout = '30000ms';
--rollback LOCK TABLE "public"."orders" IN ACCESS EXCLUSIVE MODE;
--rollback DROP TRIGGER IF EXISTS "colsync_orders_amount_cents_new_written" ON "public"."orders";
--rollback DROP TRIGGER IF EXISTS "colsync_orders_amount_cents_sync" ON "public"."orders";
--rollback DROP FUNCTION IF EXISTS "public"."colsync_orders_amount_cents_sync"();
--rollback DROP FUNCTION IF EXISTS "public"."colsync_orders_amount_cents_to_new"(numeric(12,2));
--rollback DROP FUNCTION IF EXISTS "public"."colsync_orders_amount_cents_to_old"(bigint);
--rollback DROP FUNCTION IF EXISTS "public"."colsync_orders_amount_cents_old_differs"(numeric(12,2), numeric(12,2));
--rollback DROP FUNCTION IF EXISTS "public"."colsync_orders_amount_cents_new_differs"(bigint, bigint);
--rollback ALTER TABLE "public"."orders" DROP COLUMN IF EXISTS "amount_cents";

--changeset colsync:orders_amount_cents-02-backfill-prepare labels:orders_amount_cents,backfill runInTransaction:true rollbackSplitStatements:false splitStatements:false
-- colsync orders_amount_cents: backfill / create the checkpoint table and the backfill procedure.
-- One transaction; takes no lock on the table.
SET LOCAL lock_timeout = '2000ms';
SET LOCAL statement_timeout = '30000ms';
CREATE TABLE IF NOT EXISTS "public"."colsync_orders_amount_cents_backfill_state" (
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
CREATE OR REPLACE PROCEDURE "public"."colsync_orders_amount_cents_backfill"(
  colsync_direction text DEFAULT 'up',
  colsync_batch_size integer DEFAULT 10000,
  colsync_pause interval DEFAULT '20ms'::interval,
  colsync_commit_batches boolean DEFAULT true)
LANGUAGE plpgsql SECURITY INVOKER
AS $colsync$
#variable_conflict use_column
DECLARE
  colsync_state record;
  colsync_last_0 "public"."orders"."id"%TYPE;
  colsync_lower_0 "public"."orders"."id"%TYPE;
  colsync_upper_0 "public"."orders"."id"%TYPE;
  colsync_changed bigint;
BEGIN
  IF colsync_direction NOT IN ('up', 'down') THEN
    RAISE EXCEPTION 'colsync: direction must be up or down, not %', colsync_direction;
  END IF;
  LOOP
    PERFORM pg_catalog.set_config('search_path', 'pg_catalog, "public", pg_temp', true);
    PERFORM pg_catalog.set_config('lock_timeout', '2000ms', true);
    -- The checkpoint keeps keys as text: read and write them in one fixed format.
    PERFORM pg_catalog.set_config('DateStyle', 'ISO, YMD', true);
    PERFORM pg_catalog.set_config('TimeZone', 'UTC', true);
    PERFORM pg_catalog.set_config('IntervalStyle', 'postgres', true);
    PERFORM pg_catalog.set_config('extra_float_digits', '3', true);
    INSERT INTO "public"."colsync_orders_amount_cents_backfill_state" (direction) VALUES (colsync_direction) ON CONFLICT (direction) DO NOTHING;
    SELECT * INTO colsync_state FROM "public"."colsync_orders_amount_cents_backfill_state" WHERE direction = colsync_direction FOR UPDATE;
    EXIT WHEN colsync_state.done;
    IF colsync_state.last_key IS NULL THEN
      SELECT "id" INTO colsync_lower_0
        FROM "public"."orders" ORDER BY "id" LIMIT 1;
    ELSE
      colsync_last_0 := colsync_state.last_key[1];
      SELECT "id" INTO colsync_lower_0
        FROM "public"."orders"
        WHERE ("id") > (colsync_last_0)
        ORDER BY "id" LIMIT 1;
    END IF;
    IF NOT FOUND THEN
      UPDATE "public"."colsync_orders_amount_cents_backfill_state" SET done = true, updated_at = pg_catalog.now() WHERE direction = colsync_direction;
      RAISE NOTICE 'colsync: backfill % done: % rows changed in % batches',
        colsync_direction, colsync_state.rows_changed, colsync_state.batches;
      IF colsync_commit_batches THEN
        COMMIT;
      END IF;
      EXIT;
    END IF;
    SELECT batch."id" INTO colsync_upper_0
      FROM (SELECT "id" FROM "public"."orders"
            WHERE ("id") >= (colsync_lower_0)
            ORDER BY "id" LIMIT colsync_batch_size) AS batch
      ORDER BY batch."id" DESC LIMIT 1;
    IF colsync_direction = 'up' THEN
      UPDATE "public"."orders" SET "amount_cents" = (round(amount * 100)::bigint)
        WHERE ("id") >= (colsync_lower_0)
          AND ("id") <= (colsync_upper_0)
          AND "amount_cents" IS DISTINCT FROM (round(amount * 100)::bigint);
    ELSE
      UPDATE "public"."orders" SET "amount" = (amount_cents / 100.0)
        WHERE ("id") >= (colsync_lower_0)
          AND ("id") <= (colsync_upper_0)
          AND "amount" IS DISTINCT FROM (amount_cents / 100.0);
    END IF;
    GET DIAGNOSTICS colsync_changed = ROW_COUNT;
    UPDATE "public"."colsync_orders_amount_cents_backfill_state"
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
--rollback -- colsync orders_amount_cents: rollback of backfill / drop the backfill procedure and its checkpoint table.
--rollback -- Values already copied into the new column stay; they are harmless and the trigger keeps them right.
--rollback SET LOCAL lock_timeout = '2000ms';
--rollback SET LOCAL statement_timeout = '30000ms';
--rollback DROP PROCEDURE IF EXISTS "public"."colsync_orders_amount_cents_backfill"(text, integer, interval, boolean);
--rollback DROP TABLE IF EXISTS "public"."colsync_orders_amount_cents_backfill_state";

--changeset colsync:orders_amount_cents-03-backfill-run labels:orders_amount_cents,backfill runInTransaction:false rollbackSplitStatements:false splitStatements:true
-- colsync orders_amount_cents: backfill / fill the new column from the old one.
-- Batches of 10000 rows by primary key, each its own short transaction with its checkpoint.
-- Safe to stop at any time and to run again: it resumes after the last committed batch.
-- The CALL lasts as long as the whole backfill, so a session statement_timeout must not cut it short;
-- each batch is bounded by its size and by lock_timeout instead.
SET statement_timeout = 0;
CALL "public"."colsync_orders_amount_cents_backfill"(colsync_direction => 'up');
RESET statement_timeout;
--rollback empty

--changeset colsync:orders_amount_cents-04-contract-drop-old-column labels:orders_amount_cents,contract runInTransaction:true rollbackSplitStatements:false splitStatements:false
-- colsync orders_amount_cents: contract / drop the sync trigger, its functions and the old column.
-- One transaction, so no write ever sees the column gone and the trigger still there.
-- Only N may be running. Takes ACCESS EXCLUSIVE on the table for milliseconds.
SET LOCAL lock_timeout = '2000ms';
SET LOCAL statement_timeout = '30000ms';
LOCK TABLE "public"."orders" IN ACCESS EXCLUSIVE MODE;
DROP TRIGGER IF EXISTS "colsync_orders_amount_cents_new_written" ON "public"."orders";
DROP TRIGGER IF EXISTS "colsync_orders_amount_cents_sync" ON "public"."orders";
DROP FUNCTION IF EXISTS "public"."colsync_orders_amount_cents_sync"();
DROP FUNCTION IF EXISTS "public"."colsync_orders_amount_cents_to_new"(numeric(12,2));
DROP FUNCTION IF EXISTS "public"."colsync_orders_amount_cents_to_old"(bigint);
DROP FUNCTION IF EXISTS "public"."colsync_orders_amount_cents_old_differs"(numeric(12,2), numeric(12,2));
DROP FUNCTION IF EXISTS "public"."colsync_orders_amount_cents_new_differs"(bigint, bigint);
ALTER TABLE "public"."orders" DROP COLUMN IF EXISTS "amount";
DROP PROCEDURE IF EXISTS "public"."colsync_orders_amount_cents_backfill"(text, integer, interval, boolean);
DROP TABLE IF EXISTS "public"."colsync_orders_amount_cents_backfill_state";
--rollback -- colsync orders_amount_cents: rollback of contract / bring back the old column, the sync trigger and the
--rollback -- backfill procedure. One transaction; takes ACCESS EXCLUSIVE on the table for milliseconds.
--rollback -- From here on every write to the new column is copied to the old one; the next script refills the rest.
--rollback SET LOCAL lock_timeout = '2000ms';
--rollback SET LOCAL statement_timeout = '30000ms';
--rollback ALTER TABLE "public"."orders" ADD COLUMN IF NOT EXISTS "amount" numeric(12,2);
--rollback -- up, down and the comparisons the sync function makes, as SQL functions whose bodies PostgreSQL binds
--rollback -- now, under this search path, and inlines where they are called: the trigger function then depends on
--rollback -- no caller's search_path without a SET clause of its own, which would cost every write a few
--rollback -- microseconds.
--rollback SET LOCAL search_path = pg_catalog, "public", pg_temp;
--rollback CREATE OR REPLACE FUNCTION "public"."colsync_orders_amount_cents_to_new"(numeric(12,2)) RETURNS bigint
--rollback LANGUAGE sql SECURITY INVOKER
--rollback RETURN (round($1 * 100)::bigint);
--rollback CREATE OR REPLACE FUNCTION "public"."colsync_orders_amount_cents_to_old"(bigint) RETURNS numeric(12,2)
--rollback LANGUAGE sql SECURITY INVOKER
--rollback RETURN ($1 / 100.0);
--rollback CREATE OR REPLACE FUNCTION "public"."colsync_orders_amount_cents_old_differs"(numeric(12,2), numeric(12,2)) RETURNS boolean
--rollback LANGUAGE sql SECURITY INVOKER
--rollback RETURN $1 IS DISTINCT FROM $2;
--rollback CREATE OR REPLACE FUNCTION "public"."colsync_orders_amount_cents_new_differs"(bigint, bigint) RETURNS boolean
--rollback LANGUAGE sql SECURITY INVOKER
--rollback RETURN $1 IS DISTINCT FROM $2;
--rollback -- Keeps the two columns equal whichever application version writes. Direction is decided by the
--rollback -- data, never by the session: a write to the new column wins and the old one follows unless it
--rollback -- already agrees; a write to the old column only (or an INSERT without the new one) sets the new
--rollback -- one. An UPDATE that writes neither leaves both alone: the backfill converges untouched rows.
--rollback -- A new value the old column cannot hold exactly (up(down(new)) <> new) is refused rather than
--rollback -- silently changed, so no write is ever lost. Every operator is pg_catalog's by name.
--rollback CREATE OR REPLACE FUNCTION "public"."colsync_orders_amount_cents_sync"() RETURNS trigger
--rollback LANGUAGE plpgsql SECURITY INVOKER
--rollback AS $colsync$
--rollback DECLARE
--rollback   colsync_agrees boolean;
--rollback BEGIN
--rollback   -- Fired by the UPDATE OF trigger (first, by name), an UPDATE that names the new column in its SET
--rollback   -- list writes it, even with the value it already had.
--rollback   IF TG_NARGS OPERATOR(pg_catalog.>) 0 OR (TG_OP OPERATOR(pg_catalog.=) 'INSERT' AND NEW."amount_cents" IS NOT NULL)
--rollback      OR (TG_OP OPERATOR(pg_catalog.=) 'UPDATE' AND "public"."colsync_orders_amount_cents_new_differs"(NEW."amount_cents", OLD."amount_cents")) THEN
--rollback     IF "public"."colsync_orders_amount_cents_old_differs"(NEW."amount", "public"."colsync_orders_amount_cents_to_old"(NEW."amount_cents")) THEN
--rollback       BEGIN
--rollback         -- An old value up() cannot convert disagrees with any new value; it must not fail the write.
--rollback         colsync_agrees := NOT "public"."colsync_orders_amount_cents_new_differs"(NEW."amount_cents", "public"."colsync_orders_amount_cents_to_new"(NEW."amount"));
--rollback       EXCEPTION WHEN data_exception THEN
--rollback         colsync_agrees := false;
--rollback       END;
--rollback       IF NOT colsync_agrees THEN
--rollback         NEW."amount" := "public"."colsync_orders_amount_cents_to_old"(NEW."amount_cents");
--rollback         IF "public"."colsync_orders_amount_cents_new_differs"(NEW."amount_cents", "public"."colsync_orders_amount_cents_to_new"(NEW."amount")) THEN
--rollback           RAISE EXCEPTION USING ERRCODE = 'data_exception', MESSAGE = 'colsync orders_amount_cents: the value written to column "amount_cents" cannot be stored in column "amount" without changing it',
--rollback             HINT = 'Only values the old column can hold may be written while both columns are in use.';
--rollback         END IF;
--rollback       END IF;
--rollback     END IF;
--rollback   ELSIF TG_OP OPERATOR(pg_catalog.=) 'INSERT' OR "public"."colsync_orders_amount_cents_old_differs"(NEW."amount", OLD."amount") THEN
--rollback     NEW."amount_cents" := "public"."colsync_orders_amount_cents_to_new"(NEW."amount");
--rollback   END IF;
--rollback   RETURN NEW;
--rollback END
--rollback $colsync$;
--rollback CREATE OR REPLACE TRIGGER "colsync_orders_amount_cents_new_written"
--rollback   BEFORE UPDATE OF "amount_cents" ON "public"."orders"
--rollback   FOR EACH ROW EXECUTE FUNCTION "public"."colsync_orders_amount_cents_sync"('new column written');
--rollback CREATE OR REPLACE TRIGGER "colsync_orders_amount_cents_sync"
--rollback   BEFORE INSERT OR UPDATE ON "public"."orders"
--rollback   FOR EACH ROW EXECUTE FUNCTION "public"."colsync_orders_amount_cents_sync"();
--rollback CREATE TABLE IF NOT EXISTS "public"."colsync_orders_amount_cents_backfill_state" (
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
--rollback CREATE OR REPLACE PROCEDURE "public"."colsync_orders_amount_cents_backfill"(
--rollback   colsync_direction text DEFAULT 'up',
--rollback   colsync_batch_size integer DEFAULT 10000,
--rollback   colsync_pause interval DEFAULT '20ms'::interval,
--rollback   colsync_commit_batches boolean DEFAULT true)
--rollback LANGUAGE plpgsql SECURITY INVOKER
--rollback AS $colsync$
--rollback #variable_conflict use_column
--rollback DECLARE
--rollback   colsync_state record;
--rollback   colsync_last_0 "public"."orders"."id"%TYPE;
--rollback   colsync_lower_0 "public"."orders"."id"%TYPE;
--rollback   colsync_upper_0 "public"."orders"."id"%TYPE;
--rollback   colsync_changed bigint;
--rollback BEGIN
--rollback   IF colsync_direction NOT IN ('up', 'down') THEN
--rollback     RAISE EXCEPTION 'colsync: direction must be up or down, not %', colsync_direction;
--rollback   END IF;
--rollback   LOOP
--rollback     PERFORM pg_catalog.set_config('search_path', 'pg_catalog, "public", pg_temp', true);
--rollback     PERFORM pg_catalog.set_config('lock_timeout', '2000ms', true);
--rollback     -- The checkpoint keeps keys as text: read and write them in one fixed format.
--rollback     PERFORM pg_catalog.set_config('DateStyle', 'ISO, YMD', true);
--rollback     PERFORM pg_catalog.set_config('TimeZone', 'UTC', true);
--rollback     PERFORM pg_catalog.set_config('IntervalStyle', 'postgres', true);
--rollback     PERFORM pg_catalog.set_config('extra_float_digits', '3', true);
--rollback     INSERT INTO "public"."colsync_orders_amount_cents_backfill_state" (direction) VALUES (colsync_direction) ON CONFLICT (direction) DO NOTHING;
--rollback     SELECT * INTO colsync_state FROM "public"."colsync_orders_amount_cents_backfill_state" WHERE direction = colsync_direction FOR UPDATE;
--rollback     EXIT WHEN colsync_state.done;
--rollback     IF colsync_state.last_key IS NULL THEN
--rollback       SELECT "id" INTO colsync_lower_0
--rollback         FROM "public"."orders" ORDER BY "id" LIMIT 1;
--rollback     ELSE
--rollback       colsync_last_0 := colsync_state.last_key[1];
--rollback       SELECT "id" INTO colsync_lower_0
--rollback         FROM "public"."orders"
--rollback         WHERE ("id") > (colsync_last_0)
--rollback         ORDER BY "id" LIMIT 1;
--rollback     END IF;
--rollback     IF NOT FOUND THEN
--rollback       UPDATE "public"."colsync_orders_amount_cents_backfill_state" SET done = true, updated_at = pg_catalog.now() WHERE direction = colsync_direction;
--rollback       RAISE NOTICE 'colsync: backfill % done: % rows changed in % batches',
--rollback         colsync_direction, colsync_state.rows_changed, colsync_state.batches;
--rollback       IF colsync_commit_batches THEN
--rollback         COMMIT;
--rollback       END IF;
--rollback       EXIT;
--rollback     END IF;
--rollback     SELECT batch."id" INTO colsync_upper_0
--rollback       FROM (SELECT "id" FROM "public"."orders"
--rollback             WHERE ("id") >= (colsync_lower_0)
--rollback             ORDER BY "id" LIMIT colsync_batch_size) AS batch
--rollback       ORDER BY batch."id" DESC LIMIT 1;
--rollback     IF colsync_direction = 'up' THEN
--rollback       UPDATE "public"."orders" SET "amount_cents" = (round(amount * 100)::bigint)
--rollback         WHERE ("id") >= (colsync_lower_0)
--rollback           AND ("id") <= (colsync_upper_0)
--rollback           AND "amount_cents" IS DISTINCT FROM (round(amount * 100)::bigint);
--rollback     ELSE
--rollback       UPDATE "public"."orders" SET "amount" = (amount_cents / 100.0)
--rollback         WHERE ("id") >= (colsync_lower_0)
--rollback           AND ("id") <= (colsync_upper_0)
--rollback           AND "amount" IS DISTINCT FROM (amount_cents / 100.0);
--rollback     END IF;
--rollback     GET DIAGNOSTICS colsync_changed = ROW_COUNT;
--rollback     UPDATE "public"."colsync_orders_amount_cents_backfill_state"
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
--rollback -- colsync orders_amount_cents: rollback of contract / fill the old column from the new one, all batches in the caller's transaction.
--rollback SET LOCAL statement_timeout = 0;
--rollback CALL "public"."colsync_orders_amount_cents_backfill"(colsync_direction => 'down', colsync_commit_batches => false);
