-- colsync customers_name_widen: alter-type / change the column's type back.
-- PostgreSQL REWRITES the table and rebuilds its indexes for this change, under ACCESS EXCLUSIVE: reads and
-- writes wait for as long as that takes, which grows with the table. First every value is checked to fit the
-- type (a scan that blocks no one); a value written meanwhile that does not fit fails the ALTER, changing nothing.
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
  colsync_unfit boolean;
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
  IF colsync_typ OPERATOR(pg_catalog.=) pg_catalog.to_regtype('pg_catalog.varchar') AND colsync_mods OPERATOR(pg_catalog.=) 54 THEN
    RAISE NOTICE 'colsync customers_name_widen: column % of % has type % already; nothing to do', 'name',
      '"public"."customers"', 'varchar(50)';
    RETURN;
  END IF;
  BEGIN
    SELECT EXISTS (SELECT FROM "public"."customers"
                    WHERE NOT ("name" OPERATOR(pg_catalog.=) CAST("name" AS pg_catalog.varchar(50)))) INTO colsync_unfit;
  EXCEPTION WHEN data_exception THEN
    colsync_unfit := true;
  END;
  IF colsync_unfit THEN
    RAISE EXCEPTION 'colsync customers_name_widen: column % of % holds values that type % cannot hold as they are',
      'name', '"public"."customers"', 'varchar(50)'
      USING HINT = 'Change or remove those values first; the type was not changed.';
  END IF;
  LOOP
    BEGIN
      LOCK TABLE "public"."customers" IN ACCESS EXCLUSIVE MODE;
      SELECT a.atttypid, a.atttypmod, a.attcollation INTO colsync_typ, colsync_mods, colsync_coll FROM pg_catalog.pg_attribute AS a
       WHERE a.attrelid OPERATOR(pg_catalog.=) colsync_tbl AND a.attnum OPERATOR(pg_catalog.=) colsync_col;
      IF colsync_typ OPERATOR(pg_catalog.=) pg_catalog.to_regtype('pg_catalog.varchar') AND colsync_mods OPERATOR(pg_catalog.=) 54 THEN
        RAISE NOTICE 'colsync customers_name_widen: column % of % has type % already; nothing to do', 'name',
          '"public"."customers"', 'varchar(50)';
        RETURN;
      END IF;
      IF colsync_typ OPERATOR(pg_catalog.<>) pg_catalog.to_regtype('pg_catalog.varchar') OR colsync_mods OPERATOR(pg_catalog.<>) 204 THEN
        RAISE EXCEPTION 'colsync customers_name_widen: column % of % has type %, not % (nor %): the spec does not describe this table',
          'name', '"public"."customers"', pg_catalog.format_type(colsync_typ, colsync_mods), 'varchar(200)', 'varchar(50)';
      END IF;
      ALTER TABLE "public"."customers" ALTER COLUMN "name" TYPE pg_catalog.varchar(50);
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
