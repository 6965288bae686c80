-- colsync customer_reference_text: rollback of expand / drop the sync trigger, its functions and the new column.
-- One transaction; N-1 only. Takes ACCESS EXCLUSIVE on the table for milliseconds.
SET LOCAL lock_timeout = '2000ms';
SET LOCAL statement_timeout = '30000ms';
LOCK TABLE "public"."customers" IN ACCESS EXCLUSIVE MODE;
-- Once a later phase has run, the new column holds values the old one no longer has: refuse.
DO $colsync_expand$
BEGIN
  IF (NOT EXISTS (SELECT FROM pg_catalog.pg_attribute AS a WHERE a.attrelid OPERATOR(pg_catalog.=) '"public"."customers"'::pg_catalog.regclass AND a.attname OPERATOR(pg_catalog.=) 'customer_reference_code_from_the_legacy_billing_system_v2_abcde' AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped) AND EXISTS (SELECT FROM pg_catalog.pg_attribute AS a WHERE a.attrelid OPERATOR(pg_catalog.=) '"public"."customers"'::pg_catalog.regclass AND a.attname OPERATOR(pg_catalog.=) 'customer_reference_code_from_the_legacy_billing_system_v2_text1' AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped)) THEN
    RAISE EXCEPTION USING ERRCODE = 'object_not_in_prerequisite_state',
      MESSAGE = pg_catalog.format('colsync %s: rollback of expand refused: a later phase (cut-over or contract)'
        ' has run, so dropping the new column would lose its values', 'customer_reference_text'),
      HINT = 'Roll back the later phases first (rollback/contract, rollback/cutover); nothing was changed.';
  END IF;
END
$colsync_expand$;
DROP TRIGGER IF EXISTS "~colsync_customer_reference_text_new_written" ON "public"."customers";
DROP TRIGGER IF EXISTS "~colsync_customer_reference_text_sync" ON "public"."customers";
DROP FUNCTION IF EXISTS "public"."colsync_customer_reference_text_sync"();
DROP FUNCTION IF EXISTS "public"."colsync_customer_reference_text_to_new"(varchar(40));
DROP FUNCTION IF EXISTS "public"."colsync_customer_reference_text_to_old"(text);
DROP FUNCTION IF EXISTS "public"."colsync_customer_reference_text_old_differs"(varchar(40), varchar(40));
DROP FUNCTION IF EXISTS "public"."colsync_customer_reference_text_new_differs"(text, text);
ALTER TABLE "public"."customers" DROP COLUMN IF EXISTS "customer_reference_code_from_the_legacy_billing_system_v2_text1";
