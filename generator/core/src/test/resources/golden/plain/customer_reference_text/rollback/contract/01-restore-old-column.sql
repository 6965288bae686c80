-- colsync customer_reference_text: rollback of contract / bring back the old column, the sync trigger and the
-- backfill procedure. One transaction; takes ACCESS EXCLUSIVE on the table for milliseconds.
-- From here on every write to the new column is copied to the old one; the next script refills the rest.
SET LOCAL lock_timeout = '2000ms';
SET LOCAL statement_timeout = '30000ms';
ALTER TABLE "public"."customers" ADD COLUMN IF NOT EXISTS "customer_reference_code_from_the_legacy_billing_system_v2_abcde" varchar(40);

-- up, down and the comparisons the sync function makes, as SQL functions whose bodies PostgreSQL binds
-- now, under this search path, and inlines where they are called: the trigger function then depends on
-- no caller's search_path without a SET clause of its own, which would cost every write a few
-- microseconds.
SET LOCAL search_path = pg_catalog, "public", pg_temp;
CREATE OR REPLACE FUNCTION "public"."colsync_customer_reference_text_to_new"(varchar(40)) RETURNS text
LANGUAGE sql SECURITY INVOKER
RETURN ($1::text);

CREATE OR REPLACE FUNCTION "public"."colsync_customer_reference_text_to_old"(text) RETURNS varchar(40)
LANGUAGE sql SECURITY INVOKER
RETURN ($1::varchar(40));

CREATE OR REPLACE FUNCTION "public"."colsync_customer_reference_text_old_differs"(varchar(40), varchar(40)) RETURNS boolean
LANGUAGE sql SECURITY INVOKER
RETURN $1 IS DISTINCT FROM $2;

CREATE OR REPLACE FUNCTION "public"."colsync_customer_reference_text_new_differs"(text, text) RETURNS boolean
LANGUAGE sql SECURITY INVOKER
RETURN $1 IS DISTINCT FROM $2;

-- Keeps the two columns equal whichever application version writes. Direction is decided by the
-- data, never by the session: a write to the new column wins and the old one follows unless it
-- already agrees; a write to the old column only (or an INSERT without the new one) sets the new
-- one. An UPDATE that writes neither leaves both alone: the backfill converges untouched rows.
-- A new value the old column cannot hold exactly (up(down(new)) <> new) is refused rather than
-- silently changed, so no write is ever lost. Every operator is pg_catalog's by name.
CREATE OR REPLACE FUNCTION "public"."colsync_customer_reference_text_sync"() RETURNS trigger
LANGUAGE plpgsql SECURITY INVOKER
AS $colsync$
DECLARE
  colsync_agrees boolean;
BEGIN
  -- Fired by the UPDATE OF trigger (first, by name), an UPDATE that names the new column in its SET
  -- list writes it, even with the value it already had.
  IF TG_NARGS OPERATOR(pg_catalog.>) 0 OR (TG_OP OPERATOR(pg_catalog.=) 'INSERT' AND NEW."customer_reference_code_from_the_legacy_billing_system_v2_text1" IS NOT NULL)
     OR (TG_OP OPERATOR(pg_catalog.=) 'UPDATE' AND "public"."colsync_customer_reference_text_new_differs"(NEW."customer_reference_code_from_the_legacy_billing_system_v2_text1", OLD."customer_reference_code_from_the_legacy_billing_system_v2_text1")) THEN
    IF "public"."colsync_customer_reference_text_old_differs"(NEW."customer_reference_code_from_the_legacy_billing_system_v2_abcde", "public"."colsync_customer_reference_text_to_old"(NEW."customer_reference_code_from_the_legacy_billing_system_v2_text1")) THEN
      BEGIN
        -- An old value up() cannot convert disagrees with any new value; it must not fail the write.
        colsync_agrees := NOT "public"."colsync_customer_reference_text_new_differs"(NEW."customer_reference_code_from_the_legacy_billing_system_v2_text1", "public"."colsync_customer_reference_text_to_new"(NEW."customer_reference_code_from_the_legacy_billing_system_v2_abcde"));
      EXCEPTION WHEN data_exception THEN
        colsync_agrees := false;
      END;
      IF NOT colsync_agrees THEN
        NEW."customer_reference_code_from_the_legacy_billing_system_v2_abcde" := "public"."colsync_customer_reference_text_to_old"(NEW."customer_reference_code_from_the_legacy_billing_system_v2_text1");
        IF "public"."colsync_customer_reference_text_new_differs"(NEW."customer_reference_code_from_the_legacy_billing_system_v2_text1", "public"."colsync_customer_reference_text_to_new"(NEW."customer_reference_code_from_the_legacy_billing_system_v2_abcde")) THEN
          RAISE EXCEPTION USING ERRCODE = 'data_exception', MESSAGE = 'colsync customer_reference_text: the value written to column "customer_reference_code_from_the_legacy_billing_system_v2_text1" cannot be stored in column "customer_reference_code_from_the_legacy_billing_system_v2_abcde" without changing it',
            HINT = 'Only values the old column can hold may be written while both columns are in use.';
        END IF;
      END IF;
    END IF;
  ELSIF TG_OP OPERATOR(pg_catalog.=) 'INSERT' OR "public"."colsync_customer_reference_text_old_differs"(NEW."customer_reference_code_from_the_legacy_billing_system_v2_abcde", OLD."customer_reference_code_from_the_legacy_billing_system_v2_abcde") THEN
    NEW."customer_reference_code_from_the_legacy_billing_system_v2_text1" := "public"."colsync_customer_reference_text_to_new"(NEW."customer_reference_code_from_the_legacy_billing_system_v2_abcde");
  END IF;
  RETURN NEW;
END
$colsync$;

CREATE OR REPLACE TRIGGER "~colsync_customer_reference_text_new_written"
  BEFORE UPDATE OF "customer_reference_code_from_the_legacy_billing_system_v2_text1" ON "public"."customers"
  FOR EACH ROW EXECUTE FUNCTION "public"."colsync_customer_reference_text_sync"('new column written');

CREATE OR REPLACE TRIGGER "~colsync_customer_reference_text_sync"
  BEFORE INSERT OR UPDATE ON "public"."customers"
  FOR EACH ROW EXECUTE FUNCTION "public"."colsync_customer_reference_text_sync"();

CREATE TABLE IF NOT EXISTS "public"."colsync_customer_reference_text_backfill_state" (
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
ALTER TABLE "public"."colsync_customer_reference_text_backfill_state" ADD COLUMN IF NOT EXISTS bound_key text[];
ALTER TABLE "public"."colsync_customer_reference_text_backfill_state" ADD COLUMN IF NOT EXISTS bound_rows bigint;

-- Walks the primary key in batches: one short transaction per batch, checkpoint committed with it.
-- Only rows that differ are written, so running it again is a no-op. 'down' refills the old column.
CREATE OR REPLACE PROCEDURE "public"."colsync_customer_reference_text_backfill"(
  colsync_direction text DEFAULT 'up',
  colsync_batch_size integer DEFAULT 5000,
  colsync_pause interval DEFAULT '10ms'::interval,
  colsync_commit_batches boolean DEFAULT true)
LANGUAGE plpgsql SECURITY INVOKER
AS $colsync$
#variable_conflict use_column
DECLARE
  colsync_state record;
  colsync_last_0 "public"."customers"."customer_id"%TYPE;
  colsync_lower_0 "public"."customers"."customer_id"%TYPE;
  colsync_upper_0 "public"."customers"."customer_id"%TYPE;
  colsync_bound_0 "public"."customers"."customer_id"%TYPE;
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
  LOOP
    PERFORM pg_catalog.set_config('search_path', 'pg_catalog, "public", pg_temp', true);
    PERFORM pg_catalog.set_config('lock_timeout', '2000ms', true);
    -- The checkpoint keeps keys as text: read and write them in one fixed format.
    PERFORM pg_catalog.set_config('DateStyle', 'ISO, YMD', true);
    PERFORM pg_catalog.set_config('TimeZone', 'UTC', true);
    PERFORM pg_catalog.set_config('IntervalStyle', 'postgres', true);
    PERFORM pg_catalog.set_config('extra_float_digits', '3', true);
    -- The table's own triggers can tell the backfill's updates by this setting (see the runbook).
    PERFORM pg_catalog.set_config('colsync.backfill', 'customer_reference_text', true);
    INSERT INTO "public"."colsync_customer_reference_text_backfill_state" (direction) VALUES (colsync_direction) ON CONFLICT (direction) DO NOTHING;
    SELECT * INTO colsync_state FROM "public"."colsync_customer_reference_text_backfill_state" WHERE direction = colsync_direction FOR UPDATE;
    EXIT WHEN colsync_state.done;
    IF colsync_state.bound_key IS NULL THEN
      SELECT "customer_id" INTO colsync_bound_0
        FROM "public"."customers" ORDER BY "customer_id" DESC LIMIT 1;
      IF NOT FOUND THEN
        UPDATE "public"."colsync_customer_reference_text_backfill_state" SET done = true, updated_at = pg_catalog.now() WHERE direction = colsync_direction;
        RAISE NOTICE 'colsync: backfill % done: the table was empty when it started', colsync_direction;
        IF colsync_commit_batches THEN
          COMMIT;
        END IF;
        EXIT;
      END IF;
      UPDATE "public"."colsync_customer_reference_text_backfill_state"
        SET bound_key = ARRAY[colsync_bound_0::text],
            bound_rows = (SELECT NULLIF(c.reltuples::bigint, -1) FROM pg_catalog.pg_class c
                          WHERE c.oid = '"public"."customers"'::pg_catalog.regclass)
        WHERE direction = colsync_direction;
    ELSE
      colsync_bound_0 := colsync_state.bound_key[1];
    END IF;
    IF colsync_state.last_key IS NULL THEN
      SELECT "customer_id" INTO colsync_lower_0
        FROM "public"."customers"
        WHERE ("customer_id") <= (colsync_bound_0)
        ORDER BY "customer_id" LIMIT 1;
    ELSE
      colsync_last_0 := colsync_state.last_key[1];
      SELECT "customer_id" INTO colsync_lower_0
        FROM "public"."customers"
        WHERE ("customer_id") > (colsync_last_0)
          AND ("customer_id") <= (colsync_bound_0)
        ORDER BY "customer_id" LIMIT 1;
    END IF;
    IF NOT FOUND THEN
      UPDATE "public"."colsync_customer_reference_text_backfill_state" SET done = true, updated_at = pg_catalog.now() WHERE direction = colsync_direction;
      RAISE NOTICE 'colsync: backfill % done: % rows changed in % batches',
        colsync_direction, colsync_state.rows_changed, colsync_state.batches;
      IF colsync_commit_batches THEN
        COMMIT;
      END IF;
      EXIT;
    END IF;
    SELECT batch."customer_id" INTO colsync_upper_0
      FROM (SELECT "customer_id" FROM "public"."customers"
            WHERE ("customer_id") >= (colsync_lower_0)
              AND ("customer_id") <= (colsync_bound_0)
            ORDER BY "customer_id" LIMIT colsync_batch_size) AS batch
      ORDER BY batch."customer_id" DESC LIMIT 1;
    -- A value up (or down) cannot convert fails the batch; the error then names the first row it fails on.
    BEGIN
      IF colsync_direction = 'up' THEN
        UPDATE "public"."customers" SET "customer_reference_code_from_the_legacy_billing_system_v2_text1" = "public"."colsync_customer_reference_text_to_new"("customer_reference_code_from_the_legacy_billing_system_v2_abcde")
          WHERE ("customer_id") >= (colsync_lower_0)
            AND ("customer_id") <= (colsync_upper_0)
            AND "customer_reference_code_from_the_legacy_billing_system_v2_text1" IS DISTINCT FROM "public"."colsync_customer_reference_text_to_new"("customer_reference_code_from_the_legacy_billing_system_v2_abcde");
      ELSE
        UPDATE "public"."customers" SET "customer_reference_code_from_the_legacy_billing_system_v2_abcde" = "public"."colsync_customer_reference_text_to_old"("customer_reference_code_from_the_legacy_billing_system_v2_text1")
          WHERE ("customer_id") >= (colsync_lower_0)
            AND ("customer_id") <= (colsync_upper_0)
            AND "customer_reference_code_from_the_legacy_billing_system_v2_abcde" IS DISTINCT FROM "public"."colsync_customer_reference_text_to_old"("customer_reference_code_from_the_legacy_billing_system_v2_text1");
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
      FOR colsync_row IN SELECT "customer_id" AS colsync_key_0
          FROM "public"."customers"
          WHERE ("customer_id") >= (colsync_lower_0)
            AND ("customer_id") <= (colsync_upper_0)
          ORDER BY "customer_id" LOOP
        BEGIN
          IF colsync_direction = 'up' THEN
            PERFORM "public"."colsync_customer_reference_text_to_new"("customer_reference_code_from_the_legacy_billing_system_v2_abcde") FROM "public"."customers" WHERE ("customer_id") = (colsync_row.colsync_key_0);
          ELSE
            PERFORM "public"."colsync_customer_reference_text_to_old"("customer_reference_code_from_the_legacy_billing_system_v2_text1") FROM "public"."customers" WHERE ("customer_id") = (colsync_row.colsync_key_0);
          END IF;
        EXCEPTION WHEN OTHERS THEN
          RAISE EXCEPTION USING ERRCODE = colsync_error_state, DETAIL = colsync_error_detail, HINT = colsync_error_hint,
            MESSAGE = colsync_error_message || ' (on the row whose key (' || 'customer_id'
              || ') is (' || pg_catalog.concat_ws(', ', colsync_row.colsync_key_0) || '))';
        END;
      END LOOP;
      RAISE;
    END;
    UPDATE "public"."colsync_customer_reference_text_backfill_state"
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
