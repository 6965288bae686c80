-- colsync users_full_name: rollback of expand / drop the sync trigger, its functions and the new column.
-- One transaction; N-1 only. Takes ACCESS EXCLUSIVE on the table for milliseconds.
SET LOCAL lock_timeout = '2000ms';
SET LOCAL statement_timeout = '30000ms';
LOCK TABLE "public"."users" IN ACCESS EXCLUSIVE MODE;
-- Once a later phase has run, the new column holds values the old one no longer has: refuse.
DO $colsync_expand$
BEGIN
  IF (NOT EXISTS (SELECT FROM pg_catalog.pg_attribute AS a WHERE a.attrelid OPERATOR(pg_catalog.=) '"public"."users"'::pg_catalog.regclass AND a.attname OPERATOR(pg_catalog.=) 'name' AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped) AND EXISTS (SELECT FROM pg_catalog.pg_attribute AS a WHERE a.attrelid OPERATOR(pg_catalog.=) '"public"."users"'::pg_catalog.regclass AND a.attname OPERATOR(pg_catalog.=) 'full_name' AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped)) THEN
    RAISE EXCEPTION USING ERRCODE = 'object_not_in_prerequisite_state',
      MESSAGE = pg_catalog.format('colsync %s: rollback of expand refused: a later phase (cut-over or contract)'
        ' has run, so dropping the new column would lose its values', 'users_full_name'),
      HINT = 'Roll back the later phases first (rollback/contract, rollback/cutover); nothing was changed.';
  END IF;
END
$colsync_expand$;
DROP TRIGGER IF EXISTS "~colsync_users_full_name_new_written" ON "public"."users";
DROP TRIGGER IF EXISTS "~colsync_users_full_name_sync" ON "public"."users";
DROP FUNCTION IF EXISTS "public"."colsync_users_full_name_sync"();
DROP FUNCTION IF EXISTS "public"."colsync_users_full_name_to_new"(text);
DROP FUNCTION IF EXISTS "public"."colsync_users_full_name_to_old"(text);
DROP FUNCTION IF EXISTS "public"."colsync_users_full_name_old_differs"(text, text);
DROP FUNCTION IF EXISTS "public"."colsync_users_full_name_new_differs"(text, text);
ALTER TABLE "public"."users" DROP COLUMN IF EXISTS "full_name";
