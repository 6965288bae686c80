-- colsync orders_amount_cents: expand / add the new column and the sync trigger.
-- One transaction; N-1 may be running. Takes ACCESS EXCLUSIVE on the table for milliseconds.
SET LOCAL lock_timeout = '2000ms';
SET LOCAL statement_timeout = '30000ms';
ALTER TABLE "public"."orders" ADD COLUMN IF NOT EXISTS "amount_cents" bigint;

-- Keeps the two columns equal whichever application version writes. Direction is decided by the
-- data, never by the session: a write to the new column wins and the old one follows unless it
-- already agrees; a write to the old column only (or an INSERT without the new one) sets the new
-- one. An UPDATE that writes neither leaves both alone: the backfill converges untouched rows.
CREATE OR REPLACE FUNCTION "public"."colsync_orders_amount_cents_sync"() RETURNS trigger
LANGUAGE plpgsql SECURITY INVOKER
SET search_path = pg_catalog, "public", pg_temp
AS $colsync$
BEGIN
  IF (TG_OP = 'INSERT' AND NEW."amount_cents" IS NOT NULL)
     OR (TG_OP = 'UPDATE' AND NEW."amount_cents" IS DISTINCT FROM OLD."amount_cents") THEN
    IF NEW."amount_cents" IS DISTINCT FROM (round(NEW."amount" * 100)::bigint) THEN
      NEW."amount" := (NEW."amount_cents" / 100.0);
    END IF;
  ELSIF TG_OP = 'INSERT' OR NEW."amount" IS DISTINCT FROM OLD."amount" THEN
    NEW."amount_cents" := (round(NEW."amount" * 100)::bigint);
  END IF;
  RETURN NEW;
END
$colsync$;

CREATE OR REPLACE TRIGGER "colsync_orders_amount_cents_sync"
  BEFORE INSERT OR UPDATE ON "public"."orders"
  FOR EACH ROW EXECUTE FUNCTION "public"."colsync_orders_amount_cents_sync"();
