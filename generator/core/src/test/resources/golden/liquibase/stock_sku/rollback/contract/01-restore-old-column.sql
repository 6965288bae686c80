-- colsync stock_sku: rollback of contract / bring back the old column, the sync trigger and the
-- backfill procedure. One transaction; takes ACCESS EXCLUSIVE on the table for milliseconds.
-- From here on every write to the new column is copied to the old one; the next script refills the rest.
SET LOCAL lock_timeout = '2000ms';
SET LOCAL statement_timeout = '30000ms';
ALTER TABLE "shop"."stock" ADD COLUMN IF NOT EXISTS "code" text;
DO $colsync$
BEGIN
  IF EXISTS (SELECT FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid
             WHERE i.indrelid = '"shop"."stock"'::pg_catalog.regclass AND i.indisprimary AND c.relname = 'stock_key'
             AND (SELECT a.attnum FROM pg_catalog.pg_attribute a WHERE a.attrelid = '"shop"."stock"'::pg_catalog.regclass AND a.attname = 'sku') = ANY (i.indkey)) THEN
    ALTER INDEX "shop"."stock_key" RENAME TO "colsync_stock_sku_stock_key";
  END IF;
END
$colsync$;

-- up, down and the comparisons the sync function makes, as SQL functions whose bodies PostgreSQL binds
-- now, under this search path, and inlines where they are called: the trigger function then depends on
-- no caller's search_path without a SET clause of its own, which would cost every write a few
-- microseconds.
SET LOCAL search_path = pg_catalog, "shop", pg_temp;
CREATE OR REPLACE FUNCTION "shop"."colsync_stock_sku_to_new"(text) RETURNS text
LANGUAGE sql SECURITY INVOKER
RETURN ($1);

CREATE OR REPLACE FUNCTION "shop"."colsync_stock_sku_to_old"(text) RETURNS text
LANGUAGE sql SECURITY INVOKER
RETURN ($1);

CREATE OR REPLACE FUNCTION "shop"."colsync_stock_sku_old_differs"(text, text) RETURNS boolean
LANGUAGE sql SECURITY INVOKER
RETURN $1 IS DISTINCT FROM $2;

CREATE OR REPLACE FUNCTION "shop"."colsync_stock_sku_new_differs"(text, text) RETURNS boolean
LANGUAGE sql SECURITY INVOKER
RETURN $1 IS DISTINCT FROM $2;

-- Keeps the two columns equal whichever application version writes. Direction is decided by the
-- data, never by the session: a write to the new column wins and the old one follows unless it
-- already agrees; a write to the old column only (or an INSERT without the new one) sets the new
-- one. An UPDATE that writes neither leaves both alone: the backfill converges untouched rows.
-- A new value the old column cannot hold exactly (up(down(new)) <> new) is refused rather than
-- silently changed, so no write is ever lost. Every operator is pg_catalog's by name.
CREATE OR REPLACE FUNCTION "shop"."colsync_stock_sku_sync"() RETURNS trigger
LANGUAGE plpgsql SECURITY INVOKER
AS $colsync$
DECLARE
  colsync_agrees boolean;
BEGIN
  -- Fired by the UPDATE OF trigger (first, by name), an UPDATE that names the new column in its SET
  -- list writes it, even with the value it already had.
  IF TG_NARGS OPERATOR(pg_catalog.>) 0 OR (TG_OP OPERATOR(pg_catalog.=) 'INSERT' AND NEW."sku" IS NOT NULL)
     OR (TG_OP OPERATOR(pg_catalog.=) 'UPDATE' AND "shop"."colsync_stock_sku_new_differs"(NEW."sku", OLD."sku")) THEN
    IF "shop"."colsync_stock_sku_old_differs"(NEW."code", "shop"."colsync_stock_sku_to_old"(NEW."sku")) THEN
      BEGIN
        -- An old value up() cannot convert disagrees with any new value; it must not fail the write.
        colsync_agrees := NOT "shop"."colsync_stock_sku_new_differs"(NEW."sku", "shop"."colsync_stock_sku_to_new"(NEW."code"));
      EXCEPTION WHEN data_exception THEN
        colsync_agrees := false;
      END;
      IF NOT colsync_agrees THEN
        NEW."code" := "shop"."colsync_stock_sku_to_old"(NEW."sku");
        IF "shop"."colsync_stock_sku_new_differs"(NEW."sku", "shop"."colsync_stock_sku_to_new"(NEW."code")) THEN
          RAISE EXCEPTION USING ERRCODE = 'data_exception', MESSAGE = 'colsync stock_sku: the value written to column "sku" cannot be stored in column "code" without changing it',
            HINT = 'Only values the old column can hold may be written while both columns are in use.';
        END IF;
      END IF;
    END IF;
  ELSIF TG_OP OPERATOR(pg_catalog.=) 'INSERT' OR "shop"."colsync_stock_sku_old_differs"(NEW."code", OLD."code") THEN
    NEW."sku" := "shop"."colsync_stock_sku_to_new"(NEW."code");
  END IF;
  RETURN NEW;
END
$colsync$;

CREATE OR REPLACE TRIGGER "~colsync_stock_sku_new_written"
  BEFORE UPDATE OF "sku" ON "shop"."stock"
  FOR EACH ROW EXECUTE FUNCTION "shop"."colsync_stock_sku_sync"('new column written');

CREATE OR REPLACE TRIGGER "~colsync_stock_sku_sync"
  BEFORE INSERT OR UPDATE ON "shop"."stock"
  FOR EACH ROW EXECUTE FUNCTION "shop"."colsync_stock_sku_sync"();

CREATE TABLE IF NOT EXISTS "shop"."colsync_stock_sku_backfill_state" (
  direction text PRIMARY KEY CHECK (direction IN ('up', 'down')),
  last_key text[],
  rows_changed bigint NOT NULL DEFAULT 0,
  batches bigint NOT NULL DEFAULT 0,
  done boolean NOT NULL DEFAULT false,
  started_at timestamptz NOT NULL DEFAULT pg_catalog.now(),
  updated_at timestamptz NOT NULL DEFAULT pg_catalog.now()
);
-- The walk ends at the highest key when it starts (bound_key, with the rows estimated up to it then):
-- rows inserted later are written by the sync trigger.
ALTER TABLE "shop"."colsync_stock_sku_backfill_state" ADD COLUMN IF NOT EXISTS bound_key text[];
ALTER TABLE "shop"."colsync_stock_sku_backfill_state" ADD COLUMN IF NOT EXISTS bound_rows bigint;

-- Walks the primary key in batches: one short transaction per batch, checkpoint committed with it.
-- Only rows that differ are written, so running it again is a no-op. 'down' refills the old column.
CREATE OR REPLACE PROCEDURE "shop"."colsync_stock_sku_backfill"(
  colsync_direction text DEFAULT 'up',
  colsync_batch_size integer DEFAULT 5000,
  colsync_pause interval DEFAULT '10ms'::interval,
  colsync_commit_batches boolean DEFAULT true)
LANGUAGE plpgsql SECURITY INVOKER
AS $colsync$
#variable_conflict use_column
DECLARE
  colsync_state record;
  colsync_last_0 "shop"."stock"."tenant"%TYPE;
  colsync_lower_0 "shop"."stock"."tenant"%TYPE;
  colsync_upper_0 "shop"."stock"."tenant"%TYPE;
  colsync_bound_0 "shop"."stock"."tenant"%TYPE;
  colsync_last_1 "shop"."stock"."code"%TYPE;
  colsync_lower_1 "shop"."stock"."code"%TYPE;
  colsync_upper_1 "shop"."stock"."code"%TYPE;
  colsync_bound_1 "shop"."stock"."code"%TYPE;
  colsync_changed bigint;
  colsync_row record;
  colsync_error_state text;
  colsync_error_message text;
  colsync_error_detail text;
  colsync_error_hint text;
BEGIN
  IF colsync_direction NOT IN ('up', 'down') THEN
    RAISE EXCEPTION 'colsync: direction must be up or down, not %', colsync_direction;
  END IF;
  -- The key's column is renamed: 'up' walks it under its old name, 'down' (the old column being
  -- filled again) under its new one.
  IF colsync_direction = 'up' THEN
  LOOP
    PERFORM pg_catalog.set_config('search_path', 'pg_catalog, "shop", pg_temp', true);
    PERFORM pg_catalog.set_config('lock_timeout', '2000ms', true);
    -- The checkpoint keeps keys as text: read and write them in one fixed format.
    PERFORM pg_catalog.set_config('DateStyle', 'ISO, YMD', true);
    PERFORM pg_catalog.set_config('TimeZone', 'UTC', true);
    PERFORM pg_catalog.set_config('IntervalStyle', 'postgres', true);
    PERFORM pg_catalog.set_config('extra_float_digits', '3', true);
    -- The table's own triggers can tell the backfill's updates by this setting (see the runbook).
    PERFORM pg_catalog.set_config('colsync.backfill', 'stock_sku', true);
    INSERT INTO "shop"."colsync_stock_sku_backfill_state" (direction) VALUES (colsync_direction) ON CONFLICT (direction) DO NOTHING;
    SELECT * INTO colsync_state FROM "shop"."colsync_stock_sku_backfill_state" WHERE direction = colsync_direction FOR UPDATE;
    EXIT WHEN colsync_state.done;
    IF colsync_state.bound_key IS NULL THEN
      SELECT "tenant", "code" INTO colsync_bound_0, colsync_bound_1
        FROM "shop"."stock" ORDER BY "tenant" DESC, "code" DESC LIMIT 1;
      IF NOT FOUND THEN
        UPDATE "shop"."colsync_stock_sku_backfill_state" SET done = true, updated_at = pg_catalog.now() WHERE direction = colsync_direction;
        RAISE NOTICE 'colsync: backfill % done: the table was empty when it started', colsync_direction;
        IF colsync_commit_batches THEN
          COMMIT;
        END IF;
        EXIT;
      END IF;
      UPDATE "shop"."colsync_stock_sku_backfill_state"
        SET bound_key = ARRAY[colsync_bound_0::text, colsync_bound_1::text],
            bound_rows = (SELECT NULLIF(c.reltuples::bigint, -1) FROM pg_catalog.pg_class c
                          WHERE c.oid = '"shop"."stock"'::pg_catalog.regclass)
        WHERE direction = colsync_direction;
    ELSE
      colsync_bound_0 := colsync_state.bound_key[1];
      colsync_bound_1 := colsync_state.bound_key[2];
    END IF;
    IF colsync_state.last_key IS NULL THEN
      SELECT "tenant", "code" INTO colsync_lower_0, colsync_lower_1
        FROM "shop"."stock"
        WHERE ("tenant", "code") <= (colsync_bound_0, colsync_bound_1)
        ORDER BY "tenant", "code" LIMIT 1;
    ELSE
      colsync_last_0 := colsync_state.last_key[1];
      colsync_last_1 := colsync_state.last_key[2];
      SELECT "tenant", "code" INTO colsync_lower_0, colsync_lower_1
        FROM "shop"."stock"
        WHERE ("tenant", "code") > (colsync_last_0, colsync_last_1)
          AND ("tenant", "code") <= (colsync_bound_0, colsync_bound_1)
        ORDER BY "tenant", "code" LIMIT 1;
    END IF;
    IF NOT FOUND THEN
      UPDATE "shop"."colsync_stock_sku_backfill_state" SET done = true, updated_at = pg_catalog.now() WHERE direction = colsync_direction;
      RAISE NOTICE 'colsync: backfill % done: % rows changed in % batches',
        colsync_direction, colsync_state.rows_changed, colsync_state.batches;
      IF colsync_commit_batches THEN
        COMMIT;
      END IF;
      EXIT;
    END IF;
    SELECT batch."tenant", batch."code" INTO colsync_upper_0, colsync_upper_1
      FROM (SELECT "tenant", "code" FROM "shop"."stock"
            WHERE ("tenant", "code") >= (colsync_lower_0, colsync_lower_1)
              AND ("tenant", "code") <= (colsync_bound_0, colsync_bound_1)
            ORDER BY "tenant", "code" LIMIT colsync_batch_size) AS batch
      ORDER BY batch."tenant" DESC, batch."code" DESC LIMIT 1;
    -- A value up (or down) cannot convert fails the batch; the error then names the first row it fails on.
    BEGIN
      IF colsync_direction = 'up' THEN
        UPDATE "shop"."stock" SET "sku" = ("code")
          WHERE ("tenant", "code") >= (colsync_lower_0, colsync_lower_1)
            AND ("tenant", "code") <= (colsync_upper_0, colsync_upper_1)
            AND "sku" IS DISTINCT FROM ("code");
      ELSE
        UPDATE "shop"."stock" SET "code" = ("sku")
          WHERE ("tenant", "code") >= (colsync_lower_0, colsync_lower_1)
            AND ("tenant", "code") <= (colsync_upper_0, colsync_upper_1)
            AND "code" IS DISTINCT FROM ("sku");
      END IF;
      GET DIAGNOSTICS colsync_changed = ROW_COUNT;
    EXCEPTION WHEN OTHERS THEN
      GET STACKED DIAGNOSTICS colsync_error_state = RETURNED_SQLSTATE, colsync_error_message = MESSAGE_TEXT,
        colsync_error_detail = PG_EXCEPTION_DETAIL, colsync_error_hint = PG_EXCEPTION_HINT;
      -- A lock timeout, a deadlock or a cancel is no row's fault.
      IF colsync_error_state IN ('55P03', '40P01', '40001', '57014')
          OR pg_catalog.left(colsync_error_state, 2) IN ('08', '53', '57', '58', 'XX') THEN
        RAISE;
      END IF;
      FOR colsync_row IN SELECT "tenant" AS colsync_key_0, "code" AS colsync_key_1
          FROM "shop"."stock"
          WHERE ("tenant", "code") >= (colsync_lower_0, colsync_lower_1)
            AND ("tenant", "code") <= (colsync_upper_0, colsync_upper_1)
          ORDER BY "tenant", "code" LOOP
        BEGIN
          IF colsync_direction = 'up' THEN
            PERFORM ("code") FROM "shop"."stock" WHERE ("tenant", "code") = (colsync_row.colsync_key_0, colsync_row.colsync_key_1);
          ELSE
            PERFORM ("sku") FROM "shop"."stock" WHERE ("tenant", "code") = (colsync_row.colsync_key_0, colsync_row.colsync_key_1);
          END IF;
        EXCEPTION WHEN OTHERS THEN
          RAISE EXCEPTION USING ERRCODE = colsync_error_state, DETAIL = colsync_error_detail, HINT = colsync_error_hint,
            MESSAGE = colsync_error_message || ' (on the row whose key (' || 'tenant' || ', ' || 'code'
              || ') is (' || pg_catalog.concat_ws(', ', colsync_row.colsync_key_0, colsync_row.colsync_key_1) || '))';
        END;
      END LOOP;
      RAISE;
    END;
    UPDATE "shop"."colsync_stock_sku_backfill_state"
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
  ELSE
  LOOP
    PERFORM pg_catalog.set_config('search_path', 'pg_catalog, "shop", pg_temp', true);
    PERFORM pg_catalog.set_config('lock_timeout', '2000ms', true);
    -- The checkpoint keeps keys as text: read and write them in one fixed format.
    PERFORM pg_catalog.set_config('DateStyle', 'ISO, YMD', true);
    PERFORM pg_catalog.set_config('TimeZone', 'UTC', true);
    PERFORM pg_catalog.set_config('IntervalStyle', 'postgres', true);
    PERFORM pg_catalog.set_config('extra_float_digits', '3', true);
    -- The table's own triggers can tell the backfill's updates by this setting (see the runbook).
    PERFORM pg_catalog.set_config('colsync.backfill', 'stock_sku', true);
    INSERT INTO "shop"."colsync_stock_sku_backfill_state" (direction) VALUES (colsync_direction) ON CONFLICT (direction) DO NOTHING;
    SELECT * INTO colsync_state FROM "shop"."colsync_stock_sku_backfill_state" WHERE direction = colsync_direction FOR UPDATE;
    EXIT WHEN colsync_state.done;
    IF colsync_state.bound_key IS NULL THEN
      SELECT "tenant", "sku" INTO colsync_bound_0, colsync_bound_1
        FROM "shop"."stock" ORDER BY "tenant" DESC, "sku" DESC LIMIT 1;
      IF NOT FOUND THEN
        UPDATE "shop"."colsync_stock_sku_backfill_state" SET done = true, updated_at = pg_catalog.now() WHERE direction = colsync_direction;
        RAISE NOTICE 'colsync: backfill % done: the table was empty when it started', colsync_direction;
        IF colsync_commit_batches THEN
          COMMIT;
        END IF;
        EXIT;
      END IF;
      UPDATE "shop"."colsync_stock_sku_backfill_state"
        SET bound_key = ARRAY[colsync_bound_0::text, colsync_bound_1::text],
            bound_rows = (SELECT NULLIF(c.reltuples::bigint, -1) FROM pg_catalog.pg_class c
                          WHERE c.oid = '"shop"."stock"'::pg_catalog.regclass)
        WHERE direction = colsync_direction;
    ELSE
      colsync_bound_0 := colsync_state.bound_key[1];
      colsync_bound_1 := colsync_state.bound_key[2];
    END IF;
    IF colsync_state.last_key IS NULL THEN
      SELECT "tenant", "sku" INTO colsync_lower_0, colsync_lower_1
        FROM "shop"."stock"
        WHERE ("tenant", "sku") <= (colsync_bound_0, colsync_bound_1)
        ORDER BY "tenant", "sku" LIMIT 1;
    ELSE
      colsync_last_0 := colsync_state.last_key[1];
      colsync_last_1 := colsync_state.last_key[2];
      SELECT "tenant", "sku" INTO colsync_lower_0, colsync_lower_1
        FROM "shop"."stock"
        WHERE ("tenant", "sku") > (colsync_last_0, colsync_last_1)
          AND ("tenant", "sku") <= (colsync_bound_0, colsync_bound_1)
        ORDER BY "tenant", "sku" LIMIT 1;
    END IF;
    IF NOT FOUND THEN
      UPDATE "shop"."colsync_stock_sku_backfill_state" SET done = true, updated_at = pg_catalog.now() WHERE direction = colsync_direction;
      RAISE NOTICE 'colsync: backfill % done: % rows changed in % batches',
        colsync_direction, colsync_state.rows_changed, colsync_state.batches;
      IF colsync_commit_batches THEN
        COMMIT;
      END IF;
      EXIT;
    END IF;
    SELECT batch."tenant", batch."sku" INTO colsync_upper_0, colsync_upper_1
      FROM (SELECT "tenant", "sku" FROM "shop"."stock"
            WHERE ("tenant", "sku") >= (colsync_lower_0, colsync_lower_1)
              AND ("tenant", "sku") <= (colsync_bound_0, colsync_bound_1)
            ORDER BY "tenant", "sku" LIMIT colsync_batch_size) AS batch
      ORDER BY batch."tenant" DESC, batch."sku" DESC LIMIT 1;
    -- A value up (or down) cannot convert fails the batch; the error then names the first row it fails on.
    BEGIN
      IF colsync_direction = 'up' THEN
        UPDATE "shop"."stock" SET "sku" = ("code")
          WHERE ("tenant", "sku") >= (colsync_lower_0, colsync_lower_1)
            AND ("tenant", "sku") <= (colsync_upper_0, colsync_upper_1)
            AND "sku" IS DISTINCT FROM ("code");
      ELSE
        UPDATE "shop"."stock" SET "code" = ("sku")
          WHERE ("tenant", "sku") >= (colsync_lower_0, colsync_lower_1)
            AND ("tenant", "sku") <= (colsync_upper_0, colsync_upper_1)
            AND "code" IS DISTINCT FROM ("sku");
      END IF;
      GET DIAGNOSTICS colsync_changed = ROW_COUNT;
    EXCEPTION WHEN OTHERS THEN
      GET STACKED DIAGNOSTICS colsync_error_state = RETURNED_SQLSTATE, colsync_error_message = MESSAGE_TEXT,
        colsync_error_detail = PG_EXCEPTION_DETAIL, colsync_error_hint = PG_EXCEPTION_HINT;
      -- A lock timeout, a deadlock or a cancel is no row's fault.
      IF colsync_error_state IN ('55P03', '40P01', '40001', '57014')
          OR pg_catalog.left(colsync_error_state, 2) IN ('08', '53', '57', '58', 'XX') THEN
        RAISE;
      END IF;
      FOR colsync_row IN SELECT "tenant" AS colsync_key_0, "sku" AS colsync_key_1
          FROM "shop"."stock"
          WHERE ("tenant", "sku") >= (colsync_lower_0, colsync_lower_1)
            AND ("tenant", "sku") <= (colsync_upper_0, colsync_upper_1)
          ORDER BY "tenant", "sku" LOOP
        BEGIN
          IF colsync_direction = 'up' THEN
            PERFORM ("code") FROM "shop"."stock" WHERE ("tenant", "sku") = (colsync_row.colsync_key_0, colsync_row.colsync_key_1);
          ELSE
            PERFORM ("sku") FROM "shop"."stock" WHERE ("tenant", "sku") = (colsync_row.colsync_key_0, colsync_row.colsync_key_1);
          END IF;
        EXCEPTION WHEN OTHERS THEN
          RAISE EXCEPTION USING ERRCODE = colsync_error_state, DETAIL = colsync_error_detail, HINT = colsync_error_hint,
            MESSAGE = colsync_error_message || ' (on the row whose key (' || 'tenant' || ', ' || 'sku'
              || ') is (' || pg_catalog.concat_ws(', ', colsync_row.colsync_key_0, colsync_row.colsync_key_1) || '))';
        END;
      END LOOP;
      RAISE;
    END;
    UPDATE "shop"."colsync_stock_sku_backfill_state"
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
  END IF;
END
$colsync$;
