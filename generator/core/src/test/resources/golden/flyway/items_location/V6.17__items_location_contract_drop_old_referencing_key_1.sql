-- colsync items_location: rollback of contract / drop constraint "notes_item_path_fkey".
-- One transaction; a short lock.
SET LOCAL lock_timeout = '2000ms';
SET LOCAL statement_timeout = '30000ms';
ALTER TABLE "shop"."notes" DROP CONSTRAINT IF EXISTS "notes_item_path_fkey";
