-- colsync customer_reference_text: expand / add the new column and the sync trigger.
-- One transaction; N-1 may be running. Takes ACCESS EXCLUSIVE on the table for milliseconds.
SET LOCAL lock_timeout = '2000ms';
SET LOCAL statement_timeout = '30000ms';
ALTER TABLE "public"."customers" ADD COLUMN IF NOT EXISTS "customer_reference_code_from_the_legacy_billing_system_v2_text1" text;

-- Keeps the two columns equal whichever application version writes. Direction is decided by the
-- data, never by the session: a write to the new column wins and the old one follows unless it
-- already agrees; a write to the old column only (or an INSERT without the new one) sets the new
-- one. An UPDATE that writes neither leaves both alone: the backfill converges untouched rows.
-- A new value the old column cannot hold exactly (up(down(new)) <> new) is refused rather than
-- silently changed, so no write is ever lost.
CREATE OR REPLACE FUNCTION "public"."colsync_customer_reference_text_sync"() RETURNS trigger
LANGUAGE plpgsql SECURITY INVOKER
SET search_path = pg_catalog, "public", pg_temp
AS $colsync$
DECLARE
  colsync_agrees boolean;
BEGIN
  -- Fired by the UPDATE OF trigger (first, by name), an UPDATE that names the new column in its SET
  -- list writes it, even with the value it already had.
  IF TG_NARGS > 0 OR (TG_OP = 'INSERT' AND NEW."customer_reference_code_from_the_legacy_billing_system_v2_text1" IS NOT NULL)
     OR (TG_OP = 'UPDATE' AND NEW."customer_reference_code_from_the_legacy_billing_system_v2_text1" IS DISTINCT FROM OLD."customer_reference_code_from_the_legacy_billing_system_v2_text1") THEN
    IF NEW."customer_reference_code_from_the_legacy_billing_system_v2_abcde" IS DISTINCT FROM (NEW."customer_reference_code_from_the_legacy_billing_system_v2_text1"::varchar(40)) THEN
      BEGIN
        -- An old value up() cannot convert disagrees with any new value; it must not fail the write.
        colsync_agrees := NEW."customer_reference_code_from_the_legacy_billing_system_v2_text1" IS NOT DISTINCT FROM (NEW."customer_reference_code_from_the_legacy_billing_system_v2_abcde"::text);
      EXCEPTION WHEN data_exception THEN
        colsync_agrees := false;
      END;
      IF NOT colsync_agrees THEN
        NEW."customer_reference_code_from_the_legacy_billing_system_v2_abcde" := (NEW."customer_reference_code_from_the_legacy_billing_system_v2_text1"::varchar(40));
        IF NEW."customer_reference_code_from_the_legacy_billing_system_v2_text1" IS DISTINCT FROM (NEW."customer_reference_code_from_the_legacy_billing_system_v2_abcde"::text) THEN
          RAISE EXCEPTION USING ERRCODE = 'data_exception', MESSAGE = 'colsync customer_reference_text: the value written to column "customer_reference_code_from_the_legacy_billing_system_v2_text1" cannot be stored in column "customer_reference_code_from_the_legacy_billing_system_v2_abcde" without changing it',
            HINT = 'Only values the old column can hold may be written while both columns are in use.';
        END IF;
      END IF;
    END IF;
  ELSIF TG_OP = 'INSERT' OR NEW."customer_reference_code_from_the_legacy_billing_system_v2_abcde" IS DISTINCT FROM OLD."customer_reference_code_from_the_legacy_billing_system_v2_abcde" THEN
    NEW."customer_reference_code_from_the_legacy_billing_system_v2_text1" := (NEW."customer_reference_code_from_the_legacy_billing_system_v2_abcde"::text);
  END IF;
  RETURN NEW;
END
$colsync$;

CREATE OR REPLACE TRIGGER "colsync_customer_reference_text_new_written"
  BEFORE UPDATE OF "customer_reference_code_from_the_legacy_billing_system_v2_text1" ON "public"."customers"
  FOR EACH ROW EXECUTE FUNCTION "public"."colsync_customer_reference_text_sync"('new column written');

CREATE OR REPLACE TRIGGER "colsync_customer_reference_text_sync"
  BEFORE INSERT OR UPDATE ON "public"."customers"
  FOR EACH ROW EXECUTE FUNCTION "public"."colsync_customer_reference_text_sync"();
