-- colsync accounts_id_bigint: expand / add the new column and the sync trigger.
-- One transaction; N-1 may be running. Takes ACCESS EXCLUSIVE on the table for milliseconds.
SET LOCAL lock_timeout = '2000ms';
SET LOCAL statement_timeout = '30000ms';
ALTER TABLE "public"."accounts" ADD COLUMN IF NOT EXISTS "id_colsync_new" bigint;

-- up, down and the comparisons the sync function makes, as SQL functions whose bodies PostgreSQL binds
-- now, under this search path, and inlines where they are called: the trigger function then depends on
-- no caller's search_path without a SET clause of its own, which would cost every write a few
-- microseconds.
SET LOCAL search_path = pg_catalog, "public", pg_temp;
CREATE OR REPLACE FUNCTION "public"."colsync_accounts_id_bigint_to_new"(integer) RETURNS bigint
LANGUAGE sql SECURITY INVOKER
RETURN ($1::bigint);

CREATE OR REPLACE FUNCTION "public"."colsync_accounts_id_bigint_to_old"(bigint) RETURNS integer
LANGUAGE sql SECURITY INVOKER
RETURN ($1::integer);

CREATE OR REPLACE FUNCTION "public"."colsync_accounts_id_bigint_old_differs"(integer, integer) RETURNS boolean
LANGUAGE sql SECURITY INVOKER
RETURN $1 IS DISTINCT FROM $2;

CREATE OR REPLACE FUNCTION "public"."colsync_accounts_id_bigint_new_differs"(bigint, bigint) RETURNS boolean
LANGUAGE sql SECURITY INVOKER
RETURN $1 IS DISTINCT FROM $2;

-- Keeps the two columns equal whichever application version writes. Direction is decided by the
-- data, never by the session: a write to the new column wins and the old one follows unless it
-- already agrees; a write to the old column only (or an INSERT without the new one) sets the new
-- one. An UPDATE that writes neither leaves both alone: the backfill converges untouched rows.
-- A new value the old column cannot hold exactly (up(down(new)) <> new) is refused rather than
-- silently changed, so no write is ever lost. Every operator is pg_catalog's by name.
CREATE OR REPLACE FUNCTION "public"."colsync_accounts_id_bigint_sync"() RETURNS trigger
LANGUAGE plpgsql SECURITY INVOKER
AS $colsync$
DECLARE
  colsync_agrees boolean;
BEGIN
  -- Fired by the UPDATE OF trigger (first, by name), an UPDATE that names the new column in its SET
  -- list writes it, even with the value it already had.
  IF TG_NARGS OPERATOR(pg_catalog.>) 0 OR (TG_OP OPERATOR(pg_catalog.=) 'INSERT' AND NEW."id_colsync_new" IS NOT NULL)
     OR (TG_OP OPERATOR(pg_catalog.=) 'UPDATE' AND "public"."colsync_accounts_id_bigint_new_differs"(NEW."id_colsync_new", OLD."id_colsync_new")) THEN
    IF "public"."colsync_accounts_id_bigint_old_differs"(NEW."id", "public"."colsync_accounts_id_bigint_to_old"(NEW."id_colsync_new")) THEN
      BEGIN
        -- An old value up() cannot convert disagrees with any new value; it must not fail the write.
        colsync_agrees := NOT "public"."colsync_accounts_id_bigint_new_differs"(NEW."id_colsync_new", "public"."colsync_accounts_id_bigint_to_new"(NEW."id"));
      EXCEPTION WHEN data_exception THEN
        colsync_agrees := false;
      END;
      IF NOT colsync_agrees THEN
        NEW."id" := "public"."colsync_accounts_id_bigint_to_old"(NEW."id_colsync_new");
        IF "public"."colsync_accounts_id_bigint_new_differs"(NEW."id_colsync_new", "public"."colsync_accounts_id_bigint_to_new"(NEW."id")) THEN
          RAISE EXCEPTION USING ERRCODE = 'data_exception', MESSAGE = 'colsync accounts_id_bigint: the value written to column "id_colsync_new" cannot be stored in column "id" without changing it',
            HINT = 'Only values the old column can hold may be written while both columns are in use.';
        END IF;
      END IF;
    END IF;
  ELSIF TG_OP OPERATOR(pg_catalog.=) 'INSERT' OR "public"."colsync_accounts_id_bigint_old_differs"(NEW."id", OLD."id") THEN
    NEW."id_colsync_new" := "public"."colsync_accounts_id_bigint_to_new"(NEW."id");
  END IF;
  RETURN NEW;
END
$colsync$;

CREATE OR REPLACE TRIGGER "colsync_accounts_id_bigint_new_written"
  BEFORE UPDATE OF "id_colsync_new" ON "public"."accounts"
  FOR EACH ROW EXECUTE FUNCTION "public"."colsync_accounts_id_bigint_sync"('new column written');

CREATE OR REPLACE TRIGGER "colsync_accounts_id_bigint_sync"
  BEFORE INSERT OR UPDATE ON "public"."accounts"
  FOR EACH ROW EXECUTE FUNCTION "public"."colsync_accounts_id_bigint_sync"();
