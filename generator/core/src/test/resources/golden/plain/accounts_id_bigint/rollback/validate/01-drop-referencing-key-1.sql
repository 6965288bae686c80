-- colsync accounts_id_bigint: validate / drop constraint "colsync_accounts_id_bigint_entries_account_id_fkey".
-- One transaction; a short lock.
SET LOCAL lock_timeout = '2000ms';
SET LOCAL statement_timeout = '30000ms';
-- This table's lock first, the other's only if free at once: never wait while holding one.
-- Once this migration has been contracted this script has nothing left to do: it is one block, which
-- then returns at once with a notice and changes nothing.
DO $colsync_guard$
DECLARE
  colsync_recorded boolean := false;
BEGIN
  IF NOT EXISTS (SELECT FROM pg_catalog.pg_attribute AS a WHERE a.attrelid OPERATOR(pg_catalog.=) '"public"."accounts"'::pg_catalog.regclass AND a.attname OPERATOR(pg_catalog.=) 'id_colsync_old' AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped) AND (SELECT pg_catalog.count(*) FROM pg_catalog.pg_trigger AS t WHERE t.tgrelid OPERATOR(pg_catalog.=) '"public"."accounts"'::pg_catalog.regclass AND t.tgname OPERATOR(pg_catalog.=) ANY (ARRAY['~colsync_accounts_id_bigint_new_written', '~colsync_accounts_id_bigint_sync']::pg_catalog.name[])) OPERATOR(pg_catalog.=) 0 THEN
    IF pg_catalog.to_regclass('colsync.convergence_checks') IS NOT NULL THEN
      colsync_recorded := EXISTS (SELECT FROM colsync.convergence_checks AS c
        WHERE c.migration OPERATOR(pg_catalog.=) 'accounts_id_bigint');
    END IF;
    IF NOT colsync_recorded AND pg_catalog.to_regclass('colsync.gate_overrides') IS NOT NULL THEN
      colsync_recorded := EXISTS (SELECT FROM colsync.gate_overrides AS g
        WHERE g.migration OPERATOR(pg_catalog.=) 'accounts_id_bigint');
    END IF;
    IF colsync_recorded THEN
      RAISE NOTICE 'colsync %: contract has run already; % has nothing to do', 'accounts_id_bigint', 'validate/drop-referencing-key-1';
      RETURN;
    END IF;
  END IF;
LOCK TABLE "public"."accounts" IN ACCESS EXCLUSIVE MODE;
LOCK TABLE "public"."entries" IN ACCESS EXCLUSIVE MODE NOWAIT;
ALTER TABLE "public"."entries" DROP CONSTRAINT IF EXISTS "colsync_accounts_id_bigint_entries_account_id_fkey";
END
$colsync_guard$;
