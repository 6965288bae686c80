<#-- @ftlvariable name="model" type="dev.colsync.core.render.Models.AlterTypeModel" -->
<#import "lib/objects.ftl" as o>
<#assign m = model>
<#if m.checkOnly>
-- colsync ${m.migration}: what alter-type checks in the live catalog, without locking or changing anything.
<#else>
-- colsync ${m.migration}: alter-type / ${m.purpose}.
<#if m.rewrites>
-- PostgreSQL REWRITES the table and rebuilds its indexes for this change, under ACCESS EXCLUSIVE: reads and
-- writes wait for as long as that takes, which grows with the table. First every value is checked to fit the
-- type (a scan that blocks no one); a value written meanwhile that does not fit fails the ALTER, changing nothing.
<#else>
-- A catalog-only change: PostgreSQL rewrites neither the table nor its indexes, so ACCESS EXCLUSIVE is held
-- for milliseconds whatever the row count. The checks below run under that lock and refuse whatever would
-- make PostgreSQL rebuild after all.
</#if>
-- Each attempt waits at most lock_timeout for the lock; one that times out is retried, ${m.attempts} attempts
-- in all. Once the column has the type, a second run changes nothing.
</#if>
<@o.timeouts m.table/>
SET LOCAL search_path = pg_catalog, pg_temp;
DO ${m.quote}
#variable_conflict use_column
DECLARE
  colsync_tbl pg_catalog.oid := pg_catalog.to_regclass(${m.tableLiteral});
  colsync_col pg_catalog.int2;
  colsync_typ pg_catalog.oid;
  colsync_mods pg_catalog.int4;
  colsync_coll pg_catalog.oid;
  colsync_found_names pg_catalog.text;
<#if m.scanFirst>
  colsync_unfit boolean;
</#if>
<#if !m.checkOnly>
  colsync_attempt pg_catalog.int4 := 1;
</#if>
BEGIN
  IF colsync_tbl IS NULL THEN
    RAISE EXCEPTION 'colsync ${m.migration}: table % does not exist', ${m.tableLiteral};
  END IF;
  SELECT a.attnum, a.atttypid, a.atttypmod INTO colsync_col, colsync_typ, colsync_mods FROM pg_catalog.pg_attribute AS a
   WHERE a.attrelid OPERATOR(pg_catalog.=) colsync_tbl AND a.attname OPERATOR(pg_catalog.=) ${m.columnLiteral}
     AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped;
  IF colsync_col IS NULL THEN
    RAISE EXCEPTION 'colsync ${m.migration}: table % has no column %', ${m.tableLiteral}, ${m.columnLiteral};
  END IF;
  IF colsync_typ OPERATOR(pg_catalog.=) pg_catalog.to_regtype(${m.toRegtype}) AND colsync_mods OPERATOR(pg_catalog.=) ${m.toModifier?c} THEN
    RAISE NOTICE 'colsync ${m.migration}: column % of % has type % already; nothing to do', ${m.columnLiteral},
      ${m.tableLiteral}, ${m.toLabel};
    RETURN;
  END IF;
<#if m.scanFirst>
  BEGIN
    SELECT EXISTS (SELECT FROM ${m.table.qualified}
                    WHERE NOT (${m.column} OPERATOR(pg_catalog.=) CAST(${m.column} AS ${m.toSql}))) INTO colsync_unfit;
  EXCEPTION WHEN data_exception THEN
    colsync_unfit := true;
  END;
  IF colsync_unfit THEN
    RAISE EXCEPTION 'colsync ${m.migration}: column % of % holds values that type % cannot hold as they are',
      ${m.columnLiteral}, ${m.tableLiteral}, ${m.toLabel}
      USING HINT = 'Change or remove those values first; the type was not changed.';
  END IF;
</#if>
<#if !m.checkOnly>
  LOOP
    BEGIN
      LOCK TABLE ${m.table.qualified} IN ACCESS EXCLUSIVE MODE;
      SELECT a.atttypid, a.atttypmod, a.attcollation INTO colsync_typ, colsync_mods, colsync_coll FROM pg_catalog.pg_attribute AS a
       WHERE a.attrelid OPERATOR(pg_catalog.=) colsync_tbl AND a.attnum OPERATOR(pg_catalog.=) colsync_col;
<#else>
      SELECT a.attcollation INTO colsync_coll FROM pg_catalog.pg_attribute AS a
       WHERE a.attrelid OPERATOR(pg_catalog.=) colsync_tbl AND a.attnum OPERATOR(pg_catalog.=) colsync_col;
</#if>
      IF colsync_typ OPERATOR(pg_catalog.=) pg_catalog.to_regtype(${m.toRegtype}) AND colsync_mods OPERATOR(pg_catalog.=) ${m.toModifier?c} THEN
        RAISE NOTICE 'colsync ${m.migration}: column % of % has type % already; nothing to do', ${m.columnLiteral},
          ${m.tableLiteral}, ${m.toLabel};
        RETURN;
      END IF;
      IF colsync_typ OPERATOR(pg_catalog.<>) pg_catalog.to_regtype(${m.fromRegtype}) OR colsync_mods OPERATOR(pg_catalog.<>) ${m.fromModifier?c} THEN
        RAISE EXCEPTION 'colsync ${m.migration}: column % of % has type %, not % (nor %): the spec does not describe this table',
          ${m.columnLiteral}, ${m.tableLiteral}, pg_catalog.format_type(colsync_typ, colsync_mods), ${m.fromLabel}, ${m.toLabel};
      END IF;
<#if !m.rewrites>
      IF EXISTS (SELECT FROM pg_catalog.pg_class AS c WHERE c.oid OPERATOR(pg_catalog.=) colsync_tbl
                  AND c.relkind OPERATOR(pg_catalog.<>) 'r')
         OR EXISTS (SELECT FROM pg_catalog.pg_inherits AS i
                     WHERE i.inhparent OPERATOR(pg_catalog.=) colsync_tbl OR i.inhrelid OPERATOR(pg_catalog.=) colsync_tbl) THEN
        RAISE EXCEPTION 'colsync ${m.migration}: % is partitioned or part of an inheritance tree; a catalog-only type change is made on a plain table only',
          ${m.tableLiteral} USING HINT = 'Use strategy: copy.';
      END IF;
      IF colsync_coll OPERATOR(pg_catalog.<>) (SELECT t.typcollation FROM pg_catalog.pg_type AS t
                                        WHERE t.oid OPERATOR(pg_catalog.=) pg_catalog.to_regtype(${m.toRegtype})) THEN
        RAISE EXCEPTION 'colsync ${m.migration}: column % of % has a collation of its own, which ALTER … TYPE would reset, rebuilding its indexes',
          ${m.columnLiteral}, ${m.tableLiteral} USING HINT = 'Use strategy: copy.';
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
        RAISE EXCEPTION 'colsync ${m.migration}: PostgreSQL would rebuild these indexes over column % (an expression, a predicate or an exclusion): %',
          ${m.columnLiteral}, colsync_found_names USING HINT = 'Use strategy: copy.';
      END IF;
      SELECT pg_catalog.string_agg(k.conname::pg_catalog.text, ', ') INTO colsync_found_names
        FROM pg_catalog.pg_constraint AS k
       WHERE k.conrelid OPERATOR(pg_catalog.=) colsync_tbl AND k.contype OPERATOR(pg_catalog.=) ANY (ARRAY['c', 'f', 'x']::pg_catalog."char"[])
         AND colsync_col OPERATOR(pg_catalog.=) ANY (k.conkey)
          OR k.confrelid OPERATOR(pg_catalog.=) colsync_tbl AND colsync_col OPERATOR(pg_catalog.=) ANY (k.confkey);
      IF colsync_found_names IS NOT NULL THEN
        RAISE EXCEPTION 'colsync ${m.migration}: PostgreSQL would check these constraints over column % again, scanning: %',
          ${m.columnLiteral}, colsync_found_names USING HINT = 'Use strategy: copy.';
      END IF;
</#if>
<#if m.checkOnly>
  RAISE NOTICE 'colsync ${m.migration}: column % of % can change from % to % in the catalog alone', ${m.columnLiteral},
    ${m.tableLiteral}, ${m.fromLabel}, ${m.toLabel};
<#else>
      ALTER TABLE ${m.table.qualified} ALTER COLUMN ${m.column} TYPE ${m.toSql};
      RETURN;
    EXCEPTION WHEN lock_not_available THEN
      IF colsync_attempt OPERATOR(pg_catalog.>=) ${m.attempts} THEN
        RAISE;
      END IF;
      RAISE NOTICE 'colsync ${m.migration}: no lock on % within lock_timeout (attempt % of %); retrying',
        ${m.tableLiteral}, colsync_attempt, ${m.attempts};
      PERFORM pg_catalog.pg_sleep(${m.pauseMillis?c} * colsync_attempt / 1000.0);
      colsync_attempt := colsync_attempt OPERATOR(pg_catalog.+) 1;
    END;
  END LOOP;
</#if>
END
${m.quote};
