-- colsync accounts_id_bigint: expand / add the new column and the sync trigger.
-- One transaction; N-1 may be running. Takes ACCESS EXCLUSIVE on the table for milliseconds.
SET LOCAL lock_timeout = '2000ms';
SET LOCAL statement_timeout = '30000ms';
ALTER TABLE "public"."accounts" ADD COLUMN IF NOT EXISTS "id_colsync_new" bigint;

-- Keeps the two columns equal whichever application version writes. Direction is decided by the
-- data, never by the session: a write to the new column wins and the old one follows unless it
-- already agrees; a write to the old column only (or an INSERT without the new one) sets the new
-- one. An UPDATE that writes neither leaves both alone: the backfill converges untouched rows.
-- A new value the old column cannot hold exactly (up(down(new)) <> new) is refused rather than
-- silently changed, so no write is ever lost.
CREATE OR REPLACE FUNCTION "public"."colsync_accounts_id_bigint_sync"() RETURNS trigger
LANGUAGE plpgsql SECURITY INVOKER
SET search_path = pg_catalog, "public", pg_temp
AS $colsync$
DECLARE
  colsync_agrees boolean;
BEGIN
  -- Fired by the UPDATE OF trigger (first, by name), an UPDATE that names the new column in its SET
  -- list writes it, even with the value it already had.
  IF TG_NARGS > 0 OR (TG_OP = 'INSERT' AND NEW."id_colsync_new" IS NOT NULL)
     OR (TG_OP = 'UPDATE' AND NEW."id_colsync_new" IS DISTINCT FROM OLD."id_colsync_new") THEN
    IF NEW."id" IS DISTINCT FROM (NEW."id_colsync_new"::integer) THEN
      BEGIN
        -- An old value up() cannot convert disagrees with any new value; it must not fail the write.
        colsync_agrees := NEW."id_colsync_new" IS NOT DISTINCT FROM (NEW."id"::bigint);
      EXCEPTION WHEN data_exception THEN
        colsync_agrees := false;
      END;
      IF NOT colsync_agrees THEN
        NEW."id" := (NEW."id_colsync_new"::integer);
        IF NEW."id_colsync_new" IS DISTINCT FROM (NEW."id"::bigint) THEN
          RAISE EXCEPTION USING ERRCODE = 'data_exception', MESSAGE = 'colsync accounts_id_bigint: the value written to column "id_colsync_new" cannot be stored in column "id" without changing it',
            HINT = 'Only values the old column can hold may be written while both columns are in use.';
        END IF;
      END IF;
    END IF;
  ELSIF TG_OP = 'INSERT' OR NEW."id" IS DISTINCT FROM OLD."id" THEN
    NEW."id_colsync_new" := (NEW."id"::bigint);
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
