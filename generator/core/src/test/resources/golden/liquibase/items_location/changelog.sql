--liquibase formatted sql

--changeset colsync:items_location-01-expand-add-column labels:items_location,expand runInTransaction:true rollbackSplitStatements:false splitStatements:false
-- colsync items_location: expand / add the new column and the sync trigger.
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
  IF pg_catalog.to_regclass('"shop"."items"') IS NULL THEN
    RAISE EXCEPTION USING ERRCODE = 'undefined_table',
      MESSAGE = pg_catalog.format('colsync %s: expand refused: table %s does not exist', 'items_location', '"shop"."items"'),
      HINT = 'The spec''s table is schema.name, as the catalog spells them; nothing was changed.';
  END IF;
  colsync_old_exists := EXISTS (SELECT FROM pg_catalog.pg_attribute AS a WHERE a.attrelid OPERATOR(pg_catalog.=) '"shop"."items"'::pg_catalog.regclass AND a.attname OPERATOR(pg_catalog.=) 'path' AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped);
  colsync_new_exists := EXISTS (SELECT FROM pg_catalog.pg_attribute AS a WHERE a.attrelid OPERATOR(pg_catalog.=) '"shop"."items"'::pg_catalog.regclass AND a.attname OPERATOR(pg_catalog.=) 'location' AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped);
  colsync_ours := pg_catalog.to_regprocedure('"shop"."colsync_items_location_sync"()') IS NOT NULL OR EXISTS (SELECT FROM pg_catalog.pg_trigger AS t WHERE t.tgrelid OPERATOR(pg_catalog.=) '"shop"."items"'::pg_catalog.regclass AND t.tgname OPERATOR(pg_catalog.=) ANY (ARRAY['~colsync_items_location_new_written', '~colsync_items_location_sync']::pg_catalog.name[]));
  IF NOT colsync_old_exists AND colsync_new_exists AND NOT colsync_ours THEN
    IF pg_catalog.to_regclass('colsync.convergence_checks') IS NOT NULL THEN
      colsync_recorded := EXISTS (SELECT FROM colsync.convergence_checks AS c
        WHERE c.migration OPERATOR(pg_catalog.=) 'items_location');
    END IF;
    IF NOT colsync_recorded AND pg_catalog.to_regclass('colsync.gate_overrides') IS NOT NULL THEN
      colsync_recorded := EXISTS (SELECT FROM colsync.gate_overrides AS g
        WHERE g.migration OPERATOR(pg_catalog.=) 'items_location');
    END IF;
    IF colsync_recorded THEN
      RAISE NOTICE 'colsync %: %', 'items_location', 'column path is gone and location exists: contract has run already; nothing to do';
      RETURN;
    END IF;
  END IF;
  IF NOT colsync_old_exists THEN
    colsync_problems := colsync_problems OPERATOR(pg_catalog.||) pg_catalog.format('column %I of %s does not exist', 'path', '"shop"."items"');
  END IF;
  IF colsync_old_exists AND NOT EXISTS (SELECT FROM pg_catalog.pg_attribute AS a WHERE a.attrelid OPERATOR(pg_catalog.=) '"shop"."items"'::pg_catalog.regclass AND a.attname OPERATOR(pg_catalog.=) 'path' AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped AND a.atttypid OPERATOR(pg_catalog.=) pg_catalog.to_regtype('text') AND a.atttypmod OPERATOR(pg_catalog.=) -1) THEN
    colsync_problems := colsync_problems OPERATOR(pg_catalog.||) pg_catalog.format('column %I of %s is %s, but the spec says %s', 'path', '"shop"."items"', (SELECT pg_catalog.format_type(a.atttypid, a.atttypmod) FROM pg_catalog.pg_attribute AS a WHERE a.attrelid OPERATOR(pg_catalog.=) '"shop"."items"'::pg_catalog.regclass AND a.attname OPERATOR(pg_catalog.=) 'path' AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped), 'text');
  END IF;
  IF colsync_old_exists AND NOT EXISTS (SELECT FROM pg_catalog.pg_attribute AS a WHERE a.attrelid OPERATOR(pg_catalog.=) '"shop"."items"'::pg_catalog.regclass AND a.attname OPERATOR(pg_catalog.=) 'path' AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped AND a.attnotnull OPERATOR(pg_catalog.=) true) THEN
    colsync_problems := colsync_problems OPERATOR(pg_catalog.||) pg_catalog.format('column %I of %s is %s, but the spec says %s', 'path', '"shop"."items"', (SELECT CASE WHEN a.attnotnull THEN 'NOT NULL' ELSE 'nullable' END FROM pg_catalog.pg_attribute AS a WHERE a.attrelid OPERATOR(pg_catalog.=) '"shop"."items"'::pg_catalog.regclass AND a.attname OPERATOR(pg_catalog.=) 'path' AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped), 'NOT NULL');
  END IF;
  IF colsync_new_exists AND NOT colsync_ours THEN
    colsync_problems := colsync_problems OPERATOR(pg_catalog.||) pg_catalog.format('column %I of %s exists already and is not this migration''s: expand would overwrite it', 'location', '"shop"."items"');
  END IF;
  IF colsync_new_exists AND colsync_ours AND NOT EXISTS (SELECT FROM pg_catalog.pg_attribute AS a WHERE a.attrelid OPERATOR(pg_catalog.=) '"shop"."items"'::pg_catalog.regclass AND a.attname OPERATOR(pg_catalog.=) 'location' AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped AND a.atttypid OPERATOR(pg_catalog.=) pg_catalog.to_regtype('text') AND a.atttypmod OPERATOR(pg_catalog.=) -1) THEN
    colsync_problems := colsync_problems OPERATOR(pg_catalog.||) pg_catalog.format('column %I of %s, made by an earlier expand, is %s, but the spec says %s', 'location', '"shop"."items"', (SELECT pg_catalog.format_type(a.atttypid, a.atttypmod) FROM pg_catalog.pg_attribute AS a WHERE a.attrelid OPERATOR(pg_catalog.=) '"shop"."items"'::pg_catalog.regclass AND a.attname OPERATOR(pg_catalog.=) 'location' AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped), 'text');
  END IF;
  IF NOT EXISTS (SELECT FROM pg_catalog.pg_index AS i WHERE i.indrelid OPERATOR(pg_catalog.=) '"shop"."items"'::pg_catalog.regclass AND i.indisunique AND i.indisvalid AND i.indpred IS NULL AND i.indexprs IS NULL AND i.indnkeyatts OPERATOR(pg_catalog.=) 1 AND (SELECT pg_catalog.count(*) FROM pg_catalog.unnest(i.indkey::pg_catalog.int2[]) WITH ORDINALITY AS k(attnum, n) JOIN pg_catalog.pg_attribute AS a ON a.attrelid OPERATOR(pg_catalog.=) i.indrelid AND a.attnum OPERATOR(pg_catalog.=) k.attnum WHERE k.n OPERATOR(pg_catalog.<=) i.indnkeyatts AND a.attnotnull AND a.attname OPERATOR(pg_catalog.=) ANY (ARRAY['id']::pg_catalog.name[])) OPERATOR(pg_catalog.=) 1) THEN
    colsync_problems := colsync_problems OPERATOR(pg_catalog.||) pg_catalog.format('%s has no primary key or unique index on exactly (%s) over NOT NULL columns, which the backfill walks', '"shop"."items"', 'id');
  END IF;
  IF (SELECT pg_catalog.pg_get_indexdef(i.indexrelid) FROM pg_catalog.pg_index AS i JOIN pg_catalog.pg_class AS c ON c.oid OPERATOR(pg_catalog.=) i.indexrelid WHERE i.indrelid OPERATOR(pg_catalog.=) '"shop"."items"'::pg_catalog.regclass AND c.relname OPERATOR(pg_catalog.=) 'items_path_key') IS DISTINCT FROM 'CREATE UNIQUE INDEX items_path_key ON shop.items USING btree (path)' THEN
    colsync_problems := colsync_problems OPERATOR(pg_catalog.||) pg_catalog.format('the index %s is not as the spec records it: the database has %s, the spec %s', 'items_path_key', COALESCE((SELECT pg_catalog.pg_get_indexdef(i.indexrelid) FROM pg_catalog.pg_index AS i JOIN pg_catalog.pg_class AS c ON c.oid OPERATOR(pg_catalog.=) i.indexrelid WHERE i.indrelid OPERATOR(pg_catalog.=) '"shop"."items"'::pg_catalog.regclass AND c.relname OPERATOR(pg_catalog.=) 'items_path_key'), 'none'), 'CREATE UNIQUE INDEX items_path_key ON shop.items USING btree (path)');
  END IF;
  IF (SELECT pg_catalog.pg_get_indexdef(i.indexrelid) FROM pg_catalog.pg_index AS i JOIN pg_catalog.pg_class AS c ON c.oid OPERATOR(pg_catalog.=) i.indexrelid WHERE i.indrelid OPERATOR(pg_catalog.=) '"shop"."items"'::pg_catalog.regclass AND c.relname OPERATOR(pg_catalog.=) 'items_path_pattern') IS DISTINCT FROM 'CREATE INDEX items_path_pattern ON shop.items USING btree (path text_pattern_ops) WITH (fillfactor=''70'')' THEN
    colsync_problems := colsync_problems OPERATOR(pg_catalog.||) pg_catalog.format('the index %s is not as the spec records it: the database has %s, the spec %s', 'items_path_pattern', COALESCE((SELECT pg_catalog.pg_get_indexdef(i.indexrelid) FROM pg_catalog.pg_index AS i JOIN pg_catalog.pg_class AS c ON c.oid OPERATOR(pg_catalog.=) i.indexrelid WHERE i.indrelid OPERATOR(pg_catalog.=) '"shop"."items"'::pg_catalog.regclass AND c.relname OPERATOR(pg_catalog.=) 'items_path_pattern'), 'none'), 'CREATE INDEX items_path_pattern ON shop.items USING btree (path text_pattern_ops) WITH (fillfactor=''70'')');
  END IF;
  IF (SELECT pg_catalog.pg_get_indexdef(i.indexrelid) FROM pg_catalog.pg_index AS i JOIN pg_catalog.pg_class AS c ON c.oid OPERATOR(pg_catalog.=) i.indexrelid WHERE i.indrelid OPERATOR(pg_catalog.=) '"shop"."items"'::pg_catalog.regclass AND c.relname OPERATOR(pg_catalog.=) 'items_path_partial') IS DISTINCT FROM 'CREATE INDEX items_path_partial ON shop.items USING btree (other) INCLUDE (path) WHERE (path <> ''p1''::text)' THEN
    colsync_problems := colsync_problems OPERATOR(pg_catalog.||) pg_catalog.format('the index %s is not as the spec records it: the database has %s, the spec %s', 'items_path_partial', COALESCE((SELECT pg_catalog.pg_get_indexdef(i.indexrelid) FROM pg_catalog.pg_index AS i JOIN pg_catalog.pg_class AS c ON c.oid OPERATOR(pg_catalog.=) i.indexrelid WHERE i.indrelid OPERATOR(pg_catalog.=) '"shop"."items"'::pg_catalog.regclass AND c.relname OPERATOR(pg_catalog.=) 'items_path_partial'), 'none'), 'CREATE INDEX items_path_partial ON shop.items USING btree (other) INCLUDE (path) WHERE (path <> ''p1''::text)');
  END IF;
  IF (SELECT pg_catalog.pg_get_constraintdef(k.oid) FROM pg_catalog.pg_constraint AS k WHERE k.conrelid OPERATOR(pg_catalog.=) pg_catalog.to_regclass('shop.items') AND k.conname OPERATOR(pg_catalog.=) 'items_path_check') IS DISTINCT FROM 'CHECK (((shop.subpath(path) > 0) AND (''path''::text <> path)))' THEN
    colsync_problems := colsync_problems OPERATOR(pg_catalog.||) pg_catalog.format('the constraint %s is not as the spec records it: the database has %s, the spec %s', 'items_path_check of shop.items', COALESCE((SELECT pg_catalog.pg_get_constraintdef(k.oid) FROM pg_catalog.pg_constraint AS k WHERE k.conrelid OPERATOR(pg_catalog.=) pg_catalog.to_regclass('shop.items') AND k.conname OPERATOR(pg_catalog.=) 'items_path_check'), 'none'), 'CHECK (((shop.subpath(path) > 0) AND (''path''::text <> path)))');
  END IF;
  IF (SELECT pg_catalog.pg_get_constraintdef(k.oid) FROM pg_catalog.pg_constraint AS k WHERE k.conrelid OPERATOR(pg_catalog.=) pg_catalog.to_regclass('shop.items') AND k.conname OPERATOR(pg_catalog.=) 'items_path_fkey') IS DISTINCT FROM 'FOREIGN KEY (path) REFERENCES shop.codes(code) DEFERRABLE' THEN
    colsync_problems := colsync_problems OPERATOR(pg_catalog.||) pg_catalog.format('the constraint %s is not as the spec records it: the database has %s, the spec %s', 'items_path_fkey of shop.items', COALESCE((SELECT pg_catalog.pg_get_constraintdef(k.oid) FROM pg_catalog.pg_constraint AS k WHERE k.conrelid OPERATOR(pg_catalog.=) pg_catalog.to_regclass('shop.items') AND k.conname OPERATOR(pg_catalog.=) 'items_path_fkey'), 'none'), 'FOREIGN KEY (path) REFERENCES shop.codes(code) DEFERRABLE');
  END IF;
  IF (SELECT pg_catalog.pg_get_constraintdef(k.oid) FROM pg_catalog.pg_constraint AS k WHERE k.conrelid OPERATOR(pg_catalog.=) pg_catalog.to_regclass('shop.notes') AND k.conname OPERATOR(pg_catalog.=) 'notes_item_path_fkey') IS DISTINCT FROM 'FOREIGN KEY (item_path) REFERENCES shop.items(path) ON UPDATE CASCADE NOT VALID' THEN
    colsync_problems := colsync_problems OPERATOR(pg_catalog.||) pg_catalog.format('the constraint %s is not as the spec records it: the database has %s, the spec %s', 'notes_item_path_fkey of shop.notes', COALESCE((SELECT pg_catalog.pg_get_constraintdef(k.oid) FROM pg_catalog.pg_constraint AS k WHERE k.conrelid OPERATOR(pg_catalog.=) pg_catalog.to_regclass('shop.notes') AND k.conname OPERATOR(pg_catalog.=) 'notes_item_path_fkey'), 'none'), 'FOREIGN KEY (item_path) REFERENCES shop.items(path) ON UPDATE CASCADE NOT VALID');
  END IF;
  IF EXISTS (SELECT FROM pg_catalog.pg_trigger AS t WHERE t.tgrelid OPERATOR(pg_catalog.=) '"shop"."items"'::pg_catalog.regclass AND NOT t.tgisinternal AND t.tgname OPERATOR(pg_catalog.<>) ALL (ARRAY['~colsync_items_location_new_written', '~colsync_items_location_sync']::pg_catalog.name[]) AND (EXISTS (SELECT FROM pg_catalog.pg_depend AS d WHERE d.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_trigger'::pg_catalog.regclass AND d.objid OPERATOR(pg_catalog.=) t.oid AND d.refobjid OPERATOR(pg_catalog.=) t.tgrelid AND d.refobjsubid OPERATOR(pg_catalog.=) (SELECT a.attnum FROM pg_catalog.pg_attribute AS a WHERE a.attrelid OPERATOR(pg_catalog.=) '"shop"."items"'::pg_catalog.regclass AND a.attname OPERATOR(pg_catalog.=) 'path' AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped)) OR 'path' OPERATOR(pg_catalog.=) ANY (pg_catalog.string_to_array(pg_catalog.encode(t.tgargs, 'escape'), E'\\000')))) THEN
    colsync_problems := colsync_problems OPERATOR(pg_catalog.||) (SELECT pg_catalog.format('trigger %s of %s uses column %I (in its UPDATE OF list, WHEN condition or arguments) and would fail every write once contract drops it; colsync cannot rewrite a trigger: drop it before expand and create it again over the new column after contract', pg_catalog.string_agg(pg_catalog.quote_ident(t.tgname), ', ' ORDER BY t.tgname), '"shop"."items"', 'path') FROM pg_catalog.pg_trigger AS t WHERE t.tgrelid OPERATOR(pg_catalog.=) '"shop"."items"'::pg_catalog.regclass AND NOT t.tgisinternal AND t.tgname OPERATOR(pg_catalog.<>) ALL (ARRAY['~colsync_items_location_new_written', '~colsync_items_location_sync']::pg_catalog.name[]) AND (EXISTS (SELECT FROM pg_catalog.pg_depend AS d WHERE d.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_trigger'::pg_catalog.regclass AND d.objid OPERATOR(pg_catalog.=) t.oid AND d.refobjid OPERATOR(pg_catalog.=) t.tgrelid AND d.refobjsubid OPERATOR(pg_catalog.=) (SELECT a.attnum FROM pg_catalog.pg_attribute AS a WHERE a.attrelid OPERATOR(pg_catalog.=) '"shop"."items"'::pg_catalog.regclass AND a.attname OPERATOR(pg_catalog.=) 'path' AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped)) OR 'path' OPERATOR(pg_catalog.=) ANY (pg_catalog.string_to_array(pg_catalog.encode(t.tgargs, 'escape'), E'\\000'))));
  END IF;
  IF pg_catalog.cardinality(colsync_problems) OPERATOR(pg_catalog.>) 0 THEN
    RAISE EXCEPTION USING ERRCODE = 'object_not_in_prerequisite_state',
      MESSAGE = pg_catalog.format('colsync %s: expand refused, the table is not as the spec says: %s',
        'items_location', pg_catalog.array_to_string(colsync_problems, '; ')),
      HINT = 'Nothing was changed. Correct the spec, or write it again from this database: colsync scaffold --url.';
  END IF;
  IF colsync_new_exists AND colsync_ours THEN
    RAISE NOTICE 'colsync %: %', 'items_location', 'expand has run already; its functions and triggers are created again as they were';
  END IF;
  colsync_publications := (
    SELECT pg_catalog.string_agg(DISTINCT pg_catalog.quote_ident(pt.pubname), ', ')
      FROM (SELECT pg_catalog.to_regclass('"shop"."items"') AS relid
            UNION SELECT t.relid FROM pg_catalog.pg_partition_tree(pg_catalog.to_regclass('"shop"."items"')) AS t) AS tree
      JOIN pg_catalog.pg_class AS c ON c.oid = tree.relid
      JOIN pg_catalog.pg_namespace AS n ON n.oid = c.relnamespace
      JOIN pg_catalog.pg_publication_tables AS pt ON pt.schemaname = n.nspname AND pt.tablename = c.relname);
  IF colsync_publications IS NOT NULL THEN
    RAISE WARNING USING
      MESSAGE = pg_catalog.format('colsync %s: table %s is in publication %s: each subscriber must have column %I'
        ' before this expand runs, or it stops applying the table''s changes', 'items_location', '"shop"."items"',
        colsync_publications, 'location'),
      HINT = pg_catalog.format('DDL does not replicate. On each subscriber first: %s; the runbook''s section on'
        ' subscribers says what else each phase needs there (contract runs there last).', 'ALTER TABLE "shop"."items" ADD COLUMN IF NOT EXISTS "location" text');
  END IF;


SET LOCAL search_path = pg_catalog, "shop", pg_temp;
ALTER TABLE "shop"."items" ADD COLUMN IF NOT EXISTS "location" text COLLATE "C";
COMMENT ON COLUMN "shop"."items"."location" IS 'where it is';
ALTER TABLE "shop"."items" ALTER COLUMN "location" SET STATISTICS 321;

-- up, down and the comparisons the sync function makes, as SQL functions whose bodies PostgreSQL binds
-- now, under this search path, and inlines where they are called: the trigger function then depends on
-- no caller's search_path without a SET clause of its own, which would cost every write a few
-- microseconds.
SET LOCAL search_path = pg_catalog, "shop", pg_temp;
CREATE OR REPLACE FUNCTION "shop"."colsync_items_location_to_new"(text) RETURNS text
LANGUAGE sql SECURITY INVOKER
RETURN ($1);

CREATE OR REPLACE FUNCTION "shop"."colsync_items_location_to_old"(text) RETURNS text
LANGUAGE sql SECURITY INVOKER
RETURN ($1);

CREATE OR REPLACE FUNCTION "shop"."colsync_items_location_old_differs"(text, text) RETURNS boolean
LANGUAGE sql SECURITY INVOKER
RETURN $1 IS DISTINCT FROM $2;

CREATE OR REPLACE FUNCTION "shop"."colsync_items_location_new_differs"(text, text) RETURNS boolean
LANGUAGE sql SECURITY INVOKER
RETURN $1 IS DISTINCT FROM $2;

-- Keeps the two columns equal whichever application version writes. Direction is decided by the
-- data, never by the session: a write to the new column wins and the old one follows unless it
-- already agrees; a write to the old column only (or an INSERT without the new one) sets the new
-- one. An UPDATE that writes neither leaves both alone: the backfill converges untouched rows.
-- A new value the old column cannot hold exactly (up(down(new)) <> new) is refused rather than
-- silently changed, so no write is ever lost. Every operator is pg_catalog's by name.
CREATE OR REPLACE FUNCTION "shop"."colsync_items_location_sync"() RETURNS trigger
LANGUAGE plpgsql SECURITY INVOKER
AS $colsync$
DECLARE
  colsync_agrees boolean;
BEGIN
  -- Fired by the UPDATE OF trigger (first, by name), an UPDATE that names the new column in its SET
  -- list writes it, even with the value it already had.
  IF TG_NARGS OPERATOR(pg_catalog.>) 0 OR (TG_OP OPERATOR(pg_catalog.=) 'INSERT' AND NEW."location" IS NOT NULL)
     OR (TG_OP OPERATOR(pg_catalog.=) 'UPDATE' AND "shop"."colsync_items_location_new_differs"(NEW."location", OLD."location")) THEN
    IF "shop"."colsync_items_location_old_differs"(NEW."path", "shop"."colsync_items_location_to_old"(NEW."location")) THEN
      BEGIN
        -- An old value up() cannot convert disagrees with any new value; it must not fail the write.
        colsync_agrees := NOT "shop"."colsync_items_location_new_differs"(NEW."location", "shop"."colsync_items_location_to_new"(NEW."path"));
      EXCEPTION WHEN data_exception THEN
        colsync_agrees := false;
      END;
      IF NOT colsync_agrees THEN
        NEW."path" := "shop"."colsync_items_location_to_old"(NEW."location");
        IF "shop"."colsync_items_location_new_differs"(NEW."location", "shop"."colsync_items_location_to_new"(NEW."path")) THEN
          RAISE EXCEPTION USING ERRCODE = 'data_exception', MESSAGE = 'colsync items_location: the value written to column "location" cannot be stored in column "path" without changing it',
            HINT = 'Only values the old column can hold may be written while both columns are in use.';
        END IF;
      END IF;
    END IF;
  ELSIF TG_OP OPERATOR(pg_catalog.=) 'INSERT' OR "shop"."colsync_items_location_old_differs"(NEW."path", OLD."path") THEN
    NEW."location" := "shop"."colsync_items_location_to_new"(NEW."path");
  END IF;
  RETURN NEW;
END
$colsync$;

CREATE OR REPLACE TRIGGER "~colsync_items_location_new_written"
  BEFORE UPDATE OF "location" ON "shop"."items"
  FOR EACH ROW EXECUTE FUNCTION "shop"."colsync_items_location_sync"('new column written');

CREATE OR REPLACE TRIGGER "~colsync_items_location_sync"
  BEFORE INSERT OR UPDATE ON "shop"."items"
  FOR EACH ROW EXECUTE FUNCTION "shop"."colsync_items_location_sync"();

  -- Each CHECK the validate phase copies onto the new column is tried here (NOT VALID: no scan) and
  -- dropped again, and the old column's default converted by up is computed once, so that what
  -- PostgreSQL cannot make over the new type stops expand, not validate or every insert after contract.
  IF NOT EXISTS (SELECT FROM pg_catalog.pg_constraint AS k WHERE k.conrelid OPERATOR(pg_catalog.=) '"shop"."items"'::pg_catalog.regclass
                 AND k.conname OPERATOR(pg_catalog.=) 'colsync_items_location_items_path_check') THEN
    BEGIN
      ALTER TABLE "shop"."items" ADD CONSTRAINT "colsync_items_location_items_path_check" CHECK (((shop.subpath("location") > 0) AND ('path'::text <> "location"))) NOT VALID;
      ALTER TABLE "shop"."items" DROP CONSTRAINT "colsync_items_location_items_path_check";
    EXCEPTION WHEN OTHERS THEN
      colsync_problems := colsync_problems OPERATOR(pg_catalog.||) pg_catalog.format(
        'the copy of CHECK %s over the new column cannot be made (%s)', 'items_path_check', SQLERRM);
    END;
  END IF;
  IF pg_catalog.cardinality(colsync_problems) OPERATOR(pg_catalog.>) 0 THEN
    RAISE EXCEPTION USING ERRCODE = 'object_not_in_prerequisite_state',
      MESSAGE = pg_catalog.format('colsync %s: expand refused: %s', 'items_location',
        pg_catalog.array_to_string(colsync_problems, '; ')),
      HINT = 'Nothing was changed. Drop or rewrite the constraint so that it holds over the new type, and'
        || ' scaffold the spec again.';
  END IF;

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
        WHERE d.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass AND d.objid = ANY (ARRAY[pg_catalog.to_regprocedure('"shop"."colsync_items_location_to_new"(text)'), pg_catalog.to_regprocedure('"shop"."colsync_items_location_to_old"(text)')]::pg_catalog.oid[])
          AND d.refclassid = 'pg_catalog.pg_proc'::pg_catalog.regclass
          AND d.refobjid <> ALL (ARRAY[pg_catalog.to_regprocedure('"shop"."colsync_items_location_to_new"(text)'), pg_catalog.to_regprocedure('"shop"."colsync_items_location_to_old"(text)')]::pg_catalog.oid[])
      UNION ALL
      SELECT 'operator', o.oid::pg_catalog.regoperator::text, f.provolatile = 'v', o.oprowner, o.oprnamespace,
          d.refclassid, o.oid
        FROM pg_catalog.pg_depend AS d JOIN pg_catalog.pg_operator AS o ON o.oid = d.refobjid
          JOIN pg_catalog.pg_proc AS f ON f.oid = o.oprcode
        WHERE d.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass AND d.objid = ANY (ARRAY[pg_catalog.to_regprocedure('"shop"."colsync_items_location_to_new"(text)'), pg_catalog.to_regprocedure('"shop"."colsync_items_location_to_old"(text)')]::pg_catalog.oid[])
          AND d.refclassid = 'pg_catalog.pg_operator'::pg_catalog.regclass
      UNION ALL
      SELECT 'table', c.oid::pg_catalog.regclass::text, false, c.relowner, c.relnamespace, d.refclassid, c.oid
        FROM pg_catalog.pg_depend AS d JOIN pg_catalog.pg_class AS c ON c.oid = d.refobjid
        WHERE d.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass AND d.objid = ANY (ARRAY[pg_catalog.to_regprocedure('"shop"."colsync_items_location_to_new"(text)'), pg_catalog.to_regprocedure('"shop"."colsync_items_location_to_old"(text)')]::pg_catalog.oid[])
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
        'items_location', pg_catalog.array_to_string(colsync_problems, '; ')),
      HINT = 'Nothing was changed. Name the object you mean with its schema (pg_catalog.round(...),'
        || ' OPERATOR(pg_catalog.*)), or remove the object that should not be there.';
  END IF;
  SET LOCAL search_path = pg_catalog, "shop", pg_temp;
END
$colsync_expand$;
--rollback -- colsync items_location: rollback of expand / drop the sync trigger, its functions and the new column.
--rollback -- One transaction; N-1 only. Takes ACCESS EXCLUSIVE on the table for milliseconds.
--rollback SET LOCAL lock_timeout = '2000ms';
--rollback SET LOCAL statement_timeout = '30000ms';
--rollback LOCK TABLE "shop"."items" IN ACCESS EXCLUSIVE MODE;
--rollback -- Once a later phase has run, the new column holds values the old one no longer has: refuse.
--rollback DO $colsync_expand$
--rollback BEGIN
--rollback   IF (NOT EXISTS (SELECT FROM pg_catalog.pg_attribute AS a WHERE a.attrelid OPERATOR(pg_catalog.=) '"shop"."items"'::pg_catalog.regclass AND a.attname OPERATOR(pg_catalog.=) 'path' AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped) AND EXISTS (SELECT FROM pg_catalog.pg_attribute AS a WHERE a.attrelid OPERATOR(pg_catalog.=) '"shop"."items"'::pg_catalog.regclass AND a.attname OPERATOR(pg_catalog.=) 'location' AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped)) THEN
--rollback     RAISE EXCEPTION USING ERRCODE = 'object_not_in_prerequisite_state',
--rollback       MESSAGE = pg_catalog.format('colsync %s: rollback of expand refused: a later phase (cut-over or contract)'
--rollback         ' has run, so dropping the new column would lose its values', 'items_location'),
--rollback       HINT = 'Roll back the later phases first (rollback/contract, rollback/cutover); nothing was changed.';
--rollback   END IF;
--rollback END
--rollback $colsync_expand$;
--rollback DROP TRIGGER IF EXISTS "~colsync_items_location_new_written" ON "shop"."items";
--rollback DROP TRIGGER IF EXISTS "~colsync_items_location_sync" ON "shop"."items";
--rollback DROP FUNCTION IF EXISTS "shop"."colsync_items_location_sync"();
--rollback DROP FUNCTION IF EXISTS "shop"."colsync_items_location_to_new"(text);
--rollback DROP FUNCTION IF EXISTS "shop"."colsync_items_location_to_old"(text);
--rollback DROP FUNCTION IF EXISTS "shop"."colsync_items_location_old_differs"(text, text);
--rollback DROP FUNCTION IF EXISTS "shop"."colsync_items_location_new_differs"(text, text);
--rollback ALTER TABLE "shop"."items" DROP COLUMN IF EXISTS "location";

--changeset colsync:items_location-02-backfill-prepare labels:items_location,backfill runInTransaction:true rollbackSplitStatements:false splitStatements:false
-- colsync items_location: backfill / create the checkpoint table and the backfill procedure.
-- One transaction; takes no lock on the table.
SET LOCAL lock_timeout = '2000ms';
SET LOCAL statement_timeout = '30000ms';
-- Once this migration has been contracted this script has nothing left to do: it is one block, which
-- then returns at once with a notice and changes nothing.
DO $colsync_guard$
DECLARE
  colsync_recorded boolean := false;
BEGIN
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
      RAISE NOTICE 'colsync %: contract has run already; % has nothing to do', 'items_location', 'backfill/prepare';
      RETURN;
    END IF;
  END IF;
CREATE TABLE IF NOT EXISTS "shop"."colsync_items_location_backfill_state" (
  direction text PRIMARY KEY CHECK (direction IN ('up', 'down')),
  last_key text[],
  rows_changed bigint NOT NULL DEFAULT 0,
  batches bigint NOT NULL DEFAULT 0,
  done boolean NOT NULL DEFAULT false,
  started_at timestamptz NOT NULL DEFAULT pg_catalog.now(),
  updated_at timestamptz NOT NULL DEFAULT pg_catalog.now()
);
-- The walk ends at the highest key when it starts (bound_key, with the rows estimated up to it then):
-- rows inserted later are written by the sync trigger.
ALTER TABLE "shop"."colsync_items_location_backfill_state" ADD COLUMN IF NOT EXISTS bound_key text[];
ALTER TABLE "shop"."colsync_items_location_backfill_state" ADD COLUMN IF NOT EXISTS bound_rows bigint;

-- Walks the primary key in batches: one short transaction per batch, checkpoint committed with it.
-- Only rows that differ are written, so running it again is a no-op. 'down' refills the old column.
CREATE OR REPLACE PROCEDURE "shop"."colsync_items_location_backfill"(
  colsync_direction text DEFAULT 'up',
  colsync_batch_size integer DEFAULT 5000,
  colsync_pause interval DEFAULT '10ms'::interval,
  colsync_commit_batches boolean DEFAULT true)
LANGUAGE plpgsql SECURITY INVOKER
AS $colsync$
#variable_conflict use_column
DECLARE
  colsync_state record;
  colsync_last_0 "shop"."items"."id"%TYPE;
  colsync_lower_0 "shop"."items"."id"%TYPE;
  colsync_upper_0 "shop"."items"."id"%TYPE;
  colsync_bound_0 "shop"."items"."id"%TYPE;
  colsync_changed bigint;
  colsync_row record;
  colsync_error_state text;
  colsync_error_message text;
  colsync_error_detail text;
  colsync_error_hint text;
BEGIN
  IF colsync_direction NOT IN ('up', 'down') THEN
    RAISE EXCEPTION 'colsync: direction must be up or down, not %', colsync_direction;
  END IF;
  LOOP
    PERFORM pg_catalog.set_config('search_path', 'pg_catalog, "shop", pg_temp', true);
    PERFORM pg_catalog.set_config('lock_timeout', '2000ms', true);
    -- The checkpoint keeps keys as text: read and write them in one fixed format.
    PERFORM pg_catalog.set_config('DateStyle', 'ISO, YMD', true);
    PERFORM pg_catalog.set_config('TimeZone', 'UTC', true);
    PERFORM pg_catalog.set_config('IntervalStyle', 'postgres', true);
    PERFORM pg_catalog.set_config('extra_float_digits', '3', true);
    -- The table's own triggers can tell the backfill's updates by this setting (see the runbook).
    PERFORM pg_catalog.set_config('colsync.backfill', 'items_location', true);
    INSERT INTO "shop"."colsync_items_location_backfill_state" (direction) VALUES (colsync_direction) ON CONFLICT (direction) DO NOTHING;
    SELECT * INTO colsync_state FROM "shop"."colsync_items_location_backfill_state" WHERE direction = colsync_direction FOR UPDATE;
    EXIT WHEN colsync_state.done;
    IF colsync_state.bound_key IS NULL THEN
      SELECT "id" INTO colsync_bound_0
        FROM "shop"."items" ORDER BY "id" DESC LIMIT 1;
      IF NOT FOUND THEN
        UPDATE "shop"."colsync_items_location_backfill_state" SET done = true, updated_at = pg_catalog.now() WHERE direction = colsync_direction;
        RAISE NOTICE 'colsync: backfill % done: the table was empty when it started', colsync_direction;
        IF colsync_commit_batches THEN
          COMMIT;
        END IF;
        EXIT;
      END IF;
      UPDATE "shop"."colsync_items_location_backfill_state"
        SET bound_key = ARRAY[colsync_bound_0::text],
            bound_rows = (SELECT NULLIF(c.reltuples::bigint, -1) FROM pg_catalog.pg_class c
                          WHERE c.oid = '"shop"."items"'::pg_catalog.regclass)
        WHERE direction = colsync_direction;
    ELSE
      colsync_bound_0 := colsync_state.bound_key[1];
    END IF;
    IF colsync_state.last_key IS NULL THEN
      SELECT "id" INTO colsync_lower_0
        FROM "shop"."items"
        WHERE ("id") <= (colsync_bound_0)
        ORDER BY "id" LIMIT 1;
    ELSE
      colsync_last_0 := colsync_state.last_key[1];
      SELECT "id" INTO colsync_lower_0
        FROM "shop"."items"
        WHERE ("id") > (colsync_last_0)
          AND ("id") <= (colsync_bound_0)
        ORDER BY "id" LIMIT 1;
    END IF;
    IF NOT FOUND THEN
      UPDATE "shop"."colsync_items_location_backfill_state" SET done = true, updated_at = pg_catalog.now() WHERE direction = colsync_direction;
      RAISE NOTICE 'colsync: backfill % done: % rows changed in % batches',
        colsync_direction, colsync_state.rows_changed, colsync_state.batches;
      IF colsync_commit_batches THEN
        COMMIT;
      END IF;
      EXIT;
    END IF;
    SELECT batch."id" INTO colsync_upper_0
      FROM (SELECT "id" FROM "shop"."items"
            WHERE ("id") >= (colsync_lower_0)
              AND ("id") <= (colsync_bound_0)
            ORDER BY "id" LIMIT colsync_batch_size) AS batch
      ORDER BY batch."id" DESC LIMIT 1;
    -- A value up (or down) cannot convert fails the batch; the error then names the first row it fails on.
    BEGIN
      IF colsync_direction = 'up' THEN
        UPDATE "shop"."items" SET "location" = ("path")
          WHERE ("id") >= (colsync_lower_0)
            AND ("id") <= (colsync_upper_0)
            AND "location" IS DISTINCT FROM ("path");
      ELSE
        UPDATE "shop"."items" SET "path" = ("location")
          WHERE ("id") >= (colsync_lower_0)
            AND ("id") <= (colsync_upper_0)
            AND "path" IS DISTINCT FROM ("location");
      END IF;
      GET DIAGNOSTICS colsync_changed = ROW_COUNT;
    EXCEPTION WHEN OTHERS THEN
      GET STACKED DIAGNOSTICS colsync_error_state = RETURNED_SQLSTATE, colsync_error_message = MESSAGE_TEXT,
        colsync_error_detail = PG_EXCEPTION_DETAIL, colsync_error_hint = PG_EXCEPTION_HINT;
      -- A lock timeout, a deadlock or a cancel is no row's fault.
      IF colsync_error_state IN ('55P03', '40P01', '40001', '57014')
          OR pg_catalog.left(colsync_error_state, 2) IN ('08', '53', '57', '58', 'XX') THEN
        RAISE;
      END IF;
      FOR colsync_row IN SELECT "id" AS colsync_key_0
          FROM "shop"."items"
          WHERE ("id") >= (colsync_lower_0)
            AND ("id") <= (colsync_upper_0)
          ORDER BY "id" LOOP
        BEGIN
          IF colsync_direction = 'up' THEN
            PERFORM ("path") FROM "shop"."items" WHERE ("id") = (colsync_row.colsync_key_0);
          ELSE
            PERFORM ("location") FROM "shop"."items" WHERE ("id") = (colsync_row.colsync_key_0);
          END IF;
        EXCEPTION WHEN OTHERS THEN
          RAISE EXCEPTION USING ERRCODE = colsync_error_state, DETAIL = colsync_error_detail, HINT = colsync_error_hint,
            MESSAGE = colsync_error_message || ' (on the row whose key (' || 'id'
              || ') is (' || pg_catalog.concat_ws(', ', colsync_row.colsync_key_0) || '))';
        END;
      END LOOP;
      RAISE;
    END;
    UPDATE "shop"."colsync_items_location_backfill_state"
      SET last_key = ARRAY[colsync_upper_0::text],
          rows_changed = rows_changed + colsync_changed,
          batches = batches + 1,
          updated_at = pg_catalog.now()
      WHERE direction = colsync_direction;
    IF colsync_commit_batches THEN
      COMMIT;
      PERFORM pg_catalog.pg_sleep_for(colsync_pause);
    END IF;
  END LOOP;
END
$colsync$;
END
$colsync_guard$;
--rollback -- colsync items_location: rollback of backfill / drop the backfill procedure and its checkpoint table.
--rollback -- Values already copied into the new column stay; they are harmless and the trigger keeps them right.
--rollback SET LOCAL lock_timeout = '2000ms';
--rollback SET LOCAL statement_timeout = '30000ms';
--rollback -- Once this migration has been contracted this script has nothing left to do: it is one block, which
--rollback -- then returns at once with a notice and changes nothing.
--rollback DO $colsync_guard$
--rollback DECLARE
--rollback   colsync_recorded boolean := false;
--rollback BEGIN
--rollback   IF NOT EXISTS (SELECT FROM pg_catalog.pg_attribute AS a WHERE a.attrelid OPERATOR(pg_catalog.=) '"shop"."items"'::pg_catalog.regclass AND a.attname OPERATOR(pg_catalog.=) 'path' AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped) AND (SELECT pg_catalog.count(*) FROM pg_catalog.pg_trigger AS t WHERE t.tgrelid OPERATOR(pg_catalog.=) '"shop"."items"'::pg_catalog.regclass AND t.tgname OPERATOR(pg_catalog.=) ANY (ARRAY['~colsync_items_location_new_written', '~colsync_items_location_sync']::pg_catalog.name[])) OPERATOR(pg_catalog.=) 0 THEN
--rollback     IF pg_catalog.to_regclass('colsync.convergence_checks') IS NOT NULL THEN
--rollback       colsync_recorded := EXISTS (SELECT FROM colsync.convergence_checks AS c
--rollback         WHERE c.migration OPERATOR(pg_catalog.=) 'items_location');
--rollback     END IF;
--rollback     IF NOT colsync_recorded AND pg_catalog.to_regclass('colsync.gate_overrides') IS NOT NULL THEN
--rollback       colsync_recorded := EXISTS (SELECT FROM colsync.gate_overrides AS g
--rollback         WHERE g.migration OPERATOR(pg_catalog.=) 'items_location');
--rollback     END IF;
--rollback     IF colsync_recorded THEN
--rollback       RAISE NOTICE 'colsync %: contract has run already; % has nothing to do', 'items_location', 'backfill/drop-procedure';
--rollback       RETURN;
--rollback     END IF;
--rollback   END IF;
--rollback DROP PROCEDURE IF EXISTS "shop"."colsync_items_location_backfill"(text, integer, interval, boolean);
--rollback DROP TABLE IF EXISTS "shop"."colsync_items_location_backfill_state";
--rollback END
--rollback $colsync_guard$;

--changeset colsync:items_location-03-backfill-run-1 labels:items_location,backfill runInTransaction:false rollbackSplitStatements:false splitStatements:false
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
      RAISE NOTICE 'colsync %: contract has run already; % has nothing to do', 'items_location', 'backfill/run';
      PERFORM pg_catalog.set_config('colsync.contracted', 'items_location', false);
    END IF;
  END IF;
END
$colsync$;
--rollback empty

--changeset colsync:items_location-03-backfill-run-2 labels:items_location,backfill runInTransaction:false rollbackSplitStatements:false splitStatements:false
-- colsync items_location: backfill / fill the new column from the old one.
-- Batches of 5000 rows by primary key, each its own short transaction with its checkpoint.
-- Safe to stop at any time and to run again: it resumes after the last committed batch.
-- The CALL lasts as long as the whole backfill, so a session statement_timeout must not cut it short;
-- each batch is bounded by its size and by lock_timeout instead.
SET statement_timeout = 0;
--rollback empty

--changeset colsync:items_location-03-backfill-run-3 labels:items_location,backfill runInTransaction:false rollbackSplitStatements:false splitStatements:false
DO $colsync$
BEGIN
  -- Once contracted (the guard above said so), there is no procedure left to call, and nothing to do.
  IF pg_catalog.current_setting('colsync.contracted', true) OPERATOR(pg_catalog.=) 'items_location' THEN
    RETURN;
  END IF;
  CALL "shop"."colsync_items_location_backfill"(colsync_direction => 'up');
END
$colsync$;
--rollback empty

--changeset colsync:items_location-03-backfill-run-4 labels:items_location,backfill runInTransaction:false rollbackSplitStatements:false splitStatements:false
RESET statement_timeout;
--rollback empty

--changeset colsync:items_location-04-indexes-build-index-1-1 labels:items_location,indexes runInTransaction:false rollbackSplitStatements:false splitStatements:false
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
      RAISE NOTICE 'colsync %: contract has run already; % has nothing to do', 'items_location', 'indexes/build-index-1';
      PERFORM pg_catalog.set_config('colsync.contracted', 'items_location', false);
    END IF;
  END IF;
END
$colsync$;
--rollback empty

--changeset colsync:items_location-04-indexes-build-index-1-2 labels:items_location,indexes runInTransaction:false rollbackSplitStatements:false splitStatements:false
-- colsync items_location: indexes / build index "colsync_items_location_items_path_key" on the new column.
-- Statement by statement, outside a transaction: CREATE INDEX CONCURRENTLY takes SHARE UPDATE EXCLUSIVE,
-- which blocks no reads or writes. An INVALID leftover of an earlier failed build is moved aside and
-- dropped first; an index that was built already is left alone, so running this again is a no-op.
SET lock_timeout = '2000ms';
--rollback empty

--changeset colsync:items_location-04-indexes-build-index-1-3 labels:items_location,indexes runInTransaction:false rollbackSplitStatements:false splitStatements:false
DO $colsync$
BEGIN
  IF EXISTS (SELECT FROM pg_catalog.pg_index i
             JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid
             JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = 'shop' AND c.relname = 'colsync_items_location_items_path_key' AND NOT i.indisvalid) THEN
    ALTER INDEX "shop"."colsync_items_location_items_path_key" RENAME TO "colsync_items_location_items_path_key_invalid";
  END IF;
END
$colsync$;
--rollback empty

--changeset colsync:items_location-04-indexes-build-index-1-4 labels:items_location,indexes runInTransaction:false rollbackSplitStatements:false splitStatements:false
DROP INDEX CONCURRENTLY IF EXISTS "shop"."colsync_items_location_items_path_key_invalid";
--rollback empty

--changeset colsync:items_location-04-indexes-build-index-1-5 labels:items_location,indexes runInTransaction:false rollbackSplitStatements:false splitStatements:false
-- Once contracted, a placeholder of the index's name makes the build below skip (IF NOT EXISTS).
DO $colsync$
BEGIN
  IF pg_catalog.current_setting('colsync.contracted', true) OPERATOR(pg_catalog.=) 'items_location' THEN
    CREATE SEQUENCE "shop"."colsync_items_location_items_path_key";
  END IF;
END
$colsync$;
--rollback empty

--changeset colsync:items_location-04-indexes-build-index-1-6 labels:items_location,indexes runInTransaction:false rollbackSplitStatements:false splitStatements:false
-- Waiting for older transactions to finish is part of a concurrent build and harms no one: no lock_timeout.
SET lock_timeout = 0;
--rollback empty

--changeset colsync:items_location-04-indexes-build-index-1-7 labels:items_location,indexes runInTransaction:false rollbackSplitStatements:false splitStatements:false
SET statement_timeout = 0;
--rollback empty

--changeset colsync:items_location-04-indexes-build-index-1-8 labels:items_location,indexes runInTransaction:false rollbackSplitStatements:false splitStatements:false
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "colsync_items_location_items_path_key" ON "shop"."items" USING btree ("location");
--rollback empty

--changeset colsync:items_location-04-indexes-build-index-1-9 labels:items_location,indexes runInTransaction:false rollbackSplitStatements:false splitStatements:false
DO $colsync$
BEGIN
  IF pg_catalog.current_setting('colsync.contracted', true) OPERATOR(pg_catalog.=) 'items_location' THEN
    DROP SEQUENCE "shop"."colsync_items_location_items_path_key";
  END IF;
END
$colsync$;
--rollback empty

--changeset colsync:items_location-04-indexes-build-index-1-10 labels:items_location,indexes runInTransaction:false rollbackSplitStatements:false splitStatements:false
-- Leave the session as it was for whatever runs next on this connection.
RESET statement_timeout;
--rollback empty

--changeset colsync:items_location-04-indexes-build-index-1-11 labels:items_location,indexes runInTransaction:false rollbackSplitStatements:false splitStatements:false
RESET lock_timeout;
--rollback -- colsync items_location: indexes / drop constraint "colsync_items_location_items_path_key".
--rollback -- One transaction; a short lock.
--rollback SET LOCAL lock_timeout = '2000ms';
--rollback SET LOCAL statement_timeout = '30000ms';
--rollback -- Once this migration has been contracted this script has nothing left to do: it is one block, which
--rollback -- then returns at once with a notice and changes nothing.
--rollback DO $colsync_guard$
--rollback DECLARE
--rollback   colsync_recorded boolean := false;
--rollback BEGIN
--rollback   IF NOT EXISTS (SELECT FROM pg_catalog.pg_attribute AS a WHERE a.attrelid OPERATOR(pg_catalog.=) '"shop"."items"'::pg_catalog.regclass AND a.attname OPERATOR(pg_catalog.=) 'path' AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped) AND (SELECT pg_catalog.count(*) FROM pg_catalog.pg_trigger AS t WHERE t.tgrelid OPERATOR(pg_catalog.=) '"shop"."items"'::pg_catalog.regclass AND t.tgname OPERATOR(pg_catalog.=) ANY (ARRAY['~colsync_items_location_new_written', '~colsync_items_location_sync']::pg_catalog.name[])) OPERATOR(pg_catalog.=) 0 THEN
--rollback     IF pg_catalog.to_regclass('colsync.convergence_checks') IS NOT NULL THEN
--rollback       colsync_recorded := EXISTS (SELECT FROM colsync.convergence_checks AS c
--rollback         WHERE c.migration OPERATOR(pg_catalog.=) 'items_location');
--rollback     END IF;
--rollback     IF NOT colsync_recorded AND pg_catalog.to_regclass('colsync.gate_overrides') IS NOT NULL THEN
--rollback       colsync_recorded := EXISTS (SELECT FROM colsync.gate_overrides AS g
--rollback         WHERE g.migration OPERATOR(pg_catalog.=) 'items_location');
--rollback     END IF;
--rollback     IF colsync_recorded THEN
--rollback       RAISE NOTICE 'colsync %: contract has run already; % has nothing to do', 'items_location', 'indexes/drop-constraint-of-index-1';
--rollback       RETURN;
--rollback     END IF;
--rollback   END IF;
--rollback ALTER TABLE "shop"."items" DROP CONSTRAINT IF EXISTS "colsync_items_location_items_path_key";
--rollback END
--rollback $colsync_guard$;
--rollback -- Once this migration has been contracted this script has nothing left to do: it is one block, which
--rollback -- then returns at once with a notice and changes nothing.
--rollback DO $colsync_guard$
--rollback DECLARE
--rollback   colsync_recorded boolean := false;
--rollback BEGIN
--rollback   IF NOT EXISTS (SELECT FROM pg_catalog.pg_attribute AS a WHERE a.attrelid OPERATOR(pg_catalog.=) '"shop"."items"'::pg_catalog.regclass AND a.attname OPERATOR(pg_catalog.=) 'path' AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped) AND (SELECT pg_catalog.count(*) FROM pg_catalog.pg_trigger AS t WHERE t.tgrelid OPERATOR(pg_catalog.=) '"shop"."items"'::pg_catalog.regclass AND t.tgname OPERATOR(pg_catalog.=) ANY (ARRAY['~colsync_items_location_new_written', '~colsync_items_location_sync']::pg_catalog.name[])) OPERATOR(pg_catalog.=) 0 THEN
--rollback     IF pg_catalog.to_regclass('colsync.convergence_checks') IS NOT NULL THEN
--rollback       colsync_recorded := EXISTS (SELECT FROM colsync.convergence_checks AS c
--rollback         WHERE c.migration OPERATOR(pg_catalog.=) 'items_location');
--rollback     END IF;
--rollback     IF NOT colsync_recorded AND pg_catalog.to_regclass('colsync.gate_overrides') IS NOT NULL THEN
--rollback       colsync_recorded := EXISTS (SELECT FROM colsync.gate_overrides AS g
--rollback         WHERE g.migration OPERATOR(pg_catalog.=) 'items_location');
--rollback     END IF;
--rollback     IF colsync_recorded THEN
--rollback       RAISE NOTICE 'colsync %: contract has run already; % has nothing to do', 'items_location', 'indexes/drop-index-1';
--rollback       RETURN;
--rollback     END IF;
--rollback   END IF;
--rollback DROP INDEX IF EXISTS "shop"."colsync_items_location_items_path_key";
--rollback END
--rollback $colsync_guard$;
--rollback -- Once this migration has been contracted this script has nothing left to do: it is one block, which
--rollback -- then returns at once with a notice and changes nothing.
--rollback DO $colsync_guard$
--rollback DECLARE
--rollback   colsync_recorded boolean := false;
--rollback BEGIN
--rollback   IF NOT EXISTS (SELECT FROM pg_catalog.pg_attribute AS a WHERE a.attrelid OPERATOR(pg_catalog.=) '"shop"."items"'::pg_catalog.regclass AND a.attname OPERATOR(pg_catalog.=) 'path' AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped) AND (SELECT pg_catalog.count(*) FROM pg_catalog.pg_trigger AS t WHERE t.tgrelid OPERATOR(pg_catalog.=) '"shop"."items"'::pg_catalog.regclass AND t.tgname OPERATOR(pg_catalog.=) ANY (ARRAY['~colsync_items_location_new_written', '~colsync_items_location_sync']::pg_catalog.name[])) OPERATOR(pg_catalog.=) 0 THEN
--rollback     IF pg_catalog.to_regclass('colsync.convergence_checks') IS NOT NULL THEN
--rollback       colsync_recorded := EXISTS (SELECT FROM colsync.convergence_checks AS c
--rollback         WHERE c.migration OPERATOR(pg_catalog.=) 'items_location');
--rollback     END IF;
--rollback     IF NOT colsync_recorded AND pg_catalog.to_regclass('colsync.gate_overrides') IS NOT NULL THEN
--rollback       colsync_recorded := EXISTS (SELECT FROM colsync.gate_overrides AS g
--rollback         WHERE g.migration OPERATOR(pg_catalog.=) 'items_location');
--rollback     END IF;
--rollback     IF colsync_recorded THEN
--rollback       RAISE NOTICE 'colsync %: contract has run already; % has nothing to do', 'items_location', 'indexes/drop-index-2';
--rollback       RETURN;
--rollback     END IF;
--rollback   END IF;
--rollback DROP INDEX IF EXISTS "shop"."colsync_items_location_items_path_pattern";
--rollback END
--rollback $colsync_guard$;
--rollback -- Once this migration has been contracted this script has nothing left to do: it is one block, which
--rollback -- then returns at once with a notice and changes nothing.
--rollback DO $colsync_guard$
--rollback DECLARE
--rollback   colsync_recorded boolean := false;
--rollback BEGIN
--rollback   IF NOT EXISTS (SELECT FROM pg_catalog.pg_attribute AS a WHERE a.attrelid OPERATOR(pg_catalog.=) '"shop"."items"'::pg_catalog.regclass AND a.attname OPERATOR(pg_catalog.=) 'path' AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped) AND (SELECT pg_catalog.count(*) FROM pg_catalog.pg_trigger AS t WHERE t.tgrelid OPERATOR(pg_catalog.=) '"shop"."items"'::pg_catalog.regclass AND t.tgname OPERATOR(pg_catalog.=) ANY (ARRAY['~colsync_items_location_new_written', '~colsync_items_location_sync']::pg_catalog.name[])) OPERATOR(pg_catalog.=) 0 THEN
--rollback     IF pg_catalog.to_regclass('colsync.convergence_checks') IS NOT NULL THEN
--rollback       colsync_recorded := EXISTS (SELECT FROM colsync.convergence_checks AS c
--rollback         WHERE c.migration OPERATOR(pg_catalog.=) 'items_location');
--rollback     END IF;
--rollback     IF NOT colsync_recorded AND pg_catalog.to_regclass('colsync.gate_overrides') IS NOT NULL THEN
--rollback       colsync_recorded := EXISTS (SELECT FROM colsync.gate_overrides AS g
--rollback         WHERE g.migration OPERATOR(pg_catalog.=) 'items_location');
--rollback     END IF;
--rollback     IF colsync_recorded THEN
--rollback       RAISE NOTICE 'colsync %: contract has run already; % has nothing to do', 'items_location', 'indexes/drop-index-3';
--rollback       RETURN;
--rollback     END IF;
--rollback   END IF;
--rollback DROP INDEX IF EXISTS "shop"."colsync_items_location_items_path_partial";
--rollback END
--rollback $colsync_guard$;

--changeset colsync:items_location-05-indexes-adopt-index-1 labels:items_location,indexes runInTransaction:true rollbackSplitStatements:false splitStatements:false
-- colsync items_location: indexes / add constraint "colsync_items_location_items_path_key" as NOT VALID.
-- One transaction; a short lock, no table scan. New writes are checked from now on.
SET LOCAL lock_timeout = '2000ms';
SET LOCAL statement_timeout = '30000ms';
-- Once this migration has been contracted this script has nothing left to do: it is one block, which
-- then returns at once with a notice and changes nothing.
DO $colsync_guard$
DECLARE
  colsync_recorded boolean := false;
BEGIN
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
      RAISE NOTICE 'colsync %: contract has run already; % has nothing to do', 'items_location', 'indexes/adopt-index-1';
      RETURN;
    END IF;
  END IF;
DO $colsync$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_catalog.pg_constraint
                 WHERE conrelid = '"shop"."items"'::pg_catalog.regclass AND conname = 'colsync_items_location_items_path_key') THEN
    ALTER TABLE "shop"."items" ADD CONSTRAINT "colsync_items_location_items_path_key" UNIQUE USING INDEX "colsync_items_location_items_path_key";
  END IF;
END
$colsync$;
END
$colsync_guard$;
--rollback empty

--changeset colsync:items_location-06-indexes-build-index-2-1 labels:items_location,indexes runInTransaction:false rollbackSplitStatements:false splitStatements:false
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
      RAISE NOTICE 'colsync %: contract has run already; % has nothing to do', 'items_location', 'indexes/build-index-2';
      PERFORM pg_catalog.set_config('colsync.contracted', 'items_location', false);
    END IF;
  END IF;
END
$colsync$;
--rollback empty

--changeset colsync:items_location-06-indexes-build-index-2-2 labels:items_location,indexes runInTransaction:false rollbackSplitStatements:false splitStatements:false
-- colsync items_location: indexes / build index "colsync_items_location_items_path_pattern" on the new column.
-- Statement by statement, outside a transaction: CREATE INDEX CONCURRENTLY takes SHARE UPDATE EXCLUSIVE,
-- which blocks no reads or writes. An INVALID leftover of an earlier failed build is moved aside and
-- dropped first; an index that was built already is left alone, so running this again is a no-op.
SET lock_timeout = '2000ms';
--rollback empty

--changeset colsync:items_location-06-indexes-build-index-2-3 labels:items_location,indexes runInTransaction:false rollbackSplitStatements:false splitStatements:false
DO $colsync$
BEGIN
  IF EXISTS (SELECT FROM pg_catalog.pg_index i
             JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid
             JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = 'shop' AND c.relname = 'colsync_items_location_items_path_pattern' AND NOT i.indisvalid) THEN
    ALTER INDEX "shop"."colsync_items_location_items_path_pattern" RENAME TO "colsync_items_location_items_path_pattern_invalid";
  END IF;
END
$colsync$;
--rollback empty

--changeset colsync:items_location-06-indexes-build-index-2-4 labels:items_location,indexes runInTransaction:false rollbackSplitStatements:false splitStatements:false
DROP INDEX CONCURRENTLY IF EXISTS "shop"."colsync_items_location_items_path_pattern_invalid";
--rollback empty

--changeset colsync:items_location-06-indexes-build-index-2-5 labels:items_location,indexes runInTransaction:false rollbackSplitStatements:false splitStatements:false
-- Once contracted, a placeholder of the index's name makes the build below skip (IF NOT EXISTS).
DO $colsync$
BEGIN
  IF pg_catalog.current_setting('colsync.contracted', true) OPERATOR(pg_catalog.=) 'items_location' THEN
    CREATE SEQUENCE "shop"."colsync_items_location_items_path_pattern";
  END IF;
END
$colsync$;
--rollback empty

--changeset colsync:items_location-06-indexes-build-index-2-6 labels:items_location,indexes runInTransaction:false rollbackSplitStatements:false splitStatements:false
-- Waiting for older transactions to finish is part of a concurrent build and harms no one: no lock_timeout.
SET lock_timeout = 0;
--rollback empty

--changeset colsync:items_location-06-indexes-build-index-2-7 labels:items_location,indexes runInTransaction:false rollbackSplitStatements:false splitStatements:false
SET statement_timeout = 0;
--rollback empty

--changeset colsync:items_location-06-indexes-build-index-2-8 labels:items_location,indexes runInTransaction:false rollbackSplitStatements:false splitStatements:false
CREATE INDEX CONCURRENTLY IF NOT EXISTS "colsync_items_location_items_path_pattern" ON "shop"."items" USING btree ("location" text_pattern_ops) WITH (fillfactor='70');
--rollback empty

--changeset colsync:items_location-06-indexes-build-index-2-9 labels:items_location,indexes runInTransaction:false rollbackSplitStatements:false splitStatements:false
DO $colsync$
BEGIN
  IF pg_catalog.current_setting('colsync.contracted', true) OPERATOR(pg_catalog.=) 'items_location' THEN
    DROP SEQUENCE "shop"."colsync_items_location_items_path_pattern";
  END IF;
END
$colsync$;
--rollback empty

--changeset colsync:items_location-06-indexes-build-index-2-10 labels:items_location,indexes runInTransaction:false rollbackSplitStatements:false splitStatements:false
-- Leave the session as it was for whatever runs next on this connection.
RESET statement_timeout;
--rollback empty

--changeset colsync:items_location-06-indexes-build-index-2-11 labels:items_location,indexes runInTransaction:false rollbackSplitStatements:false splitStatements:false
RESET lock_timeout;
--rollback empty

--changeset colsync:items_location-07-indexes-build-index-3-1 labels:items_location,indexes runInTransaction:false rollbackSplitStatements:false splitStatements:false
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
      RAISE NOTICE 'colsync %: contract has run already; % has nothing to do', 'items_location', 'indexes/build-index-3';
      PERFORM pg_catalog.set_config('colsync.contracted', 'items_location', false);
    END IF;
  END IF;
END
$colsync$;
--rollback empty

--changeset colsync:items_location-07-indexes-build-index-3-2 labels:items_location,indexes runInTransaction:false rollbackSplitStatements:false splitStatements:false
-- colsync items_location: indexes / build index "colsync_items_location_items_path_partial" on the new column.
-- Statement by statement, outside a transaction: CREATE INDEX CONCURRENTLY takes SHARE UPDATE EXCLUSIVE,
-- which blocks no reads or writes. An INVALID leftover of an earlier failed build is moved aside and
-- dropped first; an index that was built already is left alone, so running this again is a no-op.
SET lock_timeout = '2000ms';
--rollback empty

--changeset colsync:items_location-07-indexes-build-index-3-3 labels:items_location,indexes runInTransaction:false rollbackSplitStatements:false splitStatements:false
DO $colsync$
BEGIN
  IF EXISTS (SELECT FROM pg_catalog.pg_index i
             JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid
             JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = 'shop' AND c.relname = 'colsync_items_location_items_path_partial' AND NOT i.indisvalid) THEN
    ALTER INDEX "shop"."colsync_items_location_items_path_partial" RENAME TO "colsync_items_location_items_path_partial_invalid";
  END IF;
END
$colsync$;
--rollback empty

--changeset colsync:items_location-07-indexes-build-index-3-4 labels:items_location,indexes runInTransaction:false rollbackSplitStatements:false splitStatements:false
DROP INDEX CONCURRENTLY IF EXISTS "shop"."colsync_items_location_items_path_partial_invalid";
--rollback empty

--changeset colsync:items_location-07-indexes-build-index-3-5 labels:items_location,indexes runInTransaction:false rollbackSplitStatements:false splitStatements:false
-- Once contracted, a placeholder of the index's name makes the build below skip (IF NOT EXISTS).
DO $colsync$
BEGIN
  IF pg_catalog.current_setting('colsync.contracted', true) OPERATOR(pg_catalog.=) 'items_location' THEN
    CREATE SEQUENCE "shop"."colsync_items_location_items_path_partial";
  END IF;
END
$colsync$;
--rollback empty

--changeset colsync:items_location-07-indexes-build-index-3-6 labels:items_location,indexes runInTransaction:false rollbackSplitStatements:false splitStatements:false
-- Waiting for older transactions to finish is part of a concurrent build and harms no one: no lock_timeout.
SET lock_timeout = 0;
--rollback empty

--changeset colsync:items_location-07-indexes-build-index-3-7 labels:items_location,indexes runInTransaction:false rollbackSplitStatements:false splitStatements:false
SET statement_timeout = 0;
--rollback empty

--changeset colsync:items_location-07-indexes-build-index-3-8 labels:items_location,indexes runInTransaction:false rollbackSplitStatements:false splitStatements:false
CREATE INDEX CONCURRENTLY IF NOT EXISTS "colsync_items_location_items_path_partial" ON "shop"."items" USING btree (other) INCLUDE ("location") WHERE ("location" <> 'p1'::text);
--rollback empty

--changeset colsync:items_location-07-indexes-build-index-3-9 labels:items_location,indexes runInTransaction:false rollbackSplitStatements:false splitStatements:false
DO $colsync$
BEGIN
  IF pg_catalog.current_setting('colsync.contracted', true) OPERATOR(pg_catalog.=) 'items_location' THEN
    DROP SEQUENCE "shop"."colsync_items_location_items_path_partial";
  END IF;
END
$colsync$;
--rollback empty

--changeset colsync:items_location-07-indexes-build-index-3-10 labels:items_location,indexes runInTransaction:false rollbackSplitStatements:false splitStatements:false
-- Leave the session as it was for whatever runs next on this connection.
RESET statement_timeout;
--rollback empty

--changeset colsync:items_location-07-indexes-build-index-3-11 labels:items_location,indexes runInTransaction:false rollbackSplitStatements:false splitStatements:false
RESET lock_timeout;
--rollback empty

--changeset colsync:items_location-08-validate-add-new-not-null labels:items_location,validate runInTransaction:true rollbackSplitStatements:false splitStatements:false
-- colsync items_location: validate / add NOT NULL on the new column as NOT VALID.
-- One transaction; a short ACCESS EXCLUSIVE lock, no table scan. New writes are checked from now on.
SET LOCAL lock_timeout = '2000ms';
SET LOCAL statement_timeout = '30000ms';
-- Once this migration has been contracted this script has nothing left to do: it is one block, which
-- then returns at once with a notice and changes nothing.
DO $colsync_guard$
DECLARE
  colsync_recorded boolean := false;
BEGIN
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
      RAISE NOTICE 'colsync %: contract has run already; % has nothing to do', 'items_location', 'validate/add-new-not-null';
      RETURN;
    END IF;
  END IF;
DO $colsync$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_catalog.pg_constraint
                 WHERE conrelid = '"shop"."items"'::pg_catalog.regclass AND conname = 'colsync_items_location_new_not_null')
     AND NOT (SELECT attnotnull FROM pg_catalog.pg_attribute
              WHERE attrelid = '"shop"."items"'::pg_catalog.regclass AND attname = 'location') THEN
    ALTER TABLE "shop"."items" ADD CONSTRAINT "colsync_items_location_new_not_null" CHECK ("location" IS NOT NULL) NOT VALID;
  END IF;
END
$colsync$;
END
$colsync_guard$;
--rollback -- colsync items_location: validate / drop constraint "colsync_items_location_notes_item_path_fkey".
--rollback -- One transaction; a short lock.
--rollback SET LOCAL lock_timeout = '2000ms';
--rollback SET LOCAL statement_timeout = '30000ms';
--rollback -- This table's lock first, the other's only if free at once: never wait while holding one.
--rollback -- Once this migration has been contracted this script has nothing left to do: it is one block, which
--rollback -- then returns at once with a notice and changes nothing.
--rollback DO $colsync_guard$
--rollback DECLARE
--rollback   colsync_recorded boolean := false;
--rollback BEGIN
--rollback   IF NOT EXISTS (SELECT FROM pg_catalog.pg_attribute AS a WHERE a.attrelid OPERATOR(pg_catalog.=) '"shop"."items"'::pg_catalog.regclass AND a.attname OPERATOR(pg_catalog.=) 'path' AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped) AND (SELECT pg_catalog.count(*) FROM pg_catalog.pg_trigger AS t WHERE t.tgrelid OPERATOR(pg_catalog.=) '"shop"."items"'::pg_catalog.regclass AND t.tgname OPERATOR(pg_catalog.=) ANY (ARRAY['~colsync_items_location_new_written', '~colsync_items_location_sync']::pg_catalog.name[])) OPERATOR(pg_catalog.=) 0 THEN
--rollback     IF pg_catalog.to_regclass('colsync.convergence_checks') IS NOT NULL THEN
--rollback       colsync_recorded := EXISTS (SELECT FROM colsync.convergence_checks AS c
--rollback         WHERE c.migration OPERATOR(pg_catalog.=) 'items_location');
--rollback     END IF;
--rollback     IF NOT colsync_recorded AND pg_catalog.to_regclass('colsync.gate_overrides') IS NOT NULL THEN
--rollback       colsync_recorded := EXISTS (SELECT FROM colsync.gate_overrides AS g
--rollback         WHERE g.migration OPERATOR(pg_catalog.=) 'items_location');
--rollback     END IF;
--rollback     IF colsync_recorded THEN
--rollback       RAISE NOTICE 'colsync %: contract has run already; % has nothing to do', 'items_location', 'validate/drop-referencing-key-1';
--rollback       RETURN;
--rollback     END IF;
--rollback   END IF;
--rollback LOCK TABLE "shop"."items" IN ACCESS EXCLUSIVE MODE;
--rollback LOCK TABLE "shop"."notes" IN ACCESS EXCLUSIVE MODE NOWAIT;
--rollback ALTER TABLE "shop"."notes" DROP CONSTRAINT IF EXISTS "colsync_items_location_notes_item_path_fkey";
--rollback END
--rollback $colsync_guard$;
--rollback -- colsync items_location: validate / drop constraint "colsync_items_location_items_path_check".
--rollback -- One transaction; a short lock.
--rollback SET LOCAL lock_timeout = '2000ms';
--rollback SET LOCAL statement_timeout = '30000ms';
--rollback -- Once this migration has been contracted this script has nothing left to do: it is one block, which
--rollback -- then returns at once with a notice and changes nothing.
--rollback DO $colsync_guard$
--rollback DECLARE
--rollback   colsync_recorded boolean := false;
--rollback BEGIN
--rollback   IF NOT EXISTS (SELECT FROM pg_catalog.pg_attribute AS a WHERE a.attrelid OPERATOR(pg_catalog.=) '"shop"."items"'::pg_catalog.regclass AND a.attname OPERATOR(pg_catalog.=) 'path' AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped) AND (SELECT pg_catalog.count(*) FROM pg_catalog.pg_trigger AS t WHERE t.tgrelid OPERATOR(pg_catalog.=) '"shop"."items"'::pg_catalog.regclass AND t.tgname OPERATOR(pg_catalog.=) ANY (ARRAY['~colsync_items_location_new_written', '~colsync_items_location_sync']::pg_catalog.name[])) OPERATOR(pg_catalog.=) 0 THEN
--rollback     IF pg_catalog.to_regclass('colsync.convergence_checks') IS NOT NULL THEN
--rollback       colsync_recorded := EXISTS (SELECT FROM colsync.convergence_checks AS c
--rollback         WHERE c.migration OPERATOR(pg_catalog.=) 'items_location');
--rollback     END IF;
--rollback     IF NOT colsync_recorded AND pg_catalog.to_regclass('colsync.gate_overrides') IS NOT NULL THEN
--rollback       colsync_recorded := EXISTS (SELECT FROM colsync.gate_overrides AS g
--rollback         WHERE g.migration OPERATOR(pg_catalog.=) 'items_location');
--rollback     END IF;
--rollback     IF colsync_recorded THEN
--rollback       RAISE NOTICE 'colsync %: contract has run already; % has nothing to do', 'items_location', 'validate/drop-constraint-1';
--rollback       RETURN;
--rollback     END IF;
--rollback   END IF;
--rollback ALTER TABLE "shop"."items" DROP CONSTRAINT IF EXISTS "colsync_items_location_items_path_check";
--rollback END
--rollback $colsync_guard$;
--rollback -- colsync items_location: validate / drop constraint "colsync_items_location_items_path_fkey".
--rollback -- One transaction; a short lock.
--rollback SET LOCAL lock_timeout = '2000ms';
--rollback SET LOCAL statement_timeout = '30000ms';
--rollback -- Once this migration has been contracted this script has nothing left to do: it is one block, which
--rollback -- then returns at once with a notice and changes nothing.
--rollback DO $colsync_guard$
--rollback DECLARE
--rollback   colsync_recorded boolean := false;
--rollback BEGIN
--rollback   IF NOT EXISTS (SELECT FROM pg_catalog.pg_attribute AS a WHERE a.attrelid OPERATOR(pg_catalog.=) '"shop"."items"'::pg_catalog.regclass AND a.attname OPERATOR(pg_catalog.=) 'path' AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped) AND (SELECT pg_catalog.count(*) FROM pg_catalog.pg_trigger AS t WHERE t.tgrelid OPERATOR(pg_catalog.=) '"shop"."items"'::pg_catalog.regclass AND t.tgname OPERATOR(pg_catalog.=) ANY (ARRAY['~colsync_items_location_new_written', '~colsync_items_location_sync']::pg_catalog.name[])) OPERATOR(pg_catalog.=) 0 THEN
--rollback     IF pg_catalog.to_regclass('colsync.convergence_checks') IS NOT NULL THEN
--rollback       colsync_recorded := EXISTS (SELECT FROM colsync.convergence_checks AS c
--rollback         WHERE c.migration OPERATOR(pg_catalog.=) 'items_location');
--rollback     END IF;
--rollback     IF NOT colsync_recorded AND pg_catalog.to_regclass('colsync.gate_overrides') IS NOT NULL THEN
--rollback       colsync_recorded := EXISTS (SELECT FROM colsync.gate_overrides AS g
--rollback         WHERE g.migration OPERATOR(pg_catalog.=) 'items_location');
--rollback     END IF;
--rollback     IF colsync_recorded THEN
--rollback       RAISE NOTICE 'colsync %: contract has run already; % has nothing to do', 'items_location', 'validate/drop-constraint-2';
--rollback       RETURN;
--rollback     END IF;
--rollback   END IF;
--rollback ALTER TABLE "shop"."items" DROP CONSTRAINT IF EXISTS "colsync_items_location_items_path_fkey";
--rollback END
--rollback $colsync_guard$;
--rollback -- colsync items_location: rollback of validate / drop NOT NULL from the new column.
--rollback -- One transaction; a short ACCESS EXCLUSIVE lock.
--rollback SET LOCAL lock_timeout = '2000ms';
--rollback SET LOCAL statement_timeout = '30000ms';
--rollback -- Once this migration has been contracted this script has nothing left to do: it is one block, which
--rollback -- then returns at once with a notice and changes nothing.
--rollback DO $colsync_guard$
--rollback DECLARE
--rollback   colsync_recorded boolean := false;
--rollback BEGIN
--rollback   IF NOT EXISTS (SELECT FROM pg_catalog.pg_attribute AS a WHERE a.attrelid OPERATOR(pg_catalog.=) '"shop"."items"'::pg_catalog.regclass AND a.attname OPERATOR(pg_catalog.=) 'path' AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped) AND (SELECT pg_catalog.count(*) FROM pg_catalog.pg_trigger AS t WHERE t.tgrelid OPERATOR(pg_catalog.=) '"shop"."items"'::pg_catalog.regclass AND t.tgname OPERATOR(pg_catalog.=) ANY (ARRAY['~colsync_items_location_new_written', '~colsync_items_location_sync']::pg_catalog.name[])) OPERATOR(pg_catalog.=) 0 THEN
--rollback     IF pg_catalog.to_regclass('colsync.convergence_checks') IS NOT NULL THEN
--rollback       colsync_recorded := EXISTS (SELECT FROM colsync.convergence_checks AS c
--rollback         WHERE c.migration OPERATOR(pg_catalog.=) 'items_location');
--rollback     END IF;
--rollback     IF NOT colsync_recorded AND pg_catalog.to_regclass('colsync.gate_overrides') IS NOT NULL THEN
--rollback       colsync_recorded := EXISTS (SELECT FROM colsync.gate_overrides AS g
--rollback         WHERE g.migration OPERATOR(pg_catalog.=) 'items_location');
--rollback     END IF;
--rollback     IF colsync_recorded THEN
--rollback       RAISE NOTICE 'colsync %: contract has run already; % has nothing to do', 'items_location', 'validate/drop-not-null';
--rollback       RETURN;
--rollback     END IF;
--rollback   END IF;
--rollback ALTER TABLE "shop"."items" ALTER COLUMN "location" DROP NOT NULL;
--rollback ALTER TABLE "shop"."items" DROP CONSTRAINT IF EXISTS "colsync_items_location_new_not_null";
--rollback END
--rollback $colsync_guard$;

--changeset colsync:items_location-09-validate-validate-new-not-null labels:items_location,validate runInTransaction:true rollbackSplitStatements:false splitStatements:false
-- colsync items_location: validate / validate NOT NULL on the new column.
-- One transaction; scans the table under SHARE UPDATE EXCLUSIVE, which blocks no reads or writes,
-- so the statement timeout is lifted for it.
SET LOCAL lock_timeout = '2000ms';
SET LOCAL statement_timeout = 0;
-- Once this migration has been contracted this script has nothing left to do: it is one block, which
-- then returns at once with a notice and changes nothing.
DO $colsync_guard$
DECLARE
  colsync_recorded boolean := false;
BEGIN
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
      RAISE NOTICE 'colsync %: contract has run already; % has nothing to do', 'items_location', 'validate/validate-new-not-null';
      RETURN;
    END IF;
  END IF;
DO $colsync$
BEGIN
  IF EXISTS (SELECT FROM pg_catalog.pg_constraint
             WHERE conrelid = '"shop"."items"'::pg_catalog.regclass AND conname = 'colsync_items_location_new_not_null' AND NOT convalidated) THEN
    ALTER TABLE "shop"."items" VALIDATE CONSTRAINT "colsync_items_location_new_not_null";
  END IF;
END
$colsync$;
END
$colsync_guard$;
--rollback empty

--changeset colsync:items_location-10-validate-set-new-not-null labels:items_location,validate runInTransaction:true rollbackSplitStatements:false splitStatements:false
-- colsync items_location: validate / mark the new column NOT NULL and drop the check.
-- One transaction; a short ACCESS EXCLUSIVE lock, no table scan.
SET LOCAL lock_timeout = '2000ms';
SET LOCAL statement_timeout = '30000ms';
-- The validated check proves there is no NULL, so SET NOT NULL skips its table scan (PostgreSQL 12+).
-- Once this migration has been contracted this script has nothing left to do: it is one block, which
-- then returns at once with a notice and changes nothing.
DO $colsync_guard$
DECLARE
  colsync_recorded boolean := false;
BEGIN
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
      RAISE NOTICE 'colsync %: contract has run already; % has nothing to do', 'items_location', 'validate/set-new-not-null';
      RETURN;
    END IF;
  END IF;
ALTER TABLE "shop"."items" ALTER COLUMN "location" SET NOT NULL;
ALTER TABLE "shop"."items" DROP CONSTRAINT IF EXISTS "colsync_items_location_new_not_null";
END
$colsync_guard$;
--rollback empty

--changeset colsync:items_location-11-validate-add-constraint-1 labels:items_location,validate runInTransaction:true rollbackSplitStatements:false splitStatements:false
-- colsync items_location: validate / add constraint "colsync_items_location_items_path_check" as NOT VALID.
-- One transaction; a short lock, no table scan. New writes are checked from now on.
SET LOCAL lock_timeout = '2000ms';
SET LOCAL statement_timeout = '30000ms';
-- Once this migration has been contracted this script has nothing left to do: it is one block, which
-- then returns at once with a notice and changes nothing.
DO $colsync_guard$
DECLARE
  colsync_recorded boolean := false;
BEGIN
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
      RAISE NOTICE 'colsync %: contract has run already; % has nothing to do', 'items_location', 'validate/add-constraint-1';
      RETURN;
    END IF;
  END IF;
DO $colsync$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_catalog.pg_constraint
                 WHERE conrelid = '"shop"."items"'::pg_catalog.regclass AND conname = 'colsync_items_location_items_path_check') THEN
    ALTER TABLE "shop"."items" ADD CONSTRAINT "colsync_items_location_items_path_check" CHECK (((shop.subpath("location") > 0) AND ('path'::text <> "location"))) NOT VALID;
  END IF;
END
$colsync$;
END
$colsync_guard$;
--rollback empty

--changeset colsync:items_location-12-validate-validate-constraint-1 labels:items_location,validate runInTransaction:true rollbackSplitStatements:false splitStatements:false
-- colsync items_location: validate / validate constraint "colsync_items_location_items_path_check".
-- One transaction; scans under SHARE UPDATE EXCLUSIVE, which blocks no reads or writes, so the
-- statement timeout is lifted for it.
SET LOCAL lock_timeout = '2000ms';
SET LOCAL statement_timeout = 0;
-- Once this migration has been contracted this script has nothing left to do: it is one block, which
-- then returns at once with a notice and changes nothing.
DO $colsync_guard$
DECLARE
  colsync_recorded boolean := false;
BEGIN
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
      RAISE NOTICE 'colsync %: contract has run already; % has nothing to do', 'items_location', 'validate/validate-constraint-1';
      RETURN;
    END IF;
  END IF;
DO $colsync$
BEGIN
  IF EXISTS (SELECT FROM pg_catalog.pg_constraint
             WHERE conrelid = '"shop"."items"'::pg_catalog.regclass AND conname = 'colsync_items_location_items_path_check' AND NOT convalidated) THEN
    ALTER TABLE "shop"."items" VALIDATE CONSTRAINT "colsync_items_location_items_path_check";
  END IF;
END
$colsync$;
END
$colsync_guard$;
--rollback empty

--changeset colsync:items_location-13-validate-add-constraint-2 labels:items_location,validate runInTransaction:true rollbackSplitStatements:false splitStatements:false
-- colsync items_location: validate / add constraint "colsync_items_location_items_path_fkey" as NOT VALID.
-- One transaction; a short lock, no table scan. New writes are checked from now on.
SET LOCAL lock_timeout = '2000ms';
SET LOCAL statement_timeout = '30000ms';
-- Once this migration has been contracted this script has nothing left to do: it is one block, which
-- then returns at once with a notice and changes nothing.
DO $colsync_guard$
DECLARE
  colsync_recorded boolean := false;
BEGIN
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
      RAISE NOTICE 'colsync %: contract has run already; % has nothing to do', 'items_location', 'validate/add-constraint-2';
      RETURN;
    END IF;
  END IF;
DO $colsync$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_catalog.pg_constraint
                 WHERE conrelid = '"shop"."items"'::pg_catalog.regclass AND conname = 'colsync_items_location_items_path_fkey') THEN
    ALTER TABLE "shop"."items" ADD CONSTRAINT "colsync_items_location_items_path_fkey" FOREIGN KEY ("location") REFERENCES shop.codes(code) DEFERRABLE NOT VALID;
  END IF;
END
$colsync$;
END
$colsync_guard$;
--rollback empty

--changeset colsync:items_location-14-validate-validate-constraint-2 labels:items_location,validate runInTransaction:true rollbackSplitStatements:false splitStatements:false
-- colsync items_location: validate / validate constraint "colsync_items_location_items_path_fkey".
-- One transaction; scans under SHARE UPDATE EXCLUSIVE, which blocks no reads or writes, so the
-- statement timeout is lifted for it.
SET LOCAL lock_timeout = '2000ms';
SET LOCAL statement_timeout = 0;
-- Once this migration has been contracted this script has nothing left to do: it is one block, which
-- then returns at once with a notice and changes nothing.
DO $colsync_guard$
DECLARE
  colsync_recorded boolean := false;
BEGIN
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
      RAISE NOTICE 'colsync %: contract has run already; % has nothing to do', 'items_location', 'validate/validate-constraint-2';
      RETURN;
    END IF;
  END IF;
DO $colsync$
BEGIN
  IF EXISTS (SELECT FROM pg_catalog.pg_constraint
             WHERE conrelid = '"shop"."items"'::pg_catalog.regclass AND conname = 'colsync_items_location_items_path_fkey' AND NOT convalidated) THEN
    ALTER TABLE "shop"."items" VALIDATE CONSTRAINT "colsync_items_location_items_path_fkey";
  END IF;
END
$colsync$;
END
$colsync_guard$;
--rollback empty

--changeset colsync:items_location-15-validate-add-referencing-key-1 labels:items_location,validate runInTransaction:true rollbackSplitStatements:false splitStatements:false
-- colsync items_location: validate / add constraint "colsync_items_location_notes_item_path_fkey" as NOT VALID.
-- One transaction; a short lock, no table scan. New writes are checked from now on.
SET LOCAL lock_timeout = '2000ms';
SET LOCAL statement_timeout = '30000ms';
-- This table's lock first, the other's only if free at once: never wait while holding one.
-- Once this migration has been contracted this script has nothing left to do: it is one block, which
-- then returns at once with a notice and changes nothing.
DO $colsync_guard$
DECLARE
  colsync_recorded boolean := false;
BEGIN
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
      RAISE NOTICE 'colsync %: contract has run already; % has nothing to do', 'items_location', 'validate/add-referencing-key-1';
      RETURN;
    END IF;
  END IF;
LOCK TABLE "shop"."items" IN SHARE ROW EXCLUSIVE MODE;
LOCK TABLE "shop"."notes" IN SHARE ROW EXCLUSIVE MODE NOWAIT;
DO $colsync$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_catalog.pg_constraint
                 WHERE conrelid = 'shop.notes'::pg_catalog.regclass AND conname = 'colsync_items_location_notes_item_path_fkey') THEN
    ALTER TABLE "shop"."notes" ADD CONSTRAINT "colsync_items_location_notes_item_path_fkey" FOREIGN KEY (item_path) REFERENCES shop.items("location") ON UPDATE CASCADE NOT VALID;
  END IF;
END
$colsync$;
END
$colsync_guard$;
--rollback empty

--changeset colsync:items_location-16-validate-validate-referencing-key-1 labels:items_location,validate runInTransaction:true rollbackSplitStatements:false splitStatements:false
-- colsync items_location: validate / validate constraint "colsync_items_location_notes_item_path_fkey".
-- One transaction; scans under SHARE UPDATE EXCLUSIVE, which blocks no reads or writes, so the
-- statement timeout is lifted for it.
SET LOCAL lock_timeout = '2000ms';
SET LOCAL statement_timeout = 0;
-- Once this migration has been contracted this script has nothing left to do: it is one block, which
-- then returns at once with a notice and changes nothing.
DO $colsync_guard$
DECLARE
  colsync_recorded boolean := false;
BEGIN
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
      RAISE NOTICE 'colsync %: contract has run already; % has nothing to do', 'items_location', 'validate/validate-referencing-key-1';
      RETURN;
    END IF;
  END IF;
DO $colsync$
BEGIN
  IF EXISTS (SELECT FROM pg_catalog.pg_constraint
             WHERE conrelid = 'shop.notes'::pg_catalog.regclass AND conname = 'colsync_items_location_notes_item_path_fkey' AND NOT convalidated) THEN
    ALTER TABLE "shop"."notes" VALIDATE CONSTRAINT "colsync_items_location_notes_item_path_fkey";
  END IF;
END
$colsync$;
END
$colsync_guard$;
--rollback empty

--changeset colsync:items_location-17-contract-check-convergence labels:items_location,contract runInTransaction:true rollbackSplitStatements:false splitStatements:false
-- colsync items_location: contract / check that every row has converged, and record it for contract.
-- One transaction that reads the whole table under ACCESS SHARE, so writers go on; no statement timeout.
-- N-1 and N may be running. Contract's gate accepts this check only while the sync trigger and its
-- functions stay exactly as they were when it ran: disabled, dropped or replaced since, run it again.
SET LOCAL lock_timeout = '2000ms';
SET LOCAL statement_timeout = 0;
DO $colsync$
BEGIN
  IF pg_catalog.to_regnamespace('colsync') IS NULL THEN
    CREATE SCHEMA colsync;
  END IF;
END
$colsync$;
CREATE TABLE IF NOT EXISTS colsync.convergence_checks (
  migration text PRIMARY KEY,
  seal text NOT NULL,
  rows_checked bigint NOT NULL,
  checked_at timestamptz NOT NULL DEFAULT pg_catalog.now(),
  checked_by text NOT NULL DEFAULT CURRENT_USER
);
CREATE TABLE IF NOT EXISTS colsync.gate_overrides (
  migration text NOT NULL,
  reason text NOT NULL,
  overridden_by text NOT NULL DEFAULT CURRENT_USER,
  overridden_at timestamptz NOT NULL DEFAULT pg_catalog.now()
);
DO $colsync$
#variable_conflict use_column
DECLARE
  colsync_seal text;
  colsync_rows bigint;
  colsync_diverging bigint;
BEGIN
  IF NOT EXISTS (SELECT FROM pg_catalog.pg_attribute AS a WHERE a.attrelid OPERATOR(pg_catalog.=) '"shop"."items"'::pg_catalog.regclass AND a.attname OPERATOR(pg_catalog.=) 'path' AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped) THEN
    IF (SELECT pg_catalog.count(*) FROM pg_catalog.pg_trigger AS t WHERE t.tgrelid OPERATOR(pg_catalog.=) '"shop"."items"'::pg_catalog.regclass AND t.tgname OPERATOR(pg_catalog.=) ANY (ARRAY['~colsync_items_location_new_written', '~colsync_items_location_sync']::pg_catalog.name[])) OPERATOR(pg_catalog.=) 0 THEN
      RAISE NOTICE 'colsync %: contract has run already (column % is gone); nothing to check', 'items_location',
        'path';
      RETURN;
    END IF;
    RAISE EXCEPTION USING ERRCODE = 'object_not_in_prerequisite_state',
      MESSAGE = pg_catalog.format('colsync %s: column %s of %s does not exist, but the sync trigger does',
        'items_location', 'path', '"shop"."items"'::pg_catalog.regclass),
      HINT = 'The table is not as this migration left it; see the runbook.';
  END IF;
  IF (SELECT pg_catalog.count(*) FROM pg_catalog.pg_trigger AS t WHERE t.tgrelid OPERATOR(pg_catalog.=) '"shop"."items"'::pg_catalog.regclass AND t.tgname OPERATOR(pg_catalog.=) ANY (ARRAY['~colsync_items_location_new_written', '~colsync_items_location_sync']::pg_catalog.name[]) AND t.tgenabled OPERATOR(pg_catalog.<>) 'D' AND t.tgenabled OPERATOR(pg_catalog.<>) 'R') OPERATOR(pg_catalog.<>) 2 THEN
    RAISE EXCEPTION USING ERRCODE = 'object_not_in_prerequisite_state',
      MESSAGE = pg_catalog.format('colsync %s: the sync triggers of %s are missing or disabled, so rows written'
        ' meanwhile may disagree', 'items_location', '"shop"."items"'::pg_catalog.regclass),
      HINT = 'Run expand again (it creates them again), then the backfill, then this check.';
  END IF;
  colsync_seal := pg_catalog.concat_ws(' ', (SELECT pg_catalog.string_agg(pg_catalog.concat_ws(':', t.tgname, t.tgenabled, t.xmin, p.xmin), ',' ORDER BY t.tgname) FROM pg_catalog.pg_trigger AS t JOIN pg_catalog.pg_proc AS p ON p.oid OPERATOR(pg_catalog.=) t.tgfoid WHERE t.tgrelid OPERATOR(pg_catalog.=) '"shop"."items"'::pg_catalog.regclass AND t.tgname OPERATOR(pg_catalog.=) ANY (ARRAY['~colsync_items_location_new_written', '~colsync_items_location_sync']::pg_catalog.name[])), (SELECT pg_catalog.string_agg(pg_catalog.concat_ws(':', p.proname, p.xmin), ',' ORDER BY p.proname) FROM pg_catalog.pg_proc AS p WHERE p.pronamespace OPERATOR(pg_catalog.=) (SELECT c.relnamespace FROM pg_catalog.pg_class AS c WHERE c.oid OPERATOR(pg_catalog.=) '"shop"."items"'::pg_catalog.regclass) AND p.proname OPERATOR(pg_catalog.=) ANY (ARRAY['colsync_items_location_to_new', 'colsync_items_location_to_old', 'colsync_items_location_old_differs', 'colsync_items_location_new_differs']::pg_catalog.name[])));
  SELECT pg_catalog.count(*), pg_catalog.count(*) FILTER (WHERE "shop"."colsync_items_location_new_differs"("location", "shop"."colsync_items_location_to_new"("path")))
    INTO colsync_rows, colsync_diverging
    FROM "shop"."items";
  IF colsync_diverging OPERATOR(pg_catalog.>) 0 THEN
    RAISE EXCEPTION USING ERRCODE = 'object_not_in_prerequisite_state',
      MESSAGE = pg_catalog.format('colsync %s: %s of %s rows have %I IS DISTINCT FROM up(%I)', 'items_location',
        colsync_diverging, colsync_rows, 'location', 'path'),
      HINT = 'Let the backfill finish (run it again if it stopped), then run this check again.';
  END IF;
  INSERT INTO colsync.convergence_checks AS c (migration, seal, rows_checked)
    VALUES ('items_location', colsync_seal, colsync_rows)
    ON CONFLICT (migration) DO UPDATE SET seal = EXCLUDED.seal, rows_checked = EXCLUDED.rows_checked,
      checked_at = pg_catalog.now(), checked_by = CURRENT_USER;
  RAISE NOTICE 'colsync %: all % rows converged; recorded for contract', 'items_location', colsync_rows;
END
$colsync$;
--rollback -- colsync items_location: rollback of contract / bring back the old column, the sync trigger and the
--rollback -- backfill procedure. One transaction; takes ACCESS EXCLUSIVE on the table for milliseconds.
--rollback -- From here on every write to the new column is copied to the old one; the next script refills the rest.
--rollback SET LOCAL lock_timeout = '2000ms';
--rollback SET LOCAL statement_timeout = '30000ms';
--rollback ALTER TABLE "shop"."items" ADD COLUMN IF NOT EXISTS "path" text COLLATE "C";
--rollback DO $colsync$
--rollback BEGIN
--rollback   IF EXISTS (SELECT FROM pg_catalog.pg_constraint WHERE conrelid = '"shop"."items"'::pg_catalog.regclass AND conname = 'items_path_key') THEN
--rollback     ALTER TABLE "shop"."items" RENAME CONSTRAINT "items_path_key" TO "colsync_items_location_items_path_key";
--rollback   END IF;
--rollback END
--rollback $colsync$;
--rollback ALTER INDEX IF EXISTS "shop"."items_path_pattern" RENAME TO "colsync_items_location_items_path_pattern";
--rollback ALTER INDEX IF EXISTS "shop"."items_path_partial" RENAME TO "colsync_items_location_items_path_partial";
--rollback DO $colsync$
--rollback BEGIN
--rollback   IF EXISTS (SELECT FROM pg_catalog.pg_constraint WHERE conrelid = '"shop"."items"'::pg_catalog.regclass AND conname = 'items_path_check') THEN
--rollback     ALTER TABLE "shop"."items" RENAME CONSTRAINT "items_path_check" TO "colsync_items_location_items_path_check";
--rollback   END IF;
--rollback END
--rollback $colsync$;
--rollback DO $colsync$
--rollback BEGIN
--rollback   IF EXISTS (SELECT FROM pg_catalog.pg_constraint WHERE conrelid = '"shop"."items"'::pg_catalog.regclass AND conname = 'items_path_fkey') THEN
--rollback     ALTER TABLE "shop"."items" RENAME CONSTRAINT "items_path_fkey" TO "colsync_items_location_items_path_fkey";
--rollback   END IF;
--rollback END
--rollback $colsync$;
--rollback ALTER TABLE "shop"."items" ALTER COLUMN "location" DROP DEFAULT;
--rollback ALTER TABLE "shop"."items" ALTER COLUMN "path" SET DEFAULT 'p0'::text;
--rollback COMMENT ON COLUMN "shop"."items"."path" IS 'where it is';
--rollback ALTER TABLE "shop"."items" ALTER COLUMN "path" SET STATISTICS 321;
--rollback -- up, down and the comparisons the sync function makes, as SQL functions whose bodies PostgreSQL binds
--rollback -- now, under this search path, and inlines where they are called: the trigger function then depends on
--rollback -- no caller's search_path without a SET clause of its own, which would cost every write a few
--rollback -- microseconds.
--rollback SET LOCAL search_path = pg_catalog, "shop", pg_temp;
--rollback CREATE OR REPLACE FUNCTION "shop"."colsync_items_location_to_new"(text) RETURNS text
--rollback LANGUAGE sql SECURITY INVOKER
--rollback RETURN ($1);
--rollback CREATE OR REPLACE FUNCTION "shop"."colsync_items_location_to_old"(text) RETURNS text
--rollback LANGUAGE sql SECURITY INVOKER
--rollback RETURN ($1);
--rollback CREATE OR REPLACE FUNCTION "shop"."colsync_items_location_old_differs"(text, text) RETURNS boolean
--rollback LANGUAGE sql SECURITY INVOKER
--rollback RETURN $1 IS DISTINCT FROM $2;
--rollback CREATE OR REPLACE FUNCTION "shop"."colsync_items_location_new_differs"(text, text) RETURNS boolean
--rollback LANGUAGE sql SECURITY INVOKER
--rollback RETURN $1 IS DISTINCT FROM $2;
--rollback -- Keeps the two columns equal whichever application version writes. Direction is decided by the
--rollback -- data, never by the session: a write to the new column wins and the old one follows unless it
--rollback -- already agrees; a write to the old column only (or an INSERT without the new one) sets the new
--rollback -- one. An UPDATE that writes neither leaves both alone: the backfill converges untouched rows.
--rollback -- A new value the old column cannot hold exactly (up(down(new)) <> new) is refused rather than
--rollback -- silently changed, so no write is ever lost. Every operator is pg_catalog's by name.
--rollback CREATE OR REPLACE FUNCTION "shop"."colsync_items_location_sync"() RETURNS trigger
--rollback LANGUAGE plpgsql SECURITY INVOKER
--rollback AS $colsync$
--rollback DECLARE
--rollback   colsync_agrees boolean;
--rollback BEGIN
--rollback   -- Fired by the UPDATE OF trigger (first, by name), an UPDATE that names the new column in its SET
--rollback   -- list writes it, even with the value it already had.
--rollback   IF TG_NARGS OPERATOR(pg_catalog.>) 0 OR (TG_OP OPERATOR(pg_catalog.=) 'INSERT' AND NEW."location" IS NOT NULL)
--rollback      OR (TG_OP OPERATOR(pg_catalog.=) 'UPDATE' AND "shop"."colsync_items_location_new_differs"(NEW."location", OLD."location")) THEN
--rollback     IF "shop"."colsync_items_location_old_differs"(NEW."path", "shop"."colsync_items_location_to_old"(NEW."location")) THEN
--rollback       BEGIN
--rollback         -- An old value up() cannot convert disagrees with any new value; it must not fail the write.
--rollback         colsync_agrees := NOT "shop"."colsync_items_location_new_differs"(NEW."location", "shop"."colsync_items_location_to_new"(NEW."path"));
--rollback       EXCEPTION WHEN data_exception THEN
--rollback         colsync_agrees := false;
--rollback       END;
--rollback       IF NOT colsync_agrees THEN
--rollback         NEW."path" := "shop"."colsync_items_location_to_old"(NEW."location");
--rollback         IF "shop"."colsync_items_location_new_differs"(NEW."location", "shop"."colsync_items_location_to_new"(NEW."path")) THEN
--rollback           RAISE EXCEPTION USING ERRCODE = 'data_exception', MESSAGE = 'colsync items_location: the value written to column "location" cannot be stored in column "path" without changing it',
--rollback             HINT = 'Only values the old column can hold may be written while both columns are in use.';
--rollback         END IF;
--rollback       END IF;
--rollback     END IF;
--rollback   ELSIF TG_OP OPERATOR(pg_catalog.=) 'INSERT' OR "shop"."colsync_items_location_old_differs"(NEW."path", OLD."path") THEN
--rollback     NEW."location" := "shop"."colsync_items_location_to_new"(NEW."path");
--rollback   END IF;
--rollback   RETURN NEW;
--rollback END
--rollback $colsync$;
--rollback CREATE OR REPLACE TRIGGER "~colsync_items_location_new_written"
--rollback   BEFORE UPDATE OF "location" ON "shop"."items"
--rollback   FOR EACH ROW EXECUTE FUNCTION "shop"."colsync_items_location_sync"('new column written');
--rollback CREATE OR REPLACE TRIGGER "~colsync_items_location_sync"
--rollback   BEFORE INSERT OR UPDATE ON "shop"."items"
--rollback   FOR EACH ROW EXECUTE FUNCTION "shop"."colsync_items_location_sync"();
--rollback CREATE TABLE IF NOT EXISTS "shop"."colsync_items_location_backfill_state" (
--rollback   direction text PRIMARY KEY CHECK (direction IN ('up', 'down')),
--rollback   last_key text[],
--rollback   rows_changed bigint NOT NULL DEFAULT 0,
--rollback   batches bigint NOT NULL DEFAULT 0,
--rollback   done boolean NOT NULL DEFAULT false,
--rollback   started_at timestamptz NOT NULL DEFAULT pg_catalog.now(),
--rollback   updated_at timestamptz NOT NULL DEFAULT pg_catalog.now()
--rollback );
--rollback -- The walk ends at the highest key when it starts (bound_key, with the rows estimated up to it then):
--rollback -- rows inserted later are written by the sync trigger.
--rollback ALTER TABLE "shop"."colsync_items_location_backfill_state" ADD COLUMN IF NOT EXISTS bound_key text[];
--rollback ALTER TABLE "shop"."colsync_items_location_backfill_state" ADD COLUMN IF NOT EXISTS bound_rows bigint;
--rollback -- Walks the primary key in batches: one short transaction per batch, checkpoint committed with it.
--rollback -- Only rows that differ are written, so running it again is a no-op. 'down' refills the old column.
--rollback CREATE OR REPLACE PROCEDURE "shop"."colsync_items_location_backfill"(
--rollback   colsync_direction text DEFAULT 'up',
--rollback   colsync_batch_size integer DEFAULT 5000,
--rollback   colsync_pause interval DEFAULT '10ms'::interval,
--rollback   colsync_commit_batches boolean DEFAULT true)
--rollback LANGUAGE plpgsql SECURITY INVOKER
--rollback AS $colsync$
--rollback #variable_conflict use_column
--rollback DECLARE
--rollback   colsync_state record;
--rollback   colsync_last_0 "shop"."items"."id"%TYPE;
--rollback   colsync_lower_0 "shop"."items"."id"%TYPE;
--rollback   colsync_upper_0 "shop"."items"."id"%TYPE;
--rollback   colsync_bound_0 "shop"."items"."id"%TYPE;
--rollback   colsync_changed bigint;
--rollback   colsync_row record;
--rollback   colsync_error_state text;
--rollback   colsync_error_message text;
--rollback   colsync_error_detail text;
--rollback   colsync_error_hint text;
--rollback BEGIN
--rollback   IF colsync_direction NOT IN ('up', 'down') THEN
--rollback     RAISE EXCEPTION 'colsync: direction must be up or down, not %', colsync_direction;
--rollback   END IF;
--rollback   LOOP
--rollback     PERFORM pg_catalog.set_config('search_path', 'pg_catalog, "shop", pg_temp', true);
--rollback     PERFORM pg_catalog.set_config('lock_timeout', '2000ms', true);
--rollback     -- The checkpoint keeps keys as text: read and write them in one fixed format.
--rollback     PERFORM pg_catalog.set_config('DateStyle', 'ISO, YMD', true);
--rollback     PERFORM pg_catalog.set_config('TimeZone', 'UTC', true);
--rollback     PERFORM pg_catalog.set_config('IntervalStyle', 'postgres', true);
--rollback     PERFORM pg_catalog.set_config('extra_float_digits', '3', true);
--rollback     -- The table's own triggers can tell the backfill's updates by this setting (see the runbook).
--rollback     PERFORM pg_catalog.set_config('colsync.backfill', 'items_location', true);
--rollback     INSERT INTO "shop"."colsync_items_location_backfill_state" (direction) VALUES (colsync_direction) ON CONFLICT (direction) DO NOTHING;
--rollback     SELECT * INTO colsync_state FROM "shop"."colsync_items_location_backfill_state" WHERE direction = colsync_direction FOR UPDATE;
--rollback     EXIT WHEN colsync_state.done;
--rollback     IF colsync_state.bound_key IS NULL THEN
--rollback       SELECT "id" INTO colsync_bound_0
--rollback         FROM "shop"."items" ORDER BY "id" DESC LIMIT 1;
--rollback       IF NOT FOUND THEN
--rollback         UPDATE "shop"."colsync_items_location_backfill_state" SET done = true, updated_at = pg_catalog.now() WHERE direction = colsync_direction;
--rollback         RAISE NOTICE 'colsync: backfill % done: the table was empty when it started', colsync_direction;
--rollback         IF colsync_commit_batches THEN
--rollback           COMMIT;
--rollback         END IF;
--rollback         EXIT;
--rollback       END IF;
--rollback       UPDATE "shop"."colsync_items_location_backfill_state"
--rollback         SET bound_key = ARRAY[colsync_bound_0::text],
--rollback             bound_rows = (SELECT NULLIF(c.reltuples::bigint, -1) FROM pg_catalog.pg_class c
--rollback                           WHERE c.oid = '"shop"."items"'::pg_catalog.regclass)
--rollback         WHERE direction = colsync_direction;
--rollback     ELSE
--rollback       colsync_bound_0 := colsync_state.bound_key[1];
--rollback     END IF;
--rollback     IF colsync_state.last_key IS NULL THEN
--rollback       SELECT "id" INTO colsync_lower_0
--rollback         FROM "shop"."items"
--rollback         WHERE ("id") <= (colsync_bound_0)
--rollback         ORDER BY "id" LIMIT 1;
--rollback     ELSE
--rollback       colsync_last_0 := colsync_state.last_key[1];
--rollback       SELECT "id" INTO colsync_lower_0
--rollback         FROM "shop"."items"
--rollback         WHERE ("id") > (colsync_last_0)
--rollback           AND ("id") <= (colsync_bound_0)
--rollback         ORDER BY "id" LIMIT 1;
--rollback     END IF;
--rollback     IF NOT FOUND THEN
--rollback       UPDATE "shop"."colsync_items_location_backfill_state" SET done = true, updated_at = pg_catalog.now() WHERE direction = colsync_direction;
--rollback       RAISE NOTICE 'colsync: backfill % done: % rows changed in % batches',
--rollback         colsync_direction, colsync_state.rows_changed, colsync_state.batches;
--rollback       IF colsync_commit_batches THEN
--rollback         COMMIT;
--rollback       END IF;
--rollback       EXIT;
--rollback     END IF;
--rollback     SELECT batch."id" INTO colsync_upper_0
--rollback       FROM (SELECT "id" FROM "shop"."items"
--rollback             WHERE ("id") >= (colsync_lower_0)
--rollback               AND ("id") <= (colsync_bound_0)
--rollback             ORDER BY "id" LIMIT colsync_batch_size) AS batch
--rollback       ORDER BY batch."id" DESC LIMIT 1;
--rollback     -- A value up (or down) cannot convert fails the batch; the error then names the first row it fails on.
--rollback     BEGIN
--rollback       IF colsync_direction = 'up' THEN
--rollback         UPDATE "shop"."items" SET "location" = ("path")
--rollback           WHERE ("id") >= (colsync_lower_0)
--rollback             AND ("id") <= (colsync_upper_0)
--rollback             AND "location" IS DISTINCT FROM ("path");
--rollback       ELSE
--rollback         UPDATE "shop"."items" SET "path" = ("location")
--rollback           WHERE ("id") >= (colsync_lower_0)
--rollback             AND ("id") <= (colsync_upper_0)
--rollback             AND "path" IS DISTINCT FROM ("location");
--rollback       END IF;
--rollback       GET DIAGNOSTICS colsync_changed = ROW_COUNT;
--rollback     EXCEPTION WHEN OTHERS THEN
--rollback       GET STACKED DIAGNOSTICS colsync_error_state = RETURNED_SQLSTATE, colsync_error_message = MESSAGE_TEXT,
--rollback         colsync_error_detail = PG_EXCEPTION_DETAIL, colsync_error_hint = PG_EXCEPTION_HINT;
--rollback       -- A lock timeout, a deadlock or a cancel is no row's fault.
--rollback       IF colsync_error_state IN ('55P03', '40P01', '40001', '57014')
--rollback           OR pg_catalog.left(colsync_error_state, 2) IN ('08', '53', '57', '58', 'XX') THEN
--rollback         RAISE;
--rollback       END IF;
--rollback       FOR colsync_row IN SELECT "id" AS colsync_key_0
--rollback           FROM "shop"."items"
--rollback           WHERE ("id") >= (colsync_lower_0)
--rollback             AND ("id") <= (colsync_upper_0)
--rollback           ORDER BY "id" LOOP
--rollback         BEGIN
--rollback           IF colsync_direction = 'up' THEN
--rollback             PERFORM ("path") FROM "shop"."items" WHERE ("id") = (colsync_row.colsync_key_0);
--rollback           ELSE
--rollback             PERFORM ("location") FROM "shop"."items" WHERE ("id") = (colsync_row.colsync_key_0);
--rollback           END IF;
--rollback         EXCEPTION WHEN OTHERS THEN
--rollback           RAISE EXCEPTION USING ERRCODE = colsync_error_state, DETAIL = colsync_error_detail, HINT = colsync_error_hint,
--rollback             MESSAGE = colsync_error_message || ' (on the row whose key (' || 'id'
--rollback               || ') is (' || pg_catalog.concat_ws(', ', colsync_row.colsync_key_0) || '))';
--rollback         END;
--rollback       END LOOP;
--rollback       RAISE;
--rollback     END;
--rollback     UPDATE "shop"."colsync_items_location_backfill_state"
--rollback       SET last_key = ARRAY[colsync_upper_0::text],
--rollback           rows_changed = rows_changed + colsync_changed,
--rollback           batches = batches + 1,
--rollback           updated_at = pg_catalog.now()
--rollback       WHERE direction = colsync_direction;
--rollback     IF colsync_commit_batches THEN
--rollback       COMMIT;
--rollback       PERFORM pg_catalog.pg_sleep_for(colsync_pause);
--rollback     END IF;
--rollback   END LOOP;
--rollback END
--rollback $colsync$;
--rollback -- colsync items_location: rollback of contract / fill the old column from the new one, all batches in the caller's transaction.
--rollback SET LOCAL statement_timeout = 0;
--rollback CALL "shop"."colsync_items_location_backfill"(colsync_direction => 'down', colsync_commit_batches => false);
--rollback -- colsync items_location: rollback of contract / add NOT NULL on the old column as NOT VALID.
--rollback -- One transaction; a short ACCESS EXCLUSIVE lock, no table scan. New writes are checked from now on.
--rollback SET LOCAL lock_timeout = '2000ms';
--rollback SET LOCAL statement_timeout = '30000ms';
--rollback DO $colsync$
--rollback BEGIN
--rollback   IF NOT EXISTS (SELECT FROM pg_catalog.pg_constraint
--rollback                  WHERE conrelid = '"shop"."items"'::pg_catalog.regclass AND conname = 'colsync_items_location_old_not_null')
--rollback      AND NOT (SELECT attnotnull FROM pg_catalog.pg_attribute
--rollback               WHERE attrelid = '"shop"."items"'::pg_catalog.regclass AND attname = 'path') THEN
--rollback     ALTER TABLE "shop"."items" ADD CONSTRAINT "colsync_items_location_old_not_null" CHECK ("path" IS NOT NULL) NOT VALID;
--rollback   END IF;
--rollback END
--rollback $colsync$;
--rollback -- colsync items_location: rollback of contract / validate NOT NULL on the old column.
--rollback -- One transaction; scans the table under SHARE UPDATE EXCLUSIVE, which blocks no reads or writes,
--rollback -- so the statement timeout is lifted for it.
--rollback SET LOCAL lock_timeout = '2000ms';
--rollback SET LOCAL statement_timeout = 0;
--rollback DO $colsync$
--rollback BEGIN
--rollback   IF EXISTS (SELECT FROM pg_catalog.pg_constraint
--rollback              WHERE conrelid = '"shop"."items"'::pg_catalog.regclass AND conname = 'colsync_items_location_old_not_null' AND NOT convalidated) THEN
--rollback     ALTER TABLE "shop"."items" VALIDATE CONSTRAINT "colsync_items_location_old_not_null";
--rollback   END IF;
--rollback END
--rollback $colsync$;
--rollback -- colsync items_location: rollback of contract / mark the old column NOT NULL and drop the check.
--rollback -- One transaction; a short ACCESS EXCLUSIVE lock, no table scan.
--rollback SET LOCAL lock_timeout = '2000ms';
--rollback SET LOCAL statement_timeout = '30000ms';
--rollback -- The validated check proves there is no NULL, so SET NOT NULL skips its table scan (PostgreSQL 12+).
--rollback ALTER TABLE "shop"."items" ALTER COLUMN "path" SET NOT NULL;
--rollback ALTER TABLE "shop"."items" DROP CONSTRAINT IF EXISTS "colsync_items_location_old_not_null";
--rollback CREATE UNIQUE INDEX IF NOT EXISTS "items_path_key" ON "shop"."items" USING btree ("path");
--rollback -- colsync items_location: rollback of contract / add constraint "items_path_key" as NOT VALID.
--rollback -- One transaction; a short lock, no table scan. New writes are checked from now on.
--rollback SET LOCAL lock_timeout = '2000ms';
--rollback SET LOCAL statement_timeout = '30000ms';
--rollback DO $colsync$
--rollback BEGIN
--rollback   IF NOT EXISTS (SELECT FROM pg_catalog.pg_constraint
--rollback                  WHERE conrelid = '"shop"."items"'::pg_catalog.regclass AND conname = 'items_path_key') THEN
--rollback     ALTER TABLE "shop"."items" ADD CONSTRAINT "items_path_key" UNIQUE USING INDEX "items_path_key";
--rollback   END IF;
--rollback END
--rollback $colsync$;
--rollback CREATE INDEX IF NOT EXISTS "items_path_pattern" ON "shop"."items" USING btree ("path" text_pattern_ops) WITH (fillfactor='70');
--rollback CREATE INDEX IF NOT EXISTS "items_path_partial" ON "shop"."items" USING btree (other) INCLUDE ("path") WHERE ("path" <> 'p1'::text);
--rollback -- colsync items_location: rollback of contract / add constraint "items_path_check" as NOT VALID.
--rollback -- One transaction; a short lock, no table scan. New writes are checked from now on.
--rollback SET LOCAL lock_timeout = '2000ms';
--rollback SET LOCAL statement_timeout = '30000ms';
--rollback DO $colsync$
--rollback BEGIN
--rollback   IF NOT EXISTS (SELECT FROM pg_catalog.pg_constraint
--rollback                  WHERE conrelid = '"shop"."items"'::pg_catalog.regclass AND conname = 'items_path_check') THEN
--rollback     ALTER TABLE "shop"."items" ADD CONSTRAINT "items_path_check" CHECK (((shop.subpath("path") > 0) AND ('path'::text <> "path"))) NOT VALID;
--rollback   END IF;
--rollback END
--rollback $colsync$;
--rollback -- colsync items_location: rollback of contract / validate constraint "items_path_check".
--rollback -- One transaction; scans under SHARE UPDATE EXCLUSIVE, which blocks no reads or writes, so the
--rollback -- statement timeout is lifted for it.
--rollback SET LOCAL lock_timeout = '2000ms';
--rollback SET LOCAL statement_timeout = 0;
--rollback DO $colsync$
--rollback BEGIN
--rollback   IF EXISTS (SELECT FROM pg_catalog.pg_constraint
--rollback              WHERE conrelid = '"shop"."items"'::pg_catalog.regclass AND conname = 'items_path_check' AND NOT convalidated) THEN
--rollback     ALTER TABLE "shop"."items" VALIDATE CONSTRAINT "items_path_check";
--rollback   END IF;
--rollback END
--rollback $colsync$;
--rollback -- colsync items_location: rollback of contract / add constraint "items_path_fkey" as NOT VALID.
--rollback -- One transaction; a short lock, no table scan. New writes are checked from now on.
--rollback SET LOCAL lock_timeout = '2000ms';
--rollback SET LOCAL statement_timeout = '30000ms';
--rollback DO $colsync$
--rollback BEGIN
--rollback   IF NOT EXISTS (SELECT FROM pg_catalog.pg_constraint
--rollback                  WHERE conrelid = '"shop"."items"'::pg_catalog.regclass AND conname = 'items_path_fkey') THEN
--rollback     ALTER TABLE "shop"."items" ADD CONSTRAINT "items_path_fkey" FOREIGN KEY ("path") REFERENCES shop.codes(code) DEFERRABLE NOT VALID;
--rollback   END IF;
--rollback END
--rollback $colsync$;
--rollback -- colsync items_location: rollback of contract / validate constraint "items_path_fkey".
--rollback -- One transaction; scans under SHARE UPDATE EXCLUSIVE, which blocks no reads or writes, so the
--rollback -- statement timeout is lifted for it.
--rollback SET LOCAL lock_timeout = '2000ms';
--rollback SET LOCAL statement_timeout = 0;
--rollback DO $colsync$
--rollback BEGIN
--rollback   IF EXISTS (SELECT FROM pg_catalog.pg_constraint
--rollback              WHERE conrelid = '"shop"."items"'::pg_catalog.regclass AND conname = 'items_path_fkey' AND NOT convalidated) THEN
--rollback     ALTER TABLE "shop"."items" VALIDATE CONSTRAINT "items_path_fkey";
--rollback   END IF;
--rollback END
--rollback $colsync$;
--rollback -- colsync items_location: rollback of contract / rename constraint "notes_item_path_fkey".
--rollback -- One transaction; a short lock. Safe to run twice: it renames only while the old name exists.
--rollback SET LOCAL lock_timeout = '2000ms';
--rollback SET LOCAL statement_timeout = '30000ms';
--rollback DO $colsync$
--rollback BEGIN
--rollback   IF EXISTS (SELECT FROM pg_catalog.pg_constraint
--rollback              WHERE conrelid = 'shop.notes'::pg_catalog.regclass AND conname = 'notes_item_path_fkey') THEN
--rollback     ALTER TABLE "shop"."notes" RENAME CONSTRAINT "notes_item_path_fkey" TO "colsync_items_location_notes_item_path_fkey";
--rollback   END IF;
--rollback END
--rollback $colsync$;
--rollback -- colsync items_location: rollback of contract / add constraint "notes_item_path_fkey" as NOT VALID.
--rollback -- One transaction; a short lock, no table scan. New writes are checked from now on.
--rollback SET LOCAL lock_timeout = '2000ms';
--rollback SET LOCAL statement_timeout = '30000ms';
--rollback -- This table's lock first, the other's only if free at once: never wait while holding one.
--rollback LOCK TABLE "shop"."items" IN SHARE ROW EXCLUSIVE MODE;
--rollback LOCK TABLE "shop"."notes" IN SHARE ROW EXCLUSIVE MODE NOWAIT;
--rollback DO $colsync$
--rollback BEGIN
--rollback   IF NOT EXISTS (SELECT FROM pg_catalog.pg_constraint
--rollback                  WHERE conrelid = 'shop.notes'::pg_catalog.regclass AND conname = 'notes_item_path_fkey') THEN
--rollback     ALTER TABLE "shop"."notes" ADD CONSTRAINT "notes_item_path_fkey" FOREIGN KEY (item_path) REFERENCES shop.items("path") ON UPDATE CASCADE NOT VALID;
--rollback   END IF;
--rollback END
--rollback $colsync$;
--rollback -- colsync items_location: rollback of contract / validate constraint "notes_item_path_fkey".
--rollback -- One transaction; scans under SHARE UPDATE EXCLUSIVE, which blocks no reads or writes, so the
--rollback -- statement timeout is lifted for it.
--rollback SET LOCAL lock_timeout = '2000ms';
--rollback SET LOCAL statement_timeout = 0;
--rollback DO $colsync$
--rollback BEGIN
--rollback   IF EXISTS (SELECT FROM pg_catalog.pg_constraint
--rollback              WHERE conrelid = 'shop.notes'::pg_catalog.regclass AND conname = 'notes_item_path_fkey' AND NOT convalidated) THEN
--rollback     ALTER TABLE "shop"."notes" VALIDATE CONSTRAINT "notes_item_path_fkey";
--rollback   END IF;
--rollback END
--rollback $colsync$;

--changeset colsync:items_location-18-contract-drop-old-referencing-key-1 labels:items_location,contract runInTransaction:true rollbackSplitStatements:false splitStatements:false
-- colsync items_location: contract / drop foreign key "notes_item_path_fkey" of "shop"."notes", which references the old column.
-- One transaction; a short lock on both tables. Gated as the drop of the old column is: run too early,
-- or again after contract (when the new column's key carries this name), it changes nothing.
SET LOCAL lock_timeout = '2000ms';
SET LOCAL statement_timeout = '30000ms';
-- This table's lock first, the other's only if free at once: never wait while holding one.
LOCK TABLE "shop"."items" IN ACCESS EXCLUSIVE MODE;
LOCK TABLE "shop"."notes" IN ACCESS EXCLUSIVE MODE NOWAIT;
-- The gate, whoever runs this script: it refuses unless a convergence check passed with the sync trigger
-- and its functions exactly as they are now, the read-path flag is NEW and no running instance
-- reports another read path. It runs under the table's
-- lock, so no write and no flag change can come between it and the drop. To contract anyway, on purpose:
-- SET colsync.contract_override = 'items_location: <reason>' in the session first (recorded).
DO $colsync$
#variable_conflict use_column
DECLARE
  colsync_override text := pg_catalog.current_setting('colsync.contract_override', true);
  colsync_seal text;
  colsync_checked timestamptz;
  colsync_read_path text;
  colsync_instances text;
BEGIN
  IF NOT EXISTS (SELECT FROM pg_catalog.pg_attribute AS a WHERE a.attrelid OPERATOR(pg_catalog.=) '"shop"."items"'::pg_catalog.regclass AND a.attname OPERATOR(pg_catalog.=) 'path' AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped) THEN
    IF (SELECT pg_catalog.count(*) FROM pg_catalog.pg_trigger AS t WHERE t.tgrelid OPERATOR(pg_catalog.=) '"shop"."items"'::pg_catalog.regclass AND t.tgname OPERATOR(pg_catalog.=) ANY (ARRAY['~colsync_items_location_new_written', '~colsync_items_location_sync']::pg_catalog.name[])) OPERATOR(pg_catalog.=) 0 THEN
      RAISE NOTICE 'colsync %: contract has run already (column % is gone); nothing to do', 'items_location',
        'path';
      RETURN;
    END IF;
    RAISE EXCEPTION USING ERRCODE = 'object_not_in_prerequisite_state',
      MESSAGE = pg_catalog.format('colsync %s: contract refused: column %s of %s does not exist, but the sync'
        ' trigger does', 'items_location', 'path', '"shop"."items"'::pg_catalog.regclass),
      HINT = 'The table is not as this migration left it; see the runbook.';
  END IF;
  IF colsync_override OPERATOR(pg_catalog.=) 'items_location'
     OR pg_catalog.starts_with(colsync_override, 'items_location:') THEN
    RAISE WARNING 'colsync %: contract gate overridden by % (%)', 'items_location', CURRENT_USER, colsync_override;
    IF pg_catalog.to_regnamespace('colsync') IS NULL THEN
      CREATE SCHEMA colsync;
    END IF;
    CREATE TABLE IF NOT EXISTS colsync.gate_overrides (
      migration text NOT NULL,
      reason text NOT NULL,
      overridden_by text NOT NULL DEFAULT CURRENT_USER,
      overridden_at timestamptz NOT NULL DEFAULT pg_catalog.now()
    );
    INSERT INTO colsync.gate_overrides (migration, reason) VALUES ('items_location', colsync_override);
    RETURN;
  END IF;
  IF pg_catalog.to_regclass('colsync.convergence_checks') IS NOT NULL THEN
    SELECT c.seal, c.checked_at INTO colsync_seal, colsync_checked FROM colsync.convergence_checks AS c
      WHERE c.migration OPERATOR(pg_catalog.=) 'items_location' FOR SHARE;
  END IF;
  IF colsync_seal IS NULL THEN
    RAISE EXCEPTION USING ERRCODE = 'object_not_in_prerequisite_state',
      MESSAGE = pg_catalog.format('colsync %s: contract refused: no convergence check has passed, so column %s'
        ' is not known to be copied', 'items_location', 'path'),
      HINT = 'Once the backfill is done, run the check-convergence script before this one (or colsync verify).';
  END IF;
  IF colsync_seal OPERATOR(pg_catalog.<>) pg_catalog.concat_ws(' ', (SELECT pg_catalog.string_agg(pg_catalog.concat_ws(':', t.tgname, t.tgenabled, t.xmin, p.xmin), ',' ORDER BY t.tgname) FROM pg_catalog.pg_trigger AS t JOIN pg_catalog.pg_proc AS p ON p.oid OPERATOR(pg_catalog.=) t.tgfoid WHERE t.tgrelid OPERATOR(pg_catalog.=) '"shop"."items"'::pg_catalog.regclass AND t.tgname OPERATOR(pg_catalog.=) ANY (ARRAY['~colsync_items_location_new_written', '~colsync_items_location_sync']::pg_catalog.name[])), (SELECT pg_catalog.string_agg(pg_catalog.concat_ws(':', p.proname, p.xmin), ',' ORDER BY p.proname) FROM pg_catalog.pg_proc AS p WHERE p.pronamespace OPERATOR(pg_catalog.=) (SELECT c.relnamespace FROM pg_catalog.pg_class AS c WHERE c.oid OPERATOR(pg_catalog.=) '"shop"."items"'::pg_catalog.regclass) AND p.proname OPERATOR(pg_catalog.=) ANY (ARRAY['colsync_items_location_to_new', 'colsync_items_location_to_old', 'colsync_items_location_old_differs', 'colsync_items_location_new_differs']::pg_catalog.name[]))) THEN
    RAISE EXCEPTION USING ERRCODE = 'object_not_in_prerequisite_state',
      MESSAGE = pg_catalog.format('colsync %s: contract refused: the sync trigger or its functions were'
        ' disabled, dropped or replaced after the convergence check of %s', 'items_location', colsync_checked),
      HINT = 'Rows written since may disagree: run the backfill and the check-convergence script again.';
  END IF;
  IF pg_catalog.to_regclass('colsync.read_path_flags') IS NOT NULL THEN
    SELECT f.read_path INTO colsync_read_path FROM colsync.read_path_flags AS f
      WHERE f.migration OPERATOR(pg_catalog.=) 'items_location' FOR SHARE;
  END IF;
  IF colsync_read_path IS NULL OR colsync_read_path OPERATOR(pg_catalog.<>) 'NEW' THEN
    RAISE EXCEPTION USING ERRCODE = 'object_not_in_prerequisite_state',
      MESSAGE = pg_catalog.format('colsync %s: contract refused: the read-path flag is %s, not NEW', 'items_location',
        COALESCE(colsync_read_path, 'not set (OLD)')),
      HINT = pg_catalog.format('Set it once every instance reads the new column: colsync flag set %s NEW', 'items_location');
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
        AND ((i.migration OPERATOR(pg_catalog.=) 'items_location' AND i.read_path OPERATOR(pg_catalog.<>) 'NEW')
          OR (i.migration OPERATOR(pg_catalog.=) ''
            AND NOT EXISTS (SELECT FROM colsync.instances AS k WHERE k.instance OPERATOR(pg_catalog.=) i.instance
              AND k.migration OPERATOR(pg_catalog.=) 'items_location')
            AND EXISTS (SELECT FROM colsync.instances AS a WHERE a.application OPERATOR(pg_catalog.=) i.application
              AND a.migration OPERATOR(pg_catalog.=) 'items_location'
              AND a.expires_at OPERATOR(pg_catalog.>) pg_catalog.now())));
  END IF;
  IF colsync_instances IS NOT NULL THEN
    RAISE EXCEPTION USING ERRCODE = 'object_not_in_prerequisite_state',
      MESSAGE = pg_catalog.format('colsync %s: contract refused: running instances still use column %s: %s',
        'items_location', 'path', colsync_instances),
      HINT = 'Stop them or let them follow the flag to NEW, then run contract again (a report of an instance'
        ' that stopped without closing expires by itself; colsync status lists the live ones).';
  END IF;
END
$colsync$;
DO $colsync$
BEGIN
  IF EXISTS (SELECT FROM pg_catalog.pg_constraint AS k
             JOIN pg_catalog.pg_attribute AS a ON a.attrelid OPERATOR(pg_catalog.=) k.confrelid
               AND a.attnum OPERATOR(pg_catalog.=) ANY (k.confkey)
             WHERE k.conrelid OPERATOR(pg_catalog.=) 'shop.notes'::pg_catalog.regclass
               AND k.conname OPERATOR(pg_catalog.=) 'notes_item_path_fkey'
               AND k.confrelid OPERATOR(pg_catalog.=) '"shop"."items"'::pg_catalog.regclass
               AND a.attname OPERATOR(pg_catalog.=) 'path') THEN
    ALTER TABLE "shop"."notes" DROP CONSTRAINT "notes_item_path_fkey";
  END IF;
END
$colsync$;
--rollback empty

--changeset colsync:items_location-19-contract-drop-old-column labels:items_location,contract runInTransaction:true rollbackSplitStatements:false splitStatements:false
-- colsync items_location: contract / drop the sync trigger, its functions and the old column.
-- One transaction, so no write ever sees the column gone and the trigger still there.
-- Only N may be running. Takes ACCESS EXCLUSIVE on the table for milliseconds.
SET LOCAL lock_timeout = '2000ms';
SET LOCAL statement_timeout = '30000ms';
LOCK TABLE "shop"."items" IN ACCESS EXCLUSIVE MODE;
-- The gate, whoever runs this script: it refuses unless a convergence check passed with the sync trigger
-- and its functions exactly as they are now, the read-path flag is NEW and no running instance
-- reports another read path. It runs under the table's
-- lock, so no write and no flag change can come between it and the drop. To contract anyway, on purpose:
-- SET colsync.contract_override = 'items_location: <reason>' in the session first (recorded).
DO $colsync$
#variable_conflict use_column
DECLARE
  colsync_override text := pg_catalog.current_setting('colsync.contract_override', true);
  colsync_seal text;
  colsync_checked timestamptz;
  colsync_read_path text;
  colsync_instances text;
BEGIN
  IF NOT EXISTS (SELECT FROM pg_catalog.pg_attribute AS a WHERE a.attrelid OPERATOR(pg_catalog.=) '"shop"."items"'::pg_catalog.regclass AND a.attname OPERATOR(pg_catalog.=) 'path' AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped) THEN
    IF (SELECT pg_catalog.count(*) FROM pg_catalog.pg_trigger AS t WHERE t.tgrelid OPERATOR(pg_catalog.=) '"shop"."items"'::pg_catalog.regclass AND t.tgname OPERATOR(pg_catalog.=) ANY (ARRAY['~colsync_items_location_new_written', '~colsync_items_location_sync']::pg_catalog.name[])) OPERATOR(pg_catalog.=) 0 THEN
      RAISE NOTICE 'colsync %: contract has run already (column % is gone); nothing to do', 'items_location',
        'path';
      RETURN;
    END IF;
    RAISE EXCEPTION USING ERRCODE = 'object_not_in_prerequisite_state',
      MESSAGE = pg_catalog.format('colsync %s: contract refused: column %s of %s does not exist, but the sync'
        ' trigger does', 'items_location', 'path', '"shop"."items"'::pg_catalog.regclass),
      HINT = 'The table is not as this migration left it; see the runbook.';
  END IF;
  IF colsync_override OPERATOR(pg_catalog.=) 'items_location'
     OR pg_catalog.starts_with(colsync_override, 'items_location:') THEN
    RAISE WARNING 'colsync %: contract gate overridden by % (%)', 'items_location', CURRENT_USER, colsync_override;
    IF pg_catalog.to_regnamespace('colsync') IS NULL THEN
      CREATE SCHEMA colsync;
    END IF;
    CREATE TABLE IF NOT EXISTS colsync.gate_overrides (
      migration text NOT NULL,
      reason text NOT NULL,
      overridden_by text NOT NULL DEFAULT CURRENT_USER,
      overridden_at timestamptz NOT NULL DEFAULT pg_catalog.now()
    );
    INSERT INTO colsync.gate_overrides (migration, reason) VALUES ('items_location', colsync_override);
    RETURN;
  END IF;
  IF pg_catalog.to_regclass('colsync.convergence_checks') IS NOT NULL THEN
    SELECT c.seal, c.checked_at INTO colsync_seal, colsync_checked FROM colsync.convergence_checks AS c
      WHERE c.migration OPERATOR(pg_catalog.=) 'items_location' FOR SHARE;
  END IF;
  IF colsync_seal IS NULL THEN
    RAISE EXCEPTION USING ERRCODE = 'object_not_in_prerequisite_state',
      MESSAGE = pg_catalog.format('colsync %s: contract refused: no convergence check has passed, so column %s'
        ' is not known to be copied', 'items_location', 'path'),
      HINT = 'Once the backfill is done, run the check-convergence script before this one (or colsync verify).';
  END IF;
  IF colsync_seal OPERATOR(pg_catalog.<>) pg_catalog.concat_ws(' ', (SELECT pg_catalog.string_agg(pg_catalog.concat_ws(':', t.tgname, t.tgenabled, t.xmin, p.xmin), ',' ORDER BY t.tgname) FROM pg_catalog.pg_trigger AS t JOIN pg_catalog.pg_proc AS p ON p.oid OPERATOR(pg_catalog.=) t.tgfoid WHERE t.tgrelid OPERATOR(pg_catalog.=) '"shop"."items"'::pg_catalog.regclass AND t.tgname OPERATOR(pg_catalog.=) ANY (ARRAY['~colsync_items_location_new_written', '~colsync_items_location_sync']::pg_catalog.name[])), (SELECT pg_catalog.string_agg(pg_catalog.concat_ws(':', p.proname, p.xmin), ',' ORDER BY p.proname) FROM pg_catalog.pg_proc AS p WHERE p.pronamespace OPERATOR(pg_catalog.=) (SELECT c.relnamespace FROM pg_catalog.pg_class AS c WHERE c.oid OPERATOR(pg_catalog.=) '"shop"."items"'::pg_catalog.regclass) AND p.proname OPERATOR(pg_catalog.=) ANY (ARRAY['colsync_items_location_to_new', 'colsync_items_location_to_old', 'colsync_items_location_old_differs', 'colsync_items_location_new_differs']::pg_catalog.name[]))) THEN
    RAISE EXCEPTION USING ERRCODE = 'object_not_in_prerequisite_state',
      MESSAGE = pg_catalog.format('colsync %s: contract refused: the sync trigger or its functions were'
        ' disabled, dropped or replaced after the convergence check of %s', 'items_location', colsync_checked),
      HINT = 'Rows written since may disagree: run the backfill and the check-convergence script again.';
  END IF;
  IF pg_catalog.to_regclass('colsync.read_path_flags') IS NOT NULL THEN
    SELECT f.read_path INTO colsync_read_path FROM colsync.read_path_flags AS f
      WHERE f.migration OPERATOR(pg_catalog.=) 'items_location' FOR SHARE;
  END IF;
  IF colsync_read_path IS NULL OR colsync_read_path OPERATOR(pg_catalog.<>) 'NEW' THEN
    RAISE EXCEPTION USING ERRCODE = 'object_not_in_prerequisite_state',
      MESSAGE = pg_catalog.format('colsync %s: contract refused: the read-path flag is %s, not NEW', 'items_location',
        COALESCE(colsync_read_path, 'not set (OLD)')),
      HINT = pg_catalog.format('Set it once every instance reads the new column: colsync flag set %s NEW', 'items_location');
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
        AND ((i.migration OPERATOR(pg_catalog.=) 'items_location' AND i.read_path OPERATOR(pg_catalog.<>) 'NEW')
          OR (i.migration OPERATOR(pg_catalog.=) ''
            AND NOT EXISTS (SELECT FROM colsync.instances AS k WHERE k.instance OPERATOR(pg_catalog.=) i.instance
              AND k.migration OPERATOR(pg_catalog.=) 'items_location')
            AND EXISTS (SELECT FROM colsync.instances AS a WHERE a.application OPERATOR(pg_catalog.=) i.application
              AND a.migration OPERATOR(pg_catalog.=) 'items_location'
              AND a.expires_at OPERATOR(pg_catalog.>) pg_catalog.now())));
  END IF;
  IF colsync_instances IS NOT NULL THEN
    RAISE EXCEPTION USING ERRCODE = 'object_not_in_prerequisite_state',
      MESSAGE = pg_catalog.format('colsync %s: contract refused: running instances still use column %s: %s',
        'items_location', 'path', colsync_instances),
      HINT = 'Stop them or let them follow the flag to NEW, then run contract again (a report of an instance'
        ' that stopped without closing expires by itself; colsync status lists the live ones).';
  END IF;
END
$colsync$;
DROP TRIGGER IF EXISTS "~colsync_items_location_new_written" ON "shop"."items";
DROP TRIGGER IF EXISTS "~colsync_items_location_sync" ON "shop"."items";
DROP FUNCTION IF EXISTS "shop"."colsync_items_location_sync"();
DROP FUNCTION IF EXISTS "shop"."colsync_items_location_to_new"(text);
DROP FUNCTION IF EXISTS "shop"."colsync_items_location_to_old"(text);
DROP FUNCTION IF EXISTS "shop"."colsync_items_location_old_differs"(text, text);
DROP FUNCTION IF EXISTS "shop"."colsync_items_location_new_differs"(text, text);
ALTER TABLE "shop"."items" DROP COLUMN IF EXISTS "path";
DO $colsync$
BEGIN
  IF EXISTS (SELECT FROM pg_catalog.pg_constraint WHERE conrelid = '"shop"."items"'::pg_catalog.regclass AND conname = 'colsync_items_location_items_path_key') THEN
    ALTER TABLE "shop"."items" RENAME CONSTRAINT "colsync_items_location_items_path_key" TO "items_path_key";
  END IF;
END
$colsync$;
ALTER INDEX IF EXISTS "shop"."colsync_items_location_items_path_pattern" RENAME TO "items_path_pattern";
ALTER INDEX IF EXISTS "shop"."colsync_items_location_items_path_partial" RENAME TO "items_path_partial";
DO $colsync$
BEGIN
  IF EXISTS (SELECT FROM pg_catalog.pg_constraint WHERE conrelid = '"shop"."items"'::pg_catalog.regclass AND conname = 'colsync_items_location_items_path_check') THEN
    ALTER TABLE "shop"."items" RENAME CONSTRAINT "colsync_items_location_items_path_check" TO "items_path_check";
  END IF;
END
$colsync$;
DO $colsync$
BEGIN
  IF EXISTS (SELECT FROM pg_catalog.pg_constraint WHERE conrelid = '"shop"."items"'::pg_catalog.regclass AND conname = 'colsync_items_location_items_path_fkey') THEN
    ALTER TABLE "shop"."items" RENAME CONSTRAINT "colsync_items_location_items_path_fkey" TO "items_path_fkey";
  END IF;
END
$colsync$;
ALTER TABLE "shop"."items" ALTER COLUMN "location" SET DEFAULT 'p0'::text;
DROP PROCEDURE IF EXISTS "shop"."colsync_items_location_backfill"(text, integer, interval, boolean);
DROP TABLE IF EXISTS "shop"."colsync_items_location_backfill_state";
--rollback empty

--changeset colsync:items_location-20-contract-rename-referencing-key-1 labels:items_location,contract runInTransaction:true rollbackSplitStatements:false splitStatements:false
-- colsync items_location: rollback of contract / rename constraint "colsync_items_location_notes_item_path_fkey".
-- One transaction; a short lock. Safe to run twice: it renames only while the old name exists.
SET LOCAL lock_timeout = '2000ms';
SET LOCAL statement_timeout = '30000ms';
DO $colsync$
BEGIN
  IF EXISTS (SELECT FROM pg_catalog.pg_constraint
             WHERE conrelid = 'shop.notes'::pg_catalog.regclass AND conname = 'colsync_items_location_notes_item_path_fkey') THEN
    ALTER TABLE "shop"."notes" RENAME CONSTRAINT "colsync_items_location_notes_item_path_fkey" TO "notes_item_path_fkey";
  END IF;
END
$colsync$;
--rollback empty
