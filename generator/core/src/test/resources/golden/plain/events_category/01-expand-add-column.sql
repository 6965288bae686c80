-- colsync events_category: expand / add the new column and the sync trigger.
-- One transaction; N-1 may be running. Takes ACCESS EXCLUSIVE on the table for milliseconds.
SET LOCAL lock_timeout = '2000ms';
SET LOCAL statement_timeout = '30000ms';
ALTER TABLE "app"."events" ADD COLUMN IF NOT EXISTS "category" text;

-- up, down and the comparisons the sync function makes, as SQL functions whose bodies PostgreSQL binds
-- now, under this search path, and inlines where they are called: the trigger function then depends on
-- no caller's search_path without a SET clause of its own, which would cost every write a few
-- microseconds.
SET LOCAL search_path = pg_catalog, "app", pg_temp;
CREATE OR REPLACE FUNCTION "app"."colsync_events_category_to_new"(text) RETURNS text
LANGUAGE sql SECURITY INVOKER
RETURN ($1);

CREATE OR REPLACE FUNCTION "app"."colsync_events_category_to_old"(text) RETURNS text
LANGUAGE sql SECURITY INVOKER
RETURN ($1);

CREATE OR REPLACE FUNCTION "app"."colsync_events_category_old_differs"(text, text) RETURNS boolean
LANGUAGE sql SECURITY INVOKER
RETURN $1 IS DISTINCT FROM $2;

CREATE OR REPLACE FUNCTION "app"."colsync_events_category_new_differs"(text, text) RETURNS boolean
LANGUAGE sql SECURITY INVOKER
RETURN $1 IS DISTINCT FROM $2;

-- Keeps the two columns equal whichever application version writes. Direction is decided by the
-- data, never by the session: a write to the new column wins and the old one follows unless it
-- already agrees; a write to the old column only (or an INSERT without the new one) sets the new
-- one. An UPDATE that writes neither leaves both alone: the backfill converges untouched rows.
-- A new value the old column cannot hold exactly (up(down(new)) <> new) is refused rather than
-- silently changed, so no write is ever lost. Every operator is pg_catalog's by name.
CREATE OR REPLACE FUNCTION "app"."colsync_events_category_sync"() RETURNS trigger
LANGUAGE plpgsql SECURITY INVOKER
AS $colsync$
DECLARE
  colsync_agrees boolean;
BEGIN
  -- Fired by the UPDATE OF trigger (first, by name), an UPDATE that names the new column in its SET
  -- list writes it, even with the value it already had.
  IF TG_NARGS OPERATOR(pg_catalog.>) 0 OR (TG_OP OPERATOR(pg_catalog.=) 'INSERT' AND NEW."category" IS NOT NULL)
     OR (TG_OP OPERATOR(pg_catalog.=) 'UPDATE' AND "app"."colsync_events_category_new_differs"(NEW."category", OLD."category")) THEN
    IF "app"."colsync_events_category_old_differs"(NEW."Kind", "app"."colsync_events_category_to_old"(NEW."category")) THEN
      BEGIN
        -- An old value up() cannot convert disagrees with any new value; it must not fail the write.
        colsync_agrees := NOT "app"."colsync_events_category_new_differs"(NEW."category", "app"."colsync_events_category_to_new"(NEW."Kind"));
      EXCEPTION WHEN data_exception THEN
        colsync_agrees := false;
      END;
      IF NOT colsync_agrees THEN
        NEW."Kind" := "app"."colsync_events_category_to_old"(NEW."category");
        IF "app"."colsync_events_category_new_differs"(NEW."category", "app"."colsync_events_category_to_new"(NEW."Kind")) THEN
          RAISE EXCEPTION USING ERRCODE = 'data_exception', MESSAGE = 'colsync events_category: the value written to column "category" cannot be stored in column "Kind" without changing it',
            HINT = 'Only values the old column can hold may be written while both columns are in use.';
        END IF;
      END IF;
    END IF;
  ELSIF TG_OP OPERATOR(pg_catalog.=) 'INSERT' OR "app"."colsync_events_category_old_differs"(NEW."Kind", OLD."Kind") THEN
    NEW."category" := "app"."colsync_events_category_to_new"(NEW."Kind");
  END IF;
  RETURN NEW;
END
$colsync$;

CREATE OR REPLACE TRIGGER "colsync_events_category_new_written"
  BEFORE UPDATE OF "category" ON "app"."events"
  FOR EACH ROW EXECUTE FUNCTION "app"."colsync_events_category_sync"('new column written');

CREATE OR REPLACE TRIGGER "colsync_events_category_sync"
  BEFORE INSERT OR UPDATE ON "app"."events"
  FOR EACH ROW EXECUTE FUNCTION "app"."colsync_events_category_sync"();
