-- colsync customer_reference_text: expand / add the new column and the sync trigger.
-- One transaction; N-1 may be running. Takes ACCESS EXCLUSIVE on the table for milliseconds.
SET LOCAL lock_timeout = '2000ms';
SET LOCAL statement_timeout = '30000ms';
ALTER TABLE "public"."customers" ADD COLUMN IF NOT EXISTS "customer_reference_code_from_the_legacy_billing_system_v2_text1" text;

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

CREATE OR REPLACE TRIGGER "colsync_customer_reference_text_new_written"
  BEFORE UPDATE OF "customer_reference_code_from_the_legacy_billing_system_v2_text1" ON "public"."customers"
  FOR EACH ROW EXECUTE FUNCTION "public"."colsync_customer_reference_text_sync"('new column written');

CREATE OR REPLACE TRIGGER "colsync_customer_reference_text_sync"
  BEFORE INSERT OR UPDATE ON "public"."customers"
  FOR EACH ROW EXECUTE FUNCTION "public"."colsync_customer_reference_text_sync"();
