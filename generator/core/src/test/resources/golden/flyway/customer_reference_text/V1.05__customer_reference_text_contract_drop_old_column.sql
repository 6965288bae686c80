-- colsync customer_reference_text: contract / drop the sync trigger, its functions and the old column.
-- One transaction, so no write ever sees the column gone and the trigger still there.
-- Only N may be running. Takes ACCESS EXCLUSIVE on the table for milliseconds.
SET LOCAL lock_timeout = '2000ms';
SET LOCAL statement_timeout = '30000ms';
LOCK TABLE "public"."customers" IN ACCESS EXCLUSIVE MODE;
-- The gate, whoever runs this script: it refuses unless a convergence check passed with the sync trigger
-- and its functions exactly as they are now, the read-path flag is NEW and no running instance
-- reports another read path. It runs under the table's
-- lock, so no write and no flag change can come between it and the drop. To contract anyway, on purpose:
-- SET colsync.contract_override = 'customer_reference_text: <reason>' in the session first (recorded).
DO $colsync$
#variable_conflict use_column
DECLARE
  colsync_override text := pg_catalog.current_setting('colsync.contract_override', true);
  colsync_seal text;
  colsync_checked timestamptz;
  colsync_read_path text;
  colsync_instances text;
BEGIN
  IF NOT EXISTS (SELECT FROM pg_catalog.pg_attribute AS a WHERE a.attrelid OPERATOR(pg_catalog.=) '"public"."customers"'::pg_catalog.regclass AND a.attname OPERATOR(pg_catalog.=) 'customer_reference_code_from_the_legacy_billing_system_v2_abcde' AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped) THEN
    IF (SELECT pg_catalog.count(*) FROM pg_catalog.pg_trigger AS t WHERE t.tgrelid OPERATOR(pg_catalog.=) '"public"."customers"'::pg_catalog.regclass AND t.tgname OPERATOR(pg_catalog.=) ANY (ARRAY['~colsync_customer_reference_text_new_written', '~colsync_customer_reference_text_sync']::pg_catalog.name[])) OPERATOR(pg_catalog.=) 0 THEN
      RAISE NOTICE 'colsync %: contract has run already (column % is gone); nothing to do', 'customer_reference_text',
        'customer_reference_code_from_the_legacy_billing_system_v2_abcde';
      RETURN;
    END IF;
    RAISE EXCEPTION USING ERRCODE = 'object_not_in_prerequisite_state',
      MESSAGE = pg_catalog.format('colsync %s: contract refused: column %s of %s does not exist, but the sync'
        ' trigger does', 'customer_reference_text', 'customer_reference_code_from_the_legacy_billing_system_v2_abcde', '"public"."customers"'::pg_catalog.regclass),
      HINT = 'The table is not as this migration left it; see the runbook.';
  END IF;
  IF colsync_override OPERATOR(pg_catalog.=) 'customer_reference_text'
     OR pg_catalog.starts_with(colsync_override, 'customer_reference_text:') THEN
    RAISE WARNING 'colsync %: contract gate overridden by % (%)', 'customer_reference_text', CURRENT_USER, colsync_override;
    IF pg_catalog.to_regnamespace('colsync') IS NULL THEN
      CREATE SCHEMA colsync;
    END IF;
    CREATE TABLE IF NOT EXISTS colsync.gate_overrides (
      migration text NOT NULL,
      reason text NOT NULL,
      overridden_by text NOT NULL DEFAULT CURRENT_USER,
      overridden_at timestamptz NOT NULL DEFAULT pg_catalog.now()
    );
    INSERT INTO colsync.gate_overrides (migration, reason) VALUES ('customer_reference_text', colsync_override);
    RETURN;
  END IF;
  IF pg_catalog.to_regclass('colsync.convergence_checks') IS NOT NULL THEN
    SELECT c.seal, c.checked_at INTO colsync_seal, colsync_checked FROM colsync.convergence_checks AS c
      WHERE c.migration OPERATOR(pg_catalog.=) 'customer_reference_text' FOR SHARE;
  END IF;
  IF colsync_seal IS NULL THEN
    RAISE EXCEPTION USING ERRCODE = 'object_not_in_prerequisite_state',
      MESSAGE = pg_catalog.format('colsync %s: contract refused: no convergence check has passed, so column %s'
        ' is not known to be copied', 'customer_reference_text', 'customer_reference_code_from_the_legacy_billing_system_v2_abcde'),
      HINT = 'Once the backfill is done, run the check-convergence script before this one (or colsync verify).';
  END IF;
  IF colsync_seal OPERATOR(pg_catalog.<>) pg_catalog.concat_ws(' ', (SELECT pg_catalog.string_agg(pg_catalog.concat_ws(':', t.tgname, t.tgenabled, t.xmin, p.xmin), ',' ORDER BY t.tgname) FROM pg_catalog.pg_trigger AS t JOIN pg_catalog.pg_proc AS p ON p.oid OPERATOR(pg_catalog.=) t.tgfoid WHERE t.tgrelid OPERATOR(pg_catalog.=) '"public"."customers"'::pg_catalog.regclass AND t.tgname OPERATOR(pg_catalog.=) ANY (ARRAY['~colsync_customer_reference_text_new_written', '~colsync_customer_reference_text_sync']::pg_catalog.name[])), (SELECT pg_catalog.string_agg(pg_catalog.concat_ws(':', p.proname, p.xmin), ',' ORDER BY p.proname) FROM pg_catalog.pg_proc AS p WHERE p.pronamespace OPERATOR(pg_catalog.=) (SELECT c.relnamespace FROM pg_catalog.pg_class AS c WHERE c.oid OPERATOR(pg_catalog.=) '"public"."customers"'::pg_catalog.regclass) AND p.proname OPERATOR(pg_catalog.=) ANY (ARRAY['colsync_customer_reference_text_to_new', 'colsync_customer_reference_text_to_old', 'colsync_customer_reference_text_old_differs', 'colsync_customer_reference_text_new_differs']::pg_catalog.name[]))) THEN
    RAISE EXCEPTION USING ERRCODE = 'object_not_in_prerequisite_state',
      MESSAGE = pg_catalog.format('colsync %s: contract refused: the sync trigger or its functions were'
        ' disabled, dropped or replaced after the convergence check of %s', 'customer_reference_text', colsync_checked),
      HINT = 'Rows written since may disagree: run the backfill and the check-convergence script again.';
  END IF;
  IF pg_catalog.to_regclass('colsync.read_path_flags') IS NOT NULL THEN
    SELECT f.read_path INTO colsync_read_path FROM colsync.read_path_flags AS f
      WHERE f.migration OPERATOR(pg_catalog.=) 'customer_reference_text' FOR SHARE;
  END IF;
  IF colsync_read_path IS NULL OR colsync_read_path OPERATOR(pg_catalog.<>) 'NEW' THEN
    RAISE EXCEPTION USING ERRCODE = 'object_not_in_prerequisite_state',
      MESSAGE = pg_catalog.format('colsync %s: contract refused: the read-path flag is %s, not NEW', 'customer_reference_text',
        COALESCE(colsync_read_path, 'not set (OLD)')),
      HINT = pg_catalog.format('Set it once every instance reads the new column: colsync flag set %s NEW', 'customer_reference_text');
  END IF;
  -- Running instances report the read path they use (colsync.instances), and themselves under the empty
  -- migration name: an instance of an application that reports this migration, but which does not know it
  -- itself (version N-1), reads the old column.
  IF pg_catalog.to_regclass('colsync.instances') IS NOT NULL THEN
    SELECT pg_catalog.string_agg(pg_catalog.format('%s (%s, reads %s, seen %s)', i.instance, i.application,
        CASE WHEN i.migration OPERATOR(pg_catalog.=) '' THEN 'OLD: it does not know this migration'
        ELSE i.read_path END, i.seen_at), ', ' ORDER BY i.instance)
      INTO colsync_instances FROM colsync.instances AS i
      WHERE i.expires_at OPERATOR(pg_catalog.>) pg_catalog.now()
        AND ((i.migration OPERATOR(pg_catalog.=) 'customer_reference_text' AND i.read_path OPERATOR(pg_catalog.<>) 'NEW')
          OR (i.migration OPERATOR(pg_catalog.=) ''
            AND NOT EXISTS (SELECT FROM colsync.instances AS k WHERE k.instance OPERATOR(pg_catalog.=) i.instance
              AND k.migration OPERATOR(pg_catalog.=) 'customer_reference_text')
            AND EXISTS (SELECT FROM colsync.instances AS a WHERE a.application OPERATOR(pg_catalog.=) i.application
              AND a.migration OPERATOR(pg_catalog.=) 'customer_reference_text'
              AND a.expires_at OPERATOR(pg_catalog.>) pg_catalog.now())));
  END IF;
  IF colsync_instances IS NOT NULL THEN
    RAISE EXCEPTION USING ERRCODE = 'object_not_in_prerequisite_state',
      MESSAGE = pg_catalog.format('colsync %s: contract refused: running instances still use column %s: %s',
        'customer_reference_text', 'customer_reference_code_from_the_legacy_billing_system_v2_abcde', colsync_instances),
      HINT = 'Stop them or let them follow the flag to NEW, then run contract again (a report of an instance'
        ' that stopped without closing expires by itself; colsync status lists the live ones).';
  END IF;
END
$colsync$;
DROP TRIGGER IF EXISTS "~colsync_customer_reference_text_new_written" ON "public"."customers";
DROP TRIGGER IF EXISTS "~colsync_customer_reference_text_sync" ON "public"."customers";
DROP FUNCTION IF EXISTS "public"."colsync_customer_reference_text_sync"();
DROP FUNCTION IF EXISTS "public"."colsync_customer_reference_text_to_new"(varchar(40));
DROP FUNCTION IF EXISTS "public"."colsync_customer_reference_text_to_old"(text);
DROP FUNCTION IF EXISTS "public"."colsync_customer_reference_text_old_differs"(varchar(40), varchar(40));
DROP FUNCTION IF EXISTS "public"."colsync_customer_reference_text_new_differs"(text, text);
ALTER TABLE "public"."customers" DROP COLUMN IF EXISTS "customer_reference_code_from_the_legacy_billing_system_v2_abcde";
DROP PROCEDURE IF EXISTS "public"."colsync_customer_reference_text_backfill"(text, integer, interval, boolean);
DROP TABLE IF EXISTS "public"."colsync_customer_reference_text_backfill_state";
