-- colsync users_full_name: rollback of validate / drop NOT NULL from the new column.
-- One transaction; a short ACCESS EXCLUSIVE lock.
SET LOCAL lock_timeout = '2000ms';
SET LOCAL statement_timeout = '30000ms';
ALTER TABLE "public"."users" ALTER COLUMN "full_name" DROP NOT NULL;
ALTER TABLE "public"."users" DROP CONSTRAINT IF EXISTS "colsync_users_full_name_new_not_null";
