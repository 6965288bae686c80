-- colsync stock_sku: expand / add the new column and the sync trigger.
-- One transaction; N-1 may be running. Takes ACCESS EXCLUSIVE on the table for milliseconds.
SET LOCAL lock_timeout = '2000ms';
SET LOCAL statement_timeout = '30000ms';
-- Before it changes anything, expand checks the live table against the spec (the old column's type and
-- nullability, the key the backfill walks, the objects the spec recorded, and that the new column is
-- absent or this migration's own) and stops naming every mismatch. Once the migration has been
-- contracted, it does nothing.
DO $colsync_expand$
#variable_conflict use_column
DECLARE
  colsync_problems text[] := ARRAY[]::text[];
  colsync_recorded boolean := false;
  colsync_old_exists boolean;
  colsync_new_exists boolean;
  colsync_ours boolean;
  colsync_publications text;
BEGIN
  SET LOCAL search_path = pg_catalog;
  IF pg_catalog.to_regclass('"shop"."stock"') IS NULL THEN
    RAISE EXCEPTION USING ERRCODE = 'undefined_table',
      MESSAGE = pg_catalog.format('colsync %s: expand refused: table %s does not exist', 'stock_sku', '"shop"."stock"'),
      HINT = 'The spec''s table is schema.name, as the catalog spells them; nothing was changed.';
  END IF;
  colsync_old_exists := EXISTS (SELECT FROM pg_catalog.pg_attribute AS a WHERE a.attrelid OPERATOR(pg_catalog.=) '"shop"."stock"'::pg_catalog.regclass AND a.attname OPERATOR(pg_catalog.=) 'code' AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped);
  colsync_new_exists := EXISTS (SELECT FROM pg_catalog.pg_attribute AS a WHERE a.attrelid OPERATOR(pg_catalog.=) '"shop"."stock"'::pg_catalog.regclass AND a.attname OPERATOR(pg_catalog.=) 'sku' AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped);
  colsync_ours := pg_catalog.to_regprocedure('"shop"."colsync_stock_sku_sync"()') IS NOT NULL OR EXISTS (SELECT FROM pg_catalog.pg_trigger AS t WHERE t.tgrelid OPERATOR(pg_catalog.=) '"shop"."stock"'::pg_catalog.regclass AND t.tgname OPERATOR(pg_catalog.=) ANY (ARRAY['~colsync_stock_sku_new_written', '~colsync_stock_sku_sync']::pg_catalog.name[]));
  IF NOT colsync_old_exists AND colsync_new_exists AND NOT colsync_ours THEN
    IF pg_catalog.to_regclass('colsync.convergence_checks') IS NOT NULL THEN
      colsync_recorded := EXISTS (SELECT FROM colsync.convergence_checks AS c
        WHERE c.migration OPERATOR(pg_catalog.=) 'stock_sku');
    END IF;
    IF NOT colsync_recorded AND pg_catalog.to_regclass('colsync.gate_overrides') IS NOT NULL THEN
      colsync_recorded := EXISTS (SELECT FROM colsync.gate_overrides AS g
        WHERE g.migration OPERATOR(pg_catalog.=) 'stock_sku');
    END IF;
    IF colsync_recorded THEN
      RAISE NOTICE 'colsync %: %', 'stock_sku', 'column code is gone and sku exists: contract has run already; nothing to do';
      RETURN;
    END IF;
  END IF;
  IF NOT colsync_old_exists THEN
    colsync_problems := colsync_problems OPERATOR(pg_catalog.||) pg_catalog.format('column %I of %s does not exist', 'code', '"shop"."stock"');
  END IF;
  IF colsync_old_exists AND NOT EXISTS (SELECT FROM pg_catalog.pg_attribute AS a WHERE a.attrelid OPERATOR(pg_catalog.=) '"shop"."stock"'::pg_catalog.regclass AND a.attname OPERATOR(pg_catalog.=) 'code' AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped AND a.atttypid OPERATOR(pg_catalog.=) pg_catalog.to_regtype('text') AND a.atttypmod OPERATOR(pg_catalog.=) -1) THEN
    colsync_problems := colsync_problems OPERATOR(pg_catalog.||) pg_catalog.format('column %I of %s is %s, but the spec says %s', 'code', '"shop"."stock"', (SELECT pg_catalog.format_type(a.atttypid, a.atttypmod) FROM pg_catalog.pg_attribute AS a WHERE a.attrelid OPERATOR(pg_catalog.=) '"shop"."stock"'::pg_catalog.regclass AND a.attname OPERATOR(pg_catalog.=) 'code' AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped), 'text');
  END IF;
  IF colsync_old_exists AND NOT EXISTS (SELECT FROM pg_catalog.pg_attribute AS a WHERE a.attrelid OPERATOR(pg_catalog.=) '"shop"."stock"'::pg_catalog.regclass AND a.attname OPERATOR(pg_catalog.=) 'code' AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped AND a.attnotnull OPERATOR(pg_catalog.=) true) THEN
    colsync_problems := colsync_problems OPERATOR(pg_catalog.||) pg_catalog.format('column %I of %s is %s, but the spec says %s', 'code', '"shop"."stock"', (SELECT CASE WHEN a.attnotnull THEN 'NOT NULL' ELSE 'nullable' END FROM pg_catalog.pg_attribute AS a WHERE a.attrelid OPERATOR(pg_catalog.=) '"shop"."stock"'::pg_catalog.regclass AND a.attname OPERATOR(pg_catalog.=) 'code' AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped), 'NOT NULL');
  END IF;
  IF colsync_new_exists AND NOT colsync_ours THEN
    colsync_problems := colsync_problems OPERATOR(pg_catalog.||) pg_catalog.format('column %I of %s exists already and is not this migration''s: expand would overwrite it', 'sku', '"shop"."stock"');
  END IF;
  IF colsync_new_exists AND colsync_ours AND NOT EXISTS (SELECT FROM pg_catalog.pg_attribute AS a WHERE a.attrelid OPERATOR(pg_catalog.=) '"shop"."stock"'::pg_catalog.regclass AND a.attname OPERATOR(pg_catalog.=) 'sku' AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped AND a.atttypid OPERATOR(pg_catalog.=) pg_catalog.to_regtype('text') AND a.atttypmod OPERATOR(pg_catalog.=) -1) THEN
    colsync_problems := colsync_problems OPERATOR(pg_catalog.||) pg_catalog.format('column %I of %s, made by an earlier expand, is %s, but the spec says %s', 'sku', '"shop"."stock"', (SELECT pg_catalog.format_type(a.atttypid, a.atttypmod) FROM pg_catalog.pg_attribute AS a WHERE a.attrelid OPERATOR(pg_catalog.=) '"shop"."stock"'::pg_catalog.regclass AND a.attname OPERATOR(pg_catalog.=) 'sku' AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped), 'text');
  END IF;
  IF NOT EXISTS (SELECT FROM pg_catalog.pg_index AS i WHERE i.indrelid OPERATOR(pg_catalog.=) '"shop"."stock"'::pg_catalog.regclass AND i.indisunique AND i.indisvalid AND i.indpred IS NULL AND i.indexprs IS NULL AND i.indnkeyatts OPERATOR(pg_catalog.=) 2 AND (SELECT pg_catalog.count(*) FROM pg_catalog.unnest(i.indkey::pg_catalog.int2[]) WITH ORDINALITY AS k(attnum, n) JOIN pg_catalog.pg_attribute AS a ON a.attrelid OPERATOR(pg_catalog.=) i.indrelid AND a.attnum OPERATOR(pg_catalog.=) k.attnum WHERE k.n OPERATOR(pg_catalog.<=) i.indnkeyatts AND a.attnotnull AND a.attname OPERATOR(pg_catalog.=) ANY (ARRAY['tenant', 'code']::pg_catalog.name[])) OPERATOR(pg_catalog.=) 2) THEN
    colsync_problems := colsync_problems OPERATOR(pg_catalog.||) pg_catalog.format('%s has no primary key or unique index on exactly (%s) over NOT NULL columns, which the backfill walks', '"shop"."stock"', 'tenant, code');
  END IF;
  IF (SELECT pg_catalog.pg_get_indexdef(i.indexrelid) FROM pg_catalog.pg_index AS i JOIN pg_catalog.pg_class AS c ON c.oid OPERATOR(pg_catalog.=) i.indexrelid WHERE i.indrelid OPERATOR(pg_catalog.=) '"shop"."stock"'::pg_catalog.regclass AND c.relname OPERATOR(pg_catalog.=) 'stock_key') IS DISTINCT FROM 'CREATE UNIQUE INDEX stock_key ON shop.stock USING btree (tenant, code)' THEN
    colsync_problems := colsync_problems OPERATOR(pg_catalog.||) pg_catalog.format('the index %s is not as the spec records it: the database has %s, the spec %s', 'stock_key', COALESCE((SELECT pg_catalog.pg_get_indexdef(i.indexrelid) FROM pg_catalog.pg_index AS i JOIN pg_catalog.pg_class AS c ON c.oid OPERATOR(pg_catalog.=) i.indexrelid WHERE i.indrelid OPERATOR(pg_catalog.=) '"shop"."stock"'::pg_catalog.regclass AND c.relname OPERATOR(pg_catalog.=) 'stock_key'), 'none'), 'CREATE UNIQUE INDEX stock_key ON shop.stock USING btree (tenant, code)');
  END IF;
  IF EXISTS (SELECT FROM pg_catalog.pg_trigger AS t WHERE t.tgrelid OPERATOR(pg_catalog.=) '"shop"."stock"'::pg_catalog.regclass AND NOT t.tgisinternal AND t.tgname OPERATOR(pg_catalog.<>) ALL (ARRAY['~colsync_stock_sku_new_written', '~colsync_stock_sku_sync']::pg_catalog.name[]) AND (EXISTS (SELECT FROM pg_catalog.pg_depend AS d WHERE d.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_trigger'::pg_catalog.regclass AND d.objid OPERATOR(pg_catalog.=) t.oid AND d.refobjid OPERATOR(pg_catalog.=) t.tgrelid AND d.refobjsubid OPERATOR(pg_catalog.=) (SELECT a.attnum FROM pg_catalog.pg_attribute AS a WHERE a.attrelid OPERATOR(pg_catalog.=) '"shop"."stock"'::pg_catalog.regclass AND a.attname OPERATOR(pg_catalog.=) 'code' AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped)) OR 'code' OPERATOR(pg_catalog.=) ANY (pg_catalog.string_to_array(pg_catalog.encode(t.tgargs, 'escape'), E'\\000')))) THEN
    colsync_problems := colsync_problems OPERATOR(pg_catalog.||) (SELECT pg_catalog.format('trigger %s of %s uses column %I (in its UPDATE OF list, WHEN condition or arguments) and would fail every write once contract drops it; colsync cannot rewrite a trigger: drop it before expand and create it again over the new column after contract', pg_catalog.string_agg(pg_catalog.quote_ident(t.tgname), ', ' ORDER BY t.tgname), '"shop"."stock"', 'code') FROM pg_catalog.pg_trigger AS t WHERE t.tgrelid OPERATOR(pg_catalog.=) '"shop"."stock"'::pg_catalog.regclass AND NOT t.tgisinternal AND t.tgname OPERATOR(pg_catalog.<>) ALL (ARRAY['~colsync_stock_sku_new_written', '~colsync_stock_sku_sync']::pg_catalog.name[]) AND (EXISTS (SELECT FROM pg_catalog.pg_depend AS d WHERE d.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_trigger'::pg_catalog.regclass AND d.objid OPERATOR(pg_catalog.=) t.oid AND d.refobjid OPERATOR(pg_catalog.=) t.tgrelid AND d.refobjsubid OPERATOR(pg_catalog.=) (SELECT a.attnum FROM pg_catalog.pg_attribute AS a WHERE a.attrelid OPERATOR(pg_catalog.=) '"shop"."stock"'::pg_catalog.regclass AND a.attname OPERATOR(pg_catalog.=) 'code' AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped)) OR 'code' OPERATOR(pg_catalog.=) ANY (pg_catalog.string_to_array(pg_catalog.encode(t.tgargs, 'escape'), E'\\000'))));
  END IF;
  IF pg_catalog.cardinality(colsync_problems) OPERATOR(pg_catalog.>) 0 THEN
    RAISE EXCEPTION USING ERRCODE = 'object_not_in_prerequisite_state',
      MESSAGE = pg_catalog.format('colsync %s: expand refused, the table is not as the spec says: %s',
        'stock_sku', pg_catalog.array_to_string(colsync_problems, '; ')),
      HINT = 'Nothing was changed. Correct the spec, or write it again from this database: colsync scaffold --url.';
  END IF;
  IF colsync_new_exists AND colsync_ours THEN
    RAISE NOTICE 'colsync %: %', 'stock_sku', 'expand has run already; its functions and triggers are created again as they were';
  END IF;
  colsync_publications := (
    SELECT pg_catalog.string_agg(DISTINCT pg_catalog.quote_ident(pt.pubname), ', ')
      FROM (SELECT pg_catalog.to_regclass('"shop"."stock"') AS relid
            UNION SELECT t.relid FROM pg_catalog.pg_partition_tree(pg_catalog.to_regclass('"shop"."stock"')) AS t) AS tree
      JOIN pg_catalog.pg_class AS c ON c.oid = tree.relid
      JOIN pg_catalog.pg_namespace AS n ON n.oid = c.relnamespace
      JOIN pg_catalog.pg_publication_tables AS pt ON pt.schemaname = n.nspname AND pt.tablename = c.relname);
  IF colsync_publications IS NOT NULL THEN
    RAISE WARNING USING
      MESSAGE = pg_catalog.format('colsync %s: table %s is in publication %s: each subscriber must have column %I'
        ' before this expand runs, or it stops applying the table''s changes', 'stock_sku', '"shop"."stock"',
        colsync_publications, 'sku'),
      HINT = pg_catalog.format('DDL does not replicate. On each subscriber first: %s; the runbook''s section on'
        ' subscribers says what else each phase needs there (contract runs there last).', 'ALTER TABLE "shop"."stock" ADD COLUMN IF NOT EXISTS "sku" text');
  END IF;


SET LOCAL search_path = pg_catalog, "shop", pg_temp;
ALTER TABLE "shop"."stock" ADD COLUMN IF NOT EXISTS "sku" text;

-- up, down and the comparisons the sync function makes, as SQL functions whose bodies PostgreSQL binds
-- now, under this search path, and inlines where they are called: the trigger function then depends on
-- no caller's search_path without a SET clause of its own, which would cost every write a few
-- microseconds.
SET LOCAL search_path = pg_catalog, "shop", pg_temp;
CREATE OR REPLACE FUNCTION "shop"."colsync_stock_sku_to_new"(text) RETURNS text
LANGUAGE sql SECURITY INVOKER
RETURN ($1);

CREATE OR REPLACE FUNCTION "shop"."colsync_stock_sku_to_old"(text) RETURNS text
LANGUAGE sql SECURITY INVOKER
RETURN ($1);

CREATE OR REPLACE FUNCTION "shop"."colsync_stock_sku_old_differs"(text, text) RETURNS boolean
LANGUAGE sql SECURITY INVOKER
RETURN $1 IS DISTINCT FROM $2;

CREATE OR REPLACE FUNCTION "shop"."colsync_stock_sku_new_differs"(text, text) RETURNS boolean
LANGUAGE sql SECURITY INVOKER
RETURN $1 IS DISTINCT FROM $2;

-- Keeps the two columns equal whichever application version writes. Direction is decided by the
-- data, never by the session: a write to the new column wins and the old one follows unless it
-- already agrees; a write to the old column only (or an INSERT without the new one) sets the new
-- one. An UPDATE that writes neither leaves both alone: the backfill converges untouched rows.
-- A new value the old column cannot hold exactly (up(down(new)) <> new) is refused rather than
-- silently changed, so no write is ever lost. Every operator is pg_catalog's by name.
CREATE OR REPLACE FUNCTION "shop"."colsync_stock_sku_sync"() RETURNS trigger
LANGUAGE plpgsql SECURITY INVOKER
AS $colsync$
DECLARE
  colsync_agrees boolean;
BEGIN
  -- Fired by the UPDATE OF trigger (first, by name), an UPDATE that names the new column in its SET
  -- list writes it, even with the value it already had.
  IF TG_NARGS OPERATOR(pg_catalog.>) 0 OR (TG_OP OPERATOR(pg_catalog.=) 'INSERT' AND NEW."sku" IS NOT NULL)
     OR (TG_OP OPERATOR(pg_catalog.=) 'UPDATE' AND "shop"."colsync_stock_sku_new_differs"(NEW."sku", OLD."sku")) THEN
    IF "shop"."colsync_stock_sku_old_differs"(NEW."code", "shop"."colsync_stock_sku_to_old"(NEW."sku")) THEN
      BEGIN
        -- An old value up() cannot convert disagrees with any new value; it must not fail the write.
        colsync_agrees := NOT "shop"."colsync_stock_sku_new_differs"(NEW."sku", "shop"."colsync_stock_sku_to_new"(NEW."code"));
      EXCEPTION WHEN data_exception THEN
        colsync_agrees := false;
      END;
      IF NOT colsync_agrees THEN
        NEW."code" := "shop"."colsync_stock_sku_to_old"(NEW."sku");
        IF "shop"."colsync_stock_sku_new_differs"(NEW."sku", "shop"."colsync_stock_sku_to_new"(NEW."code")) THEN
          RAISE EXCEPTION USING ERRCODE = 'data_exception', MESSAGE = 'colsync stock_sku: the value written to column "sku" cannot be stored in column "code" without changing it',
            HINT = 'Only values the old column can hold may be written while both columns are in use.';
        END IF;
      END IF;
    END IF;
  ELSIF TG_OP OPERATOR(pg_catalog.=) 'INSERT' OR "shop"."colsync_stock_sku_old_differs"(NEW."code", OLD."code") THEN
    NEW."sku" := "shop"."colsync_stock_sku_to_new"(NEW."code");
  END IF;
  RETURN NEW;
END
$colsync$;

CREATE OR REPLACE TRIGGER "~colsync_stock_sku_new_written"
  BEFORE UPDATE OF "sku" ON "shop"."stock"
  FOR EACH ROW EXECUTE FUNCTION "shop"."colsync_stock_sku_sync"('new column written');

CREATE OR REPLACE TRIGGER "~colsync_stock_sku_sync"
  BEFORE INSERT OR UPDATE ON "shop"."stock"
  FOR EACH ROW EXECUTE FUNCTION "shop"."colsync_stock_sku_sync"();

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
        WHERE d.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass AND d.objid = ANY (ARRAY[pg_catalog.to_regprocedure('"shop"."colsync_stock_sku_to_new"(text)'), pg_catalog.to_regprocedure('"shop"."colsync_stock_sku_to_old"(text)')]::pg_catalog.oid[])
          AND d.refclassid = 'pg_catalog.pg_proc'::pg_catalog.regclass
          AND d.refobjid <> ALL (ARRAY[pg_catalog.to_regprocedure('"shop"."colsync_stock_sku_to_new"(text)'), pg_catalog.to_regprocedure('"shop"."colsync_stock_sku_to_old"(text)')]::pg_catalog.oid[])
      UNION ALL
      SELECT 'operator', o.oid::pg_catalog.regoperator::text, f.provolatile = 'v', o.oprowner, o.oprnamespace,
          d.refclassid, o.oid
        FROM pg_catalog.pg_depend AS d JOIN pg_catalog.pg_operator AS o ON o.oid = d.refobjid
          JOIN pg_catalog.pg_proc AS f ON f.oid = o.oprcode
        WHERE d.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass AND d.objid = ANY (ARRAY[pg_catalog.to_regprocedure('"shop"."colsync_stock_sku_to_new"(text)'), pg_catalog.to_regprocedure('"shop"."colsync_stock_sku_to_old"(text)')]::pg_catalog.oid[])
          AND d.refclassid = 'pg_catalog.pg_operator'::pg_catalog.regclass
      UNION ALL
      SELECT 'table', c.oid::pg_catalog.regclass::text, false, c.relowner, c.relnamespace, d.refclassid, c.oid
        FROM pg_catalog.pg_depend AS d JOIN pg_catalog.pg_class AS c ON c.oid = d.refobjid
        WHERE d.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass AND d.objid = ANY (ARRAY[pg_catalog.to_regprocedure('"shop"."colsync_stock_sku_to_new"(text)'), pg_catalog.to_regprocedure('"shop"."colsync_stock_sku_to_old"(text)')]::pg_catalog.oid[])
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
        'stock_sku', pg_catalog.array_to_string(colsync_problems, '; ')),
      HINT = 'Nothing was changed. Name the object you mean with its schema (pg_catalog.round(...),'
        || ' OPERATOR(pg_catalog.*)), or remove the object that should not be there.';
  END IF;
  SET LOCAL search_path = pg_catalog, "shop", pg_temp;
END
$colsync_expand$;
