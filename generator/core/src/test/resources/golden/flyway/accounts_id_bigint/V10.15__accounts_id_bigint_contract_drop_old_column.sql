-- colsync accounts_id_bigint: contract / drop the sync trigger, its functions and the old column.
-- One transaction, so no write ever sees the column gone and the trigger still there.
-- Only N may be running. Takes ACCESS EXCLUSIVE on the table for milliseconds.
SET LOCAL lock_timeout = '2000ms';
SET LOCAL statement_timeout = '30000ms';
LOCK TABLE "public"."accounts" IN ACCESS EXCLUSIVE MODE;
-- The gate, whoever runs this script: it refuses unless a convergence check passed with the sync trigger
-- and its functions exactly as they are now. It runs under the table's
-- lock, so no write and no flag change can come between it and the drop. To contract anyway, on purpose:
-- SET colsync.contract_override = 'accounts_id_bigint: <reason>' in the session first (recorded).
DO $colsync$
#variable_conflict use_column
DECLARE
  colsync_override text := pg_catalog.current_setting('colsync.contract_override', true);
  colsync_seal text;
  colsync_checked timestamptz;
BEGIN
  IF NOT EXISTS (SELECT FROM pg_catalog.pg_attribute AS a WHERE a.attrelid OPERATOR(pg_catalog.=) '"public"."accounts"'::pg_catalog.regclass AND a.attname OPERATOR(pg_catalog.=) 'id_colsync_old' AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped) THEN
    IF (SELECT pg_catalog.count(*) FROM pg_catalog.pg_trigger AS t WHERE t.tgrelid OPERATOR(pg_catalog.=) '"public"."accounts"'::pg_catalog.regclass AND t.tgname OPERATOR(pg_catalog.=) ANY (ARRAY['~colsync_accounts_id_bigint_new_written', '~colsync_accounts_id_bigint_sync']::pg_catalog.name[])) OPERATOR(pg_catalog.=) 0 THEN
      RAISE NOTICE 'colsync %: contract has run already (column % is gone); nothing to do', 'accounts_id_bigint',
        'id_colsync_old';
      RETURN;
    END IF;
    RAISE EXCEPTION USING ERRCODE = 'object_not_in_prerequisite_state',
      MESSAGE = pg_catalog.format('colsync %s: contract refused: column %s of %s does not exist, but the sync'
        ' trigger does', 'accounts_id_bigint', 'id_colsync_old', '"public"."accounts"'::pg_catalog.regclass),
      HINT = 'Run the cut-over first.';
  END IF;
  IF colsync_override OPERATOR(pg_catalog.=) 'accounts_id_bigint'
     OR pg_catalog.starts_with(colsync_override, 'accounts_id_bigint:') THEN
    RAISE WARNING 'colsync %: contract gate overridden by % (%)', 'accounts_id_bigint', CURRENT_USER, colsync_override;
    IF pg_catalog.to_regnamespace('colsync') IS NULL THEN
      CREATE SCHEMA colsync;
    END IF;
    CREATE TABLE IF NOT EXISTS colsync.gate_overrides (
      migration text NOT NULL,
      reason text NOT NULL,
      overridden_by text NOT NULL DEFAULT CURRENT_USER,
      overridden_at timestamptz NOT NULL DEFAULT pg_catalog.now()
    );
    INSERT INTO colsync.gate_overrides (migration, reason) VALUES ('accounts_id_bigint', colsync_override);
    RETURN;
  END IF;
  IF pg_catalog.to_regclass('colsync.convergence_checks') IS NOT NULL THEN
    SELECT c.seal, c.checked_at INTO colsync_seal, colsync_checked FROM colsync.convergence_checks AS c
      WHERE c.migration OPERATOR(pg_catalog.=) 'accounts_id_bigint' FOR SHARE;
  END IF;
  IF colsync_seal IS NULL THEN
    RAISE EXCEPTION USING ERRCODE = 'object_not_in_prerequisite_state',
      MESSAGE = pg_catalog.format('colsync %s: contract refused: no convergence check has passed, so column %s'
        ' is not known to be copied', 'accounts_id_bigint', 'id_colsync_old'),
      HINT = 'Once the backfill is done, run the check-convergence script before this one (or colsync verify).';
  END IF;
  IF colsync_seal OPERATOR(pg_catalog.<>) pg_catalog.concat_ws(' ', (SELECT pg_catalog.string_agg(pg_catalog.concat_ws(':', t.tgname, t.tgenabled, t.xmin, p.xmin), ',' ORDER BY t.tgname) FROM pg_catalog.pg_trigger AS t JOIN pg_catalog.pg_proc AS p ON p.oid OPERATOR(pg_catalog.=) t.tgfoid WHERE t.tgrelid OPERATOR(pg_catalog.=) '"public"."accounts"'::pg_catalog.regclass AND t.tgname OPERATOR(pg_catalog.=) ANY (ARRAY['~colsync_accounts_id_bigint_new_written', '~colsync_accounts_id_bigint_sync']::pg_catalog.name[])), (SELECT pg_catalog.string_agg(pg_catalog.concat_ws(':', p.proname, p.xmin), ',' ORDER BY p.proname) FROM pg_catalog.pg_proc AS p WHERE p.pronamespace OPERATOR(pg_catalog.=) (SELECT c.relnamespace FROM pg_catalog.pg_class AS c WHERE c.oid OPERATOR(pg_catalog.=) '"public"."accounts"'::pg_catalog.regclass) AND p.proname OPERATOR(pg_catalog.=) ANY (ARRAY['colsync_accounts_id_bigint_to_new', 'colsync_accounts_id_bigint_to_old', 'colsync_accounts_id_bigint_old_differs', 'colsync_accounts_id_bigint_new_differs']::pg_catalog.name[]))) THEN
    RAISE EXCEPTION USING ERRCODE = 'object_not_in_prerequisite_state',
      MESSAGE = pg_catalog.format('colsync %s: contract refused: the sync trigger or its functions were'
        ' disabled, dropped or replaced after the convergence check of %s', 'accounts_id_bigint', colsync_checked),
      HINT = 'Rows written since may disagree: run the backfill and the check-convergence script again.';
  END IF;
END
$colsync$;
DROP TRIGGER IF EXISTS "~colsync_accounts_id_bigint_new_written" ON "public"."accounts";
DROP TRIGGER IF EXISTS "~colsync_accounts_id_bigint_sync" ON "public"."accounts";
DROP FUNCTION IF EXISTS "public"."colsync_accounts_id_bigint_sync"();
DROP FUNCTION IF EXISTS "public"."colsync_accounts_id_bigint_to_new"(integer);
DROP FUNCTION IF EXISTS "public"."colsync_accounts_id_bigint_to_old"(bigint);
DROP FUNCTION IF EXISTS "public"."colsync_accounts_id_bigint_old_differs"(integer, integer);
DROP FUNCTION IF EXISTS "public"."colsync_accounts_id_bigint_new_differs"(bigint, bigint);
ALTER TABLE "public"."accounts" DROP COLUMN IF EXISTS "id_colsync_old";
ALTER INDEX IF EXISTS "public"."colsync_accounts_id_bigint_accounts_id_owner" RENAME TO "accounts_id_owner";
DO $colsync$
BEGIN
  IF EXISTS (SELECT FROM pg_catalog.pg_constraint WHERE conrelid = '"public"."accounts"'::pg_catalog.regclass AND conname = 'colsync_accounts_id_bigint_accounts_id_check') THEN
    ALTER TABLE "public"."accounts" RENAME CONSTRAINT "colsync_accounts_id_bigint_accounts_id_check" TO "accounts_id_check";
  END IF;
END
$colsync$;
DROP PROCEDURE IF EXISTS "public"."colsync_accounts_id_bigint_backfill"(text, integer, interval, boolean);
DROP TABLE IF EXISTS "public"."colsync_accounts_id_bigint_backfill_state";
