-- colsync orders_view_cents: expand / add the new column and the sync trigger.
-- One transaction; N-1 may be running. Takes ACCESS EXCLUSIVE on the table for milliseconds.
SET LOCAL lock_timeout = '2000ms';
SET LOCAL statement_timeout = '30000ms';
ALTER TABLE "public"."orders" ADD COLUMN IF NOT EXISTS "amount_cents" bigint;

-- Keeps the two columns equal whichever application version writes. Direction is decided by the
-- data, never by the session: a write to the new column wins and the old one follows unless it
-- already agrees; a write to the old column only (or an INSERT without the new one) sets the new
-- one. An UPDATE that writes neither leaves both alone: the backfill converges untouched rows.
-- A new value the old column cannot hold exactly (up(down(new)) <> new) is refused rather than
-- silently changed, so no write is ever lost.
CREATE OR REPLACE FUNCTION "public"."colsync_orders_view_cents_sync"() RETURNS trigger
LANGUAGE plpgsql SECURITY INVOKER
SET search_path = pg_catalog, "public", pg_temp
AS $colsync$
DECLARE
  colsync_agrees boolean;
BEGIN
  -- Fired by the UPDATE OF trigger (first, by name), an UPDATE that names the new column in its SET
  -- list writes it, even with the value it already had.
  IF TG_NARGS > 0 OR (TG_OP = 'INSERT' AND NEW."amount_cents" IS NOT NULL)
     OR (TG_OP = 'UPDATE' AND NEW."amount_cents" IS DISTINCT FROM OLD."amount_cents") THEN
    IF NEW."amount" IS DISTINCT FROM (NEW."amount_cents" / 100.0) THEN
      BEGIN
        -- An old value up() cannot convert disagrees with any new value; it must not fail the write.
        colsync_agrees := NEW."amount_cents" IS NOT DISTINCT FROM (round(NEW."amount" * 100)::bigint);
      EXCEPTION WHEN data_exception THEN
        colsync_agrees := false;
      END;
      IF NOT colsync_agrees THEN
        NEW."amount" := (NEW."amount_cents" / 100.0);
        IF NEW."amount_cents" IS DISTINCT FROM (round(NEW."amount" * 100)::bigint) THEN
          RAISE EXCEPTION USING ERRCODE = 'data_exception', MESSAGE = 'colsync orders_view_cents: the value written to column "amount_cents" cannot be stored in column "amount" without changing it',
            HINT = 'Only values the old column can hold may be written while both columns are in use.';
        END IF;
      END IF;
    END IF;
  ELSIF TG_OP = 'INSERT' OR NEW."amount" IS DISTINCT FROM OLD."amount" THEN
    NEW."amount_cents" := (round(NEW."amount" * 100)::bigint);
  END IF;
  RETURN NEW;
END
$colsync$;

CREATE OR REPLACE TRIGGER "colsync_orders_view_cents_new_written"
  BEFORE UPDATE OF "amount_cents" ON "public"."orders"
  FOR EACH ROW EXECUTE FUNCTION "public"."colsync_orders_view_cents_sync"('new column written');

CREATE OR REPLACE TRIGGER "colsync_orders_view_cents_sync"
  BEFORE INSERT OR UPDATE ON "public"."orders"
  FOR EACH ROW EXECUTE FUNCTION "public"."colsync_orders_view_cents_sync"();
