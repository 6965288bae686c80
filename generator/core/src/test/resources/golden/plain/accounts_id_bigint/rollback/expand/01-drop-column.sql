-- colsync accounts_id_bigint: rollback of expand / drop the sync trigger, its functions and the new column.
-- One transaction; N-1 only. Takes ACCESS EXCLUSIVE on the table for milliseconds.
SET LOCAL lock_timeout = '2000ms';
SET LOCAL statement_timeout = '30000ms';
LOCK TABLE "public"."accounts" IN ACCESS EXCLUSIVE MODE;
-- Once a later phase has run, the new column holds values the old one no longer has: refuse.
DO $colsync_expand$
BEGIN
  IF (NOT EXISTS (SELECT FROM pg_catalog.pg_attribute AS a WHERE a.attrelid OPERATOR(pg_catalog.=) '"public"."accounts"'::pg_catalog.regclass AND a.attname OPERATOR(pg_catalog.=) 'id' AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped) AND EXISTS (SELECT FROM pg_catalog.pg_attribute AS a WHERE a.attrelid OPERATOR(pg_catalog.=) '"public"."accounts"'::pg_catalog.regclass AND a.attname OPERATOR(pg_catalog.=) 'id_colsync_new' AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped)) OR (EXISTS (SELECT FROM pg_catalog.pg_attribute AS a WHERE a.attrelid OPERATOR(pg_catalog.=) '"public"."accounts"'::pg_catalog.regclass AND a.attname OPERATOR(pg_catalog.=) 'id' AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped) AND EXISTS (SELECT FROM pg_catalog.pg_attribute AS a WHERE a.attrelid OPERATOR(pg_catalog.=) '"public"."accounts"'::pg_catalog.regclass AND a.attname OPERATOR(pg_catalog.=) 'id_colsync_old' AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped) AND (pg_catalog.to_regprocedure('"public"."colsync_accounts_id_bigint_sync"()') IS NOT NULL OR EXISTS (SELECT FROM pg_catalog.pg_trigger AS t WHERE t.tgrelid OPERATOR(pg_catalog.=) '"public"."accounts"'::pg_catalog.regclass AND t.tgname OPERATOR(pg_catalog.=) ANY (ARRAY['~colsync_accounts_id_bigint_new_written', '~colsync_accounts_id_bigint_sync']::pg_catalog.name[])))) THEN
    RAISE EXCEPTION USING ERRCODE = 'object_not_in_prerequisite_state',
      MESSAGE = pg_catalog.format('colsync %s: rollback of expand refused: a later phase (cut-over or contract)'
        ' has run, so dropping the new column would lose its values', 'accounts_id_bigint'),
      HINT = 'Roll back the later phases first (rollback/contract, rollback/cutover); nothing was changed.';
  END IF;
END
$colsync_expand$;
DROP TRIGGER IF EXISTS "~colsync_accounts_id_bigint_new_written" ON "public"."accounts";
DROP TRIGGER IF EXISTS "~colsync_accounts_id_bigint_sync" ON "public"."accounts";
DROP FUNCTION IF EXISTS "public"."colsync_accounts_id_bigint_sync"();
DROP FUNCTION IF EXISTS "public"."colsync_accounts_id_bigint_to_new"(integer);
DROP FUNCTION IF EXISTS "public"."colsync_accounts_id_bigint_to_old"(bigint);
DROP FUNCTION IF EXISTS "public"."colsync_accounts_id_bigint_old_differs"(integer, integer);
DROP FUNCTION IF EXISTS "public"."colsync_accounts_id_bigint_new_differs"(bigint, bigint);
ALTER TABLE "public"."accounts" DROP COLUMN IF EXISTS "id_colsync_new";
