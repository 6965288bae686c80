<#-- What expand asserts before it changes anything, shared with the check colsync validate --url runs. -->
<#macro declarations>
  colsync_problems text[] := ARRAY[]::text[];
  colsync_recorded boolean := false;
  colsync_old_exists boolean;
  colsync_new_exists boolean;
  colsync_ours boolean;
  colsync_publications text;
</#macro>

<#-- The table as the spec says it is; RETURNs (with a notice) when the migration is past expand. -->
<#macro checks p>
  SET LOCAL search_path = pg_catalog;
  IF pg_catalog.to_regclass(${p.table}) IS NULL THEN
    RAISE EXCEPTION USING ERRCODE = 'undefined_table',
      MESSAGE = pg_catalog.format('colsync %s: expand refused: table %s does not exist', ${p.migration}, ${p.table}),
      HINT = 'The spec''s table is schema.name, as the catalog spells them; nothing was changed.';
  END IF;
  colsync_old_exists := ${p.oldExists};
  colsync_new_exists := ${p.newExists};
  colsync_ours := ${p.ours};
<#if p.cutOver != "false">
  IF ${p.cutOver} THEN
    RAISE NOTICE 'colsync %: %', ${p.migration}, ${p.doneNotice};
    RETURN;
  END IF;
</#if>
  IF ${p.contracted} THEN
<@contractRecorded p.migration/>
    IF colsync_recorded THEN
      RAISE NOTICE 'colsync %: %', ${p.migration}, ${p.doneNotice};
      RETURN;
    END IF;
  END IF;
<#list p.checks as check>
  IF ${check.whenWrong} THEN
    colsync_problems := colsync_problems OPERATOR(pg_catalog.||) ${check.message};
  END IF;
</#list>
  IF pg_catalog.cardinality(colsync_problems) OPERATOR(pg_catalog.>) 0 THEN
    RAISE EXCEPTION USING ERRCODE = 'object_not_in_prerequisite_state',
      MESSAGE = pg_catalog.format('colsync %s: expand refused, the table is not as the spec says: %s',
        ${p.migration}, pg_catalog.array_to_string(colsync_problems, '; ')),
      HINT = 'Nothing was changed. Correct the spec, or write it again from this database: colsync scaffold --url.';
  END IF;
  IF ${p.rerun} THEN
    RAISE NOTICE 'colsync %: %', ${p.migration}, ${p.rerunNotice};
  END IF;
<@published p/>

</#macro>

<#-- Warns when the table (or a partition of it) is in a publication: DDL does not replicate, so every
     subscriber needs the new column before the sync trigger here starts to write it. -->
<#macro published p>
  colsync_publications := (
    SELECT pg_catalog.string_agg(DISTINCT pg_catalog.quote_ident(pt.pubname), ', ')
      FROM (SELECT pg_catalog.to_regclass(${p.table}) AS relid
            UNION SELECT t.relid FROM pg_catalog.pg_partition_tree(pg_catalog.to_regclass(${p.table})) AS t) AS tree
      JOIN pg_catalog.pg_class AS c ON c.oid = tree.relid
      JOIN pg_catalog.pg_namespace AS n ON n.oid = c.relnamespace
      JOIN pg_catalog.pg_publication_tables AS pt ON pt.schemaname = n.nspname AND pt.tablename = c.relname);
  IF colsync_publications IS NOT NULL THEN
    RAISE WARNING USING
      MESSAGE = pg_catalog.format('colsync %s: table %s is in publication %s: each subscriber must have column %I'
        ' before this expand runs, or it stops applying the table''s changes', ${p.migration}, ${p.table},
        colsync_publications, ${p.newColumn}),
      HINT = pg_catalog.format('DDL does not replicate. On each subscriber first: %s; the runbook''s section on'
        ' subscribers says what else each phase needs there (contract runs there last).', ${p.subscriberAddColumn});
  END IF;
</#macro>

<#-- What the functions holding up and down ({@code functions}, an oid[] expression) were bound to. -->
<#macro binding p functions>
  -- up and down were bound to functions and operators as their functions were created. Each must be
  -- immutable or stable, read no table, and belong to pg_catalog, an extension, a superuser or a role of
  -- this session: an object someone else planted on the search path would otherwise have captured them.
  SET LOCAL search_path = pg_catalog;
  colsync_problems := ARRAY(
    SELECT DISTINCT pg_catalog.format('%s %s %s', u.kind, u.name, CASE
        WHEN u.kind = 'table' THEN 'is read: up and down may use only their own column'
        WHEN u.volatile THEN 'is volatile: the trigger, the backfill and verify could compute different values'
          || ' (declare it IMMUTABLE or STABLE if it is)'
        ELSE pg_catalog.format('belongs to role %s in schema %s, neither this session''s role nor a superuser',
          u.owner::pg_catalog.regrole, u.namespace::pg_catalog.regnamespace) END)
    FROM (
      SELECT 'function' AS kind, f.oid::pg_catalog.regprocedure::text AS name, f.provolatile = 'v' AS volatile,
          f.proowner AS owner, f.pronamespace AS namespace, d.refclassid AS catalog, f.oid
        FROM pg_catalog.pg_depend AS d JOIN pg_catalog.pg_proc AS f ON f.oid = d.refobjid
        WHERE d.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass AND d.objid = ANY (${functions})
          AND d.refclassid = 'pg_catalog.pg_proc'::pg_catalog.regclass
          AND d.refobjid <> ALL (${functions})
      UNION ALL
      SELECT 'operator', o.oid::pg_catalog.regoperator::text, f.provolatile = 'v', o.oprowner, o.oprnamespace,
          d.refclassid, o.oid
        FROM pg_catalog.pg_depend AS d JOIN pg_catalog.pg_operator AS o ON o.oid = d.refobjid
          JOIN pg_catalog.pg_proc AS f ON f.oid = o.oprcode
        WHERE d.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass AND d.objid = ANY (${functions})
          AND d.refclassid = 'pg_catalog.pg_operator'::pg_catalog.regclass
      UNION ALL
      SELECT 'table', c.oid::pg_catalog.regclass::text, false, c.relowner, c.relnamespace, d.refclassid, c.oid
        FROM pg_catalog.pg_depend AS d JOIN pg_catalog.pg_class AS c ON c.oid = d.refobjid
        WHERE d.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass AND d.objid = ANY (${functions})
          AND d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass AND c.relkind <> 'c'
    ) AS u
    WHERE u.kind = 'table' OR u.volatile OR (u.namespace <> 'pg_catalog'::pg_catalog.regnamespace
      AND NOT EXISTS (SELECT FROM pg_catalog.pg_roles AS r WHERE r.oid = u.owner AND r.rolsuper)
      AND NOT EXISTS (SELECT FROM pg_catalog.pg_depend AS e
        WHERE e.classid = u.catalog AND e.objid = u.oid AND e.deptype = 'e')
      AND u.owner NOT IN (WITH RECURSIVE mine(role) AS (
          SELECT r.oid FROM pg_catalog.pg_roles AS r WHERE r.rolname = CURRENT_USER
          UNION SELECT m.roleid FROM pg_catalog.pg_auth_members AS m JOIN mine ON m.member = mine.role)
        SELECT mine.role FROM mine))
    ORDER BY 1);
  IF pg_catalog.cardinality(colsync_problems) > 0 THEN
    RAISE EXCEPTION USING ERRCODE = 'object_not_in_prerequisite_state',
      MESSAGE = pg_catalog.format('colsync %s: expand refused, up or down is not a safe function of its column: %s',
        ${p.migration}, pg_catalog.array_to_string(colsync_problems, '; ')),
      HINT = 'Nothing was changed. Name the object you mean with its schema (pg_catalog.round(...),'
        || ' OPERATOR(pg_catalog.*)), or remove the object that should not be there.';
  END IF;
</#macro>

<#-- Sets colsync_recorded when colsync recorded a convergence check or an override for {@code migration}. -->
<#macro contractRecorded migration>
    IF pg_catalog.to_regclass('colsync.convergence_checks') IS NOT NULL THEN
      colsync_recorded := EXISTS (SELECT FROM colsync.convergence_checks AS c
        WHERE c.migration OPERATOR(pg_catalog.=) ${migration});
    END IF;
    IF NOT colsync_recorded AND pg_catalog.to_regclass('colsync.gate_overrides') IS NOT NULL THEN
      colsync_recorded := EXISTS (SELECT FROM colsync.gate_overrides AS g
        WHERE g.migration OPERATOR(pg_catalog.=) ${migration});
    END IF;
</#macro>
