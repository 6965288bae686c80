-- colsync customers_name_widen: alter-type / change the column's type in the catalog only.
-- A catalog-only change: PostgreSQL rewrites neither the table nor its indexes, so ACCESS EXCLUSIVE is held
-- for milliseconds whatever the row count. The checks below run under that lock and refuse whatever would
-- make PostgreSQL rebuild after all.
-- Each attempt waits at most lock_timeout for the lock; one that times out is retried, 5 attempts
-- in all. Once the column has the type, a second run changes nothing.
SET LOCAL lock_timeout = '2000ms';
SET LOCAL statement_timeout = '30000ms';
SET LOCAL search_path = pg_catalog, pg_temp;
DO $colsync$
#variable_conflict use_column
DECLARE
  colsync_tbl pg_catalog.oid := pg_catalog.to_regclass('"public"."customers"');
  colsync_col pg_catalog.int2;
  colsync_typ pg_catalog.oid;
  colsync_mods pg_catalog.int4;
  colsync_coll pg_catalog.oid;
  colsync_found_names pg_catalog.text;
  colsync_attempt pg_catalog.int4 := 1;
BEGIN
  IF colsync_tbl IS NULL THEN
    RAISE EXCEPTION 'colsync customers_name_widen: table % does not exist', '"public"."customers"';
  END IF;
  SELECT a.attnum, a.atttypid, a.atttypmod INTO colsync_col, colsync_typ, colsync_mods FROM pg_catalog.pg_attribute AS a
   WHERE a.attrelid OPERATOR(pg_catalog.=) colsync_tbl AND a.attname OPERATOR(pg_catalog.=) 'name'
     AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped;
  IF colsync_col IS NULL THEN
    RAISE EXCEPTION 'colsync customers_name_widen: table % has no column %', '"public"."customers"', 'name';
  END IF;
  IF colsync_typ OPERATOR(pg_catalog.=) pg_catalog.to_regtype('pg_catalog.varchar') AND colsync_mods OPERATOR(pg_catalog.=) 204 THEN
    RAISE NOTICE 'colsync customers_name_widen: column % of % has type % already; nothing to do', 'name',
      '"public"."customers"', 'varchar(200)';
    RETURN;
  END IF;
  LOOP
    BEGIN
      LOCK TABLE "public"."customers" IN ACCESS EXCLUSIVE MODE;
      SELECT a.atttypid, a.atttypmod, a.attcollation INTO colsync_typ, colsync_mods, colsync_coll FROM pg_catalog.pg_attribute AS a
       WHERE a.attrelid OPERATOR(pg_catalog.=) colsync_tbl AND a.attnum OPERATOR(pg_catalog.=) colsync_col;
      IF colsync_typ OPERATOR(pg_catalog.=) pg_catalog.to_regtype('pg_catalog.varchar') AND colsync_mods OPERATOR(pg_catalog.=) 204 THEN
        RAISE NOTICE 'colsync customers_name_widen: column % of % has type % already; nothing to do', 'name',
          '"public"."customers"', 'varchar(200)';
        RETURN;
      END IF;
      IF colsync_typ OPERATOR(pg_catalog.<>) pg_catalog.to_regtype('pg_catalog.varchar') OR colsync_mods OPERATOR(pg_catalog.<>) 54 THEN
        RAISE EXCEPTION 'colsync customers_name_widen: column % of % has type %, not % (nor %): the spec does not describe this table',
          'name', '"public"."customers"', pg_catalog.format_type(colsync_typ, colsync_mods), 'varchar(50)', 'varchar(200)';
      END IF;
      IF EXISTS (SELECT FROM pg_catalog.pg_class AS c WHERE c.oid OPERATOR(pg_catalog.=) colsync_tbl
                  AND c.relkind OPERATOR(pg_catalog.<>) 'r')
         OR EXISTS (SELECT FROM pg_catalog.pg_inherits AS i
                     WHERE i.inhparent OPERATOR(pg_catalog.=) colsync_tbl OR i.inhrelid OPERATOR(pg_catalog.=) colsync_tbl) THEN
        RAISE EXCEPTION 'colsync customers_name_widen: % is partitioned or part of an inheritance tree; a catalog-only type change is made on a plain table only',
          '"public"."customers"' USING HINT = 'Use strategy: copy.';
      END IF;
      IF colsync_coll OPERATOR(pg_catalog.<>) (SELECT t.typcollation FROM pg_catalog.pg_type AS t
                                        WHERE t.oid OPERATOR(pg_catalog.=) pg_catalog.to_regtype('pg_catalog.varchar')) THEN
        RAISE EXCEPTION 'colsync customers_name_widen: column % of % has a collation of its own, which ALTER … TYPE would reset, rebuilding its indexes',
          'name', '"public"."customers"' USING HINT = 'Use strategy: copy.';
      END IF;
      SELECT pg_catalog.string_agg(i.indexrelid::pg_catalog.regclass::pg_catalog.text, ', ') INTO colsync_found_names
        FROM pg_catalog.pg_index AS i
       WHERE i.indrelid OPERATOR(pg_catalog.=) colsync_tbl
         AND (i.indexprs IS NOT NULL OR i.indpred IS NOT NULL OR i.indisexclusion)
         AND EXISTS (SELECT FROM pg_catalog.pg_depend AS d
                      WHERE d.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_class'::pg_catalog.regclass
                        AND d.objid OPERATOR(pg_catalog.=) i.indexrelid
                        AND d.refclassid OPERATOR(pg_catalog.=) 'pg_catalog.pg_class'::pg_catalog.regclass
                        AND d.refobjid OPERATOR(pg_catalog.=) colsync_tbl AND d.refobjsubid OPERATOR(pg_catalog.=) colsync_col);
      IF colsync_found_names IS NOT NULL THEN
        RAISE EXCEPTION 'colsync customers_name_widen: PostgreSQL would rebuild these indexes over column % (an expression, a predicate or an exclusion): %',
          'name', colsync_found_names USING HINT = 'Use strategy: copy.';
      END IF;
      SELECT pg_catalog.string_agg(k.conname::pg_catalog.text, ', ') INTO colsync_found_names
        FROM pg_catalog.pg_constraint AS k
       WHERE k.conrelid OPERATOR(pg_catalog.=) colsync_tbl AND k.contype OPERATOR(pg_catalog.=) ANY (ARRAY['c', 'f', 'x']::pg_catalog."char"[])
         AND colsync_col OPERATOR(pg_catalog.=) ANY (k.conkey)
          OR k.confrelid OPERATOR(pg_catalog.=) colsync_tbl AND colsync_col OPERATOR(pg_catalog.=) ANY (k.confkey);
      IF colsync_found_names IS NOT NULL THEN
        RAISE EXCEPTION 'colsync customers_name_widen: PostgreSQL would check these constraints over column % again, scanning: %',
          'name', colsync_found_names USING HINT = 'Use strategy: copy.';
      END IF;
      ALTER TABLE "public"."customers" ALTER COLUMN "name" TYPE pg_catalog.varchar(200);
      RETURN;
    EXCEPTION WHEN lock_not_available THEN
      IF colsync_attempt OPERATOR(pg_catalog.>=) 5 THEN
        RAISE;
      END IF;
      RAISE NOTICE 'colsync customers_name_widen: no lock on % within lock_timeout (attempt % of %); retrying',
        '"public"."customers"', colsync_attempt, 5;
      PERFORM pg_catalog.pg_sleep(250 * colsync_attempt / 1000.0);
      colsync_attempt := colsync_attempt OPERATOR(pg_catalog.+) 1;
    END;
  END LOOP;
END
$colsync$;
