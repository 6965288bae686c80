-- colsync sales_data_order_lines_ext_id_text_to_ext_uuid_with_hash: expand / add the new column and the sync trigger.
-- One transaction; N-1 may be running. Takes ACCESS EXCLUSIVE on the table for milliseconds.
SET LOCAL lock_timeout = '2000ms';
SET LOCAL statement_timeout = '30000ms';
ALTER TABLE "Sales Data"."Order ""Lines""" ADD COLUMN IF NOT EXISTS "ext_uuid" uuid;

-- up() with onUpError: null: a value it cannot convert becomes NULL instead of failing the write.
CREATE OR REPLACE FUNCTION "Sales Data"."colsync_sales_data_order_lines_ext_id_text_to_ext_uuid_c15cc7e1"(text) RETURNS uuid
LANGUAGE plpgsql SECURITY INVOKER
SET search_path = pg_catalog, "Sales Data", pg_temp
AS $colsync$
BEGIN
  RETURN $1::uuid;
EXCEPTION WHEN data_exception THEN
  RETURN NULL;
END
$colsync$;

-- Keeps the two columns equal whichever application version writes. Direction is decided by the
-- data, never by the session: a write to the new column wins and the old one follows unless it
-- already agrees; a write to the old column only (or an INSERT without the new one) sets the new
-- one. An UPDATE that writes neither leaves both alone: the backfill converges untouched rows.
CREATE OR REPLACE FUNCTION "Sales Data"."colsync_sales_data_order_lines_ext_id_text_to_ext_uuid_ffea419d"() RETURNS trigger
LANGUAGE plpgsql SECURITY INVOKER
SET search_path = pg_catalog, "Sales Data", pg_temp
AS $colsync$
BEGIN
  IF (TG_OP = 'INSERT' AND NEW."ext_uuid" IS NOT NULL)
     OR (TG_OP = 'UPDATE' AND NEW."ext_uuid" IS DISTINCT FROM OLD."ext_uuid") THEN
    IF NEW."ext_uuid" IS DISTINCT FROM "Sales Data"."colsync_sales_data_order_lines_ext_id_text_to_ext_uuid_c15cc7e1"(NEW."ext id") THEN
      NEW."ext id" := (NEW."ext_uuid"::text);
    END IF;
  ELSIF TG_OP = 'INSERT' OR NEW."ext id" IS DISTINCT FROM OLD."ext id" THEN
    NEW."ext_uuid" := "Sales Data"."colsync_sales_data_order_lines_ext_id_text_to_ext_uuid_c15cc7e1"(NEW."ext id");
  END IF;
  RETURN NEW;
END
$colsync$;

CREATE OR REPLACE TRIGGER "colsync_sales_data_order_lines_ext_id_text_to_ext_uuid_ffea419d"
  BEFORE INSERT OR UPDATE ON "Sales Data"."Order ""Lines"""
  FOR EACH ROW EXECUTE FUNCTION "Sales Data"."colsync_sales_data_order_lines_ext_id_text_to_ext_uuid_ffea419d"();
