-- colsync sales_data_order_lines_ext_id_text_to_ext_uuid_with_hash: expand / add the new column and the sync trigger.
-- One transaction; N-1 may be running. Takes ACCESS EXCLUSIVE on the table for milliseconds.
SET LOCAL lock_timeout = '2000ms';
SET LOCAL statement_timeout = '30000ms';
ALTER TABLE "Sales Data"."Order ""Lines""" ADD COLUMN IF NOT EXISTS "ext_uuid" uuid;

-- up, down and the comparisons the sync function makes, as SQL functions whose bodies PostgreSQL binds
-- now, under this search path, and inlines where they are called: the trigger function then depends on
-- no caller's search_path without a SET clause of its own, which would cost every write a few
-- microseconds.
SET LOCAL search_path = pg_catalog, "Sales Data", pg_temp;
CREATE OR REPLACE FUNCTION "Sales Data"."colsync_sales_data_order_lines_ext_id_text_to_e_7b36cd13_to_new"(text) RETURNS uuid
LANGUAGE sql SECURITY INVOKER
RETURN ($1::uuid);

CREATE OR REPLACE FUNCTION "Sales Data"."colsync_sales_data_order_lines_ext_id_text_to_e_7b36cd13_to_old"(uuid) RETURNS text
LANGUAGE sql SECURITY INVOKER
RETURN ($1::text);

CREATE OR REPLACE FUNCTION "Sales Data"."colsync_sales_data_order_lines_ext_id_text_7b36cd13_old_differs"(text, text) RETURNS boolean
LANGUAGE sql SECURITY INVOKER
RETURN $1 IS DISTINCT FROM $2;

CREATE OR REPLACE FUNCTION "Sales Data"."colsync_sales_data_order_lines_ext_id_text_7b36cd13_new_differs"(uuid, uuid) RETURNS boolean
LANGUAGE sql SECURITY INVOKER
RETURN $1 IS DISTINCT FROM $2;

-- up() with onUpError: null: a value it cannot convert becomes NULL instead of failing the write.
CREATE OR REPLACE FUNCTION "Sales Data"."colsync_sales_data_order_lines_ext_id_text_to_ext_u_7b36cd13_up"(text) RETURNS uuid
LANGUAGE plpgsql SECURITY INVOKER
AS $colsync$
BEGIN
  RETURN "Sales Data"."colsync_sales_data_order_lines_ext_id_text_to_e_7b36cd13_to_new"($1);
EXCEPTION WHEN data_exception THEN
  RETURN NULL;
END
$colsync$;

-- Keeps the two columns equal whichever application version writes. Direction is decided by the
-- data, never by the session: a write to the new column wins and the old one follows unless it
-- already agrees; a write to the old column only (or an INSERT without the new one) sets the new
-- one. An UPDATE that writes neither leaves both alone: the backfill converges untouched rows.
-- A new value the old column cannot hold exactly (up(down(new)) <> new) is refused rather than
-- silently changed, so no write is ever lost. Every operator is pg_catalog's by name.
CREATE OR REPLACE FUNCTION "Sales Data"."colsync_sales_data_order_lines_ext_id_text_to_ext_7b36cd13_sync"() RETURNS trigger
LANGUAGE plpgsql SECURITY INVOKER
AS $colsync$
DECLARE
  colsync_agrees boolean;
BEGIN
  -- Fired by the UPDATE OF trigger (first, by name), an UPDATE that names the new column in its SET
  -- list writes it, even with the value it already had.
  IF TG_NARGS OPERATOR(pg_catalog.>) 0 OR (TG_OP OPERATOR(pg_catalog.=) 'INSERT' AND NEW."ext_uuid" IS NOT NULL)
     OR (TG_OP OPERATOR(pg_catalog.=) 'UPDATE' AND "Sales Data"."colsync_sales_data_order_lines_ext_id_text_7b36cd13_new_differs"(NEW."ext_uuid", OLD."ext_uuid")) THEN
    IF "Sales Data"."colsync_sales_data_order_lines_ext_id_text_7b36cd13_old_differs"(NEW."ext id", "Sales Data"."colsync_sales_data_order_lines_ext_id_text_to_e_7b36cd13_to_old"(NEW."ext_uuid")) THEN
      BEGIN
        -- An old value up() cannot convert disagrees with any new value; it must not fail the write.
        colsync_agrees := NOT "Sales Data"."colsync_sales_data_order_lines_ext_id_text_7b36cd13_new_differs"(NEW."ext_uuid", "Sales Data"."colsync_sales_data_order_lines_ext_id_text_to_ext_u_7b36cd13_up"(NEW."ext id"));
      EXCEPTION WHEN data_exception THEN
        colsync_agrees := false;
      END;
      IF NOT colsync_agrees THEN
        NEW."ext id" := "Sales Data"."colsync_sales_data_order_lines_ext_id_text_to_e_7b36cd13_to_old"(NEW."ext_uuid");
        IF "Sales Data"."colsync_sales_data_order_lines_ext_id_text_7b36cd13_new_differs"(NEW."ext_uuid", "Sales Data"."colsync_sales_data_order_lines_ext_id_text_to_ext_u_7b36cd13_up"(NEW."ext id")) THEN
          RAISE EXCEPTION USING ERRCODE = 'data_exception', MESSAGE = 'colsync sales_data_order_lines_ext_id_text_to_ext_uuid_with_hash: the value written to column "ext_uuid" cannot be stored in column "ext id" without changing it',
            HINT = 'Only values the old column can hold may be written while both columns are in use.';
        END IF;
      END IF;
    END IF;
  ELSIF TG_OP OPERATOR(pg_catalog.=) 'INSERT' OR "Sales Data"."colsync_sales_data_order_lines_ext_id_text_7b36cd13_old_differs"(NEW."ext id", OLD."ext id") THEN
    NEW."ext_uuid" := "Sales Data"."colsync_sales_data_order_lines_ext_id_text_to_ext_u_7b36cd13_up"(NEW."ext id");
  END IF;
  RETURN NEW;
END
$colsync$;

CREATE OR REPLACE TRIGGER "colsync_sales_data_order_lines_ext_id_text_7b36cd13_new_written"
  BEFORE UPDATE OF "ext_uuid" ON "Sales Data"."Order ""Lines"""
  FOR EACH ROW EXECUTE FUNCTION "Sales Data"."colsync_sales_data_order_lines_ext_id_text_to_ext_7b36cd13_sync"('new column written');

CREATE OR REPLACE TRIGGER "colsync_sales_data_order_lines_ext_id_text_to_ext_7b36cd13_sync"
  BEFORE INSERT OR UPDATE ON "Sales Data"."Order ""Lines"""
  FOR EACH ROW EXECUTE FUNCTION "Sales Data"."colsync_sales_data_order_lines_ext_id_text_to_ext_7b36cd13_sync"();
