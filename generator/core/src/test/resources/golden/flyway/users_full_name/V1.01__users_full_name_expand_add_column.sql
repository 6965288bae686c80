-- colsync users_full_name: expand / add the new column and the sync trigger.
-- One transaction; N-1 may be running. Takes ACCESS EXCLUSIVE on the table for milliseconds.
SET LOCAL lock_timeout = '2000ms';
SET LOCAL statement_timeout = '30000ms';
ALTER TABLE "public"."users" ADD COLUMN IF NOT EXISTS "full_name" text;

-- Keeps the two columns equal whichever application version writes. Direction is decided by the
-- data, never by the session: a write to the new column wins and the old one follows unless it
-- already agrees; a write to the old column only (or an INSERT without the new one) sets the new
-- one. An UPDATE that writes neither leaves both alone: the backfill converges untouched rows.
CREATE OR REPLACE FUNCTION "public"."colsync_users_full_name_sync"() RETURNS trigger
LANGUAGE plpgsql SECURITY INVOKER
SET search_path = pg_catalog, "public", pg_temp
AS $colsync$
BEGIN
  IF (TG_OP = 'INSERT' AND NEW."full_name" IS NOT NULL)
     OR (TG_OP = 'UPDATE' AND NEW."full_name" IS DISTINCT FROM OLD."full_name") THEN
    IF NEW."full_name" IS DISTINCT FROM (NEW."name") THEN
      NEW."name" := (NEW."full_name");
    END IF;
  ELSIF TG_OP = 'INSERT' OR NEW."name" IS DISTINCT FROM OLD."name" THEN
    NEW."full_name" := (NEW."name");
  END IF;
  RETURN NEW;
END
$colsync$;

CREATE OR REPLACE TRIGGER "colsync_users_full_name_sync"
  BEFORE INSERT OR UPDATE ON "public"."users"
  FOR EACH ROW EXECUTE FUNCTION "public"."colsync_users_full_name_sync"();
