--liquibase formatted sql

--changeset colsync:customers_name_widen-01-alter-type-change-type labels:customers_name_widen,alter-type runInTransaction:true rollbackSplitStatements:false splitStatements:false
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
--rollback -- colsync customers_name_widen: alter-type / change the column's type back.
--rollback -- PostgreSQL REWRITES the table and rebuilds its indexes for this change, under ACCESS EXCLUSIVE: reads and
--rollback -- writes wait for as long as that takes, which grows with the table. First every value is checked to fit the
--rollback -- type (a scan that blocks no one); a value written meanwhile that does not fit fails the ALTER, changing nothing.
--rollback -- Each attempt waits at most lock_timeout for the lock; one that times out is retried, 5 attempts
--rollback -- in all. Once the column has the type, a second run changes nothing.
--rollback SET LOCAL lock_timeout = '2000ms';
--rollback SET LOCAL statement_timeout = '30000ms';
--rollback SET LOCAL search_path = pg_catalog, pg_temp;
--rollback DO $colsync$
--rollback #variable_conflict use_column
--rollback DECLARE
--rollback   colsync_tbl pg_catalog.oid := pg_catalog.to_regclass('"public"."customers"');
--rollback   colsync_col pg_catalog.int2;
--rollback   colsync_typ pg_catalog.oid;
--rollback   colsync_mods pg_catalog.int4;
--rollback   colsync_coll pg_catalog.oid;
--rollback   colsync_found_names pg_catalog.text;
--rollback   colsync_unfit boolean;
--rollback   colsync_attempt pg_catalog.int4 := 1;
--rollback BEGIN
--rollback   IF colsync_tbl IS NULL THEN
--rollback     RAISE EXCEPTION 'colsync customers_name_widen: table % does not exist', '"public"."customers"';
--rollback   END IF;
--rollback   SELECT a.attnum, a.atttypid, a.atttypmod INTO colsync_col, colsync_typ, colsync_mods FROM pg_catalog.pg_attribute AS a
--rollback    WHERE a.attrelid OPERATOR(pg_catalog.=) colsync_tbl AND a.attname OPERATOR(pg_catalog.=) 'name'
--rollback      AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped;
--rollback   IF colsync_col IS NULL THEN
--rollback     RAISE EXCEPTION 'colsync customers_name_widen: table % has no column %', '"public"."customers"', 'name';
--rollback   END IF;
--rollback   IF colsync_typ OPERATOR(pg_catalog.=) pg_catalog.to_regtype('pg_catalog.varchar') AND colsync_mods OPERATOR(pg_catalog.=) 54 THEN
--rollback     RAISE NOTICE 'colsync customers_name_widen: column % of % has type % already; nothing to do', 'name',
--rollback       '"public"."customers"', 'varchar(50)';
--rollback     RETURN;
--rollback   END IF;
--rollback   BEGIN
--rollback     SELECT EXISTS (SELECT FROM "public"."customers"
--rollback                     WHERE NOT ("name" OPERATOR(pg_catalog.=) CAST("name" AS pg_catalog.varchar(50)))) INTO colsync_unfit;
--rollback   EXCEPTION WHEN data_exception THEN
--rollback     colsync_unfit := true;
--rollback   END;
--rollback   IF colsync_unfit THEN
--rollback     RAISE EXCEPTION 'colsync customers_name_widen: column % of % holds values that type % cannot hold as they are',
--rollback       'name', '"public"."customers"', 'varchar(50)'
--rollback       USING HINT = 'Change or remove those values first; the type was not changed.';
--rollback   END IF;
--rollback   LOOP
--rollback     BEGIN
--rollback       LOCK TABLE "public"."customers" IN ACCESS EXCLUSIVE MODE;
--rollback       SELECT a.atttypid, a.atttypmod, a.attcollation INTO colsync_typ, colsync_mods, colsync_coll FROM pg_catalog.pg_attribute AS a
--rollback        WHERE a.attrelid OPERATOR(pg_catalog.=) colsync_tbl AND a.attnum OPERATOR(pg_catalog.=) colsync_col;
--rollback       IF colsync_typ OPERATOR(pg_catalog.=) pg_catalog.to_regtype('pg_catalog.varchar') AND colsync_mods OPERATOR(pg_catalog.=) 54 THEN
--rollback         RAISE NOTICE 'colsync customers_name_widen: column % of % has type % already; nothing to do', 'name',
--rollback           '"public"."customers"', 'varchar(50)';
--rollback         RETURN;
--rollback       END IF;
--rollback       IF colsync_typ OPERATOR(pg_catalog.<>) pg_catalog.to_regtype('pg_catalog.varchar') OR colsync_mods OPERATOR(pg_catalog.<>) 204 THEN
--rollback         RAISE EXCEPTION 'colsync customers_name_widen: column % of % has type %, not % (nor %): the spec does not describe this table',
--rollback           'name', '"public"."customers"', pg_catalog.format_type(colsync_typ, colsync_mods), 'varchar(200)', 'varchar(50)';
--rollback       END IF;
--rollback       ALTER TABLE "public"."customers" ALTER COLUMN "name" TYPE pg_catalog.varchar(50);
--rollback       RETURN;
--rollback     EXCEPTION WHEN lock_not_available THEN
--rollback       IF colsync_attempt OPERATOR(pg_catalog.>=) 5 THEN
--rollback         RAISE;
--rollback       END IF;
--rollback       RAISE NOTICE 'colsync customers_name_widen: no lock on % within lock_timeout (attempt % of %); retrying',
--rollback         '"public"."customers"', colsync_attempt, 5;
--rollback       PERFORM pg_catalog.pg_sleep(250 * colsync_attempt / 1000.0);
--rollback       colsync_attempt := colsync_attempt OPERATOR(pg_catalog.+) 1;
--rollback     END;
--rollback   END LOOP;
--rollback END
--rollback $colsync$;
