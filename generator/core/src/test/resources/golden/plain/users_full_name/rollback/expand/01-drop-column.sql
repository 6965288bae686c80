-- colsync users_full_name: rollback of expand / drop the sync trigger, its functions and the new column.
-- One transaction; N-1 only. Takes ACCESS EXCLUSIVE on the table for milliseconds.
SET LOCAL lock_timeout = '2000ms';
SET LOCAL statement_timeout = '30000ms';
LOCK TABLE "public"."users" IN ACCESS EXCLUSIVE MODE;
DROP TRIGGER IF EXISTS "colsync_users_full_name_new_written" ON "public"."users";
DROP TRIGGER IF EXISTS "colsync_users_full_name_sync" ON "public"."users";
DROP FUNCTION IF EXISTS "public"."colsync_users_full_name_sync"();
DROP FUNCTION IF EXISTS "public"."colsync_users_full_name_to_new"(text);
DROP FUNCTION IF EXISTS "public"."colsync_users_full_name_to_old"(text);
DROP FUNCTION IF EXISTS "public"."colsync_users_full_name_old_differs"(text, text);
DROP FUNCTION IF EXISTS "public"."colsync_users_full_name_new_differs"(text, text);
ALTER TABLE "public"."users" DROP COLUMN IF EXISTS "full_name";
