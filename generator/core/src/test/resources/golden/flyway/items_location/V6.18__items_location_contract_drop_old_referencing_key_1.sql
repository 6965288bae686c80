-- colsync items_location: rollback of contract / drop constraint "notes_item_path_fkey".
-- One transaction; a short lock.
SET LOCAL lock_timeout = '2000ms';
SET LOCAL statement_timeout = '30000ms';
-- This table's lock first, the other's only if free at once: never wait while holding one.
LOCK TABLE "shop"."items" IN ACCESS EXCLUSIVE MODE;
LOCK TABLE "shop"."notes" IN ACCESS EXCLUSIVE MODE NOWAIT;
ALTER TABLE "shop"."notes" DROP CONSTRAINT IF EXISTS "notes_item_path_fkey";
