-- colsync:no-transaction
-- Once this migration has been contracted, this script has nothing left to do: this block says so and
-- sets colsync.contracted for the session, and every statement below that would change something is
-- then skipped; otherwise it clears that setting.
DO $colsync$
DECLARE
  colsync_recorded boolean := false;
BEGIN
  PERFORM pg_catalog.set_config('colsync.contracted', '', false);
  IF NOT EXISTS (SELECT FROM pg_catalog.pg_attribute AS a WHERE a.attrelid OPERATOR(pg_catalog.=) '"shop"."items"'::pg_catalog.regclass AND a.attname OPERATOR(pg_catalog.=) 'path' AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped) AND (SELECT pg_catalog.count(*) FROM pg_catalog.pg_trigger AS t WHERE t.tgrelid OPERATOR(pg_catalog.=) '"shop"."items"'::pg_catalog.regclass AND t.tgname OPERATOR(pg_catalog.=) ANY (ARRAY['~colsync_items_location_new_written', '~colsync_items_location_sync']::pg_catalog.name[])) OPERATOR(pg_catalog.=) 0 THEN
    IF pg_catalog.to_regclass('colsync.convergence_checks') IS NOT NULL THEN
      colsync_recorded := EXISTS (SELECT FROM colsync.convergence_checks AS c
        WHERE c.migration OPERATOR(pg_catalog.=) 'items_location');
    END IF;
    IF NOT colsync_recorded AND pg_catalog.to_regclass('colsync.gate_overrides') IS NOT NULL THEN
      colsync_recorded := EXISTS (SELECT FROM colsync.gate_overrides AS g
        WHERE g.migration OPERATOR(pg_catalog.=) 'items_location');
    END IF;
    IF colsync_recorded THEN
      RAISE NOTICE 'colsync %: contract has run already; % has nothing to do', 'items_location', 'indexes/drop-index-1';
      PERFORM pg_catalog.set_config('colsync.contracted', 'items_location', false);
    END IF;
  END IF;
END
$colsync$;
-- colsync items_location: indexes / drop index "colsync_items_location_items_path_key".
-- Outside a transaction: DROP INDEX CONCURRENTLY blocks no reads or writes.
SET lock_timeout = '2000ms';
DROP INDEX CONCURRENTLY IF EXISTS "shop"."colsync_items_location_items_path_key";
RESET lock_timeout;
