-- colsync customer_reference_text: rollback of expand / drop the sync trigger, its functions and the new column.
-- One transaction; N-1 only. Takes ACCESS EXCLUSIVE on the table for milliseconds.
SET LOCAL lock_timeout = '2000ms';
SET LOCAL statement_timeout = '30000ms';
LOCK TABLE "public"."customers" IN ACCESS EXCLUSIVE MODE;
DROP TRIGGER IF EXISTS "colsync_customer_reference_text_new_written" ON "public"."customers";
DROP TRIGGER IF EXISTS "colsync_customer_reference_text_sync" ON "public"."customers";
DROP FUNCTION IF EXISTS "public"."colsync_customer_reference_text_sync"();
DROP FUNCTION IF EXISTS "public"."colsync_customer_reference_text_to_new"(varchar(40));
DROP FUNCTION IF EXISTS "public"."colsync_customer_reference_text_to_old"(text);
DROP FUNCTION IF EXISTS "public"."colsync_customer_reference_text_old_differs"(varchar(40), varchar(40));
DROP FUNCTION IF EXISTS "public"."colsync_customer_reference_text_new_differs"(text, text);
ALTER TABLE "public"."customers" DROP COLUMN IF EXISTS "customer_reference_code_from_the_legacy_billing_system_v2_text1";
