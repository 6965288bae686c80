-- colsync accounts_id_bigint: expand / add the new column and the sync trigger.
-- One transaction; N-1 may be running. Takes ACCESS EXCLUSIVE on the table for milliseconds.
SET LOCAL lock_timeout = '2000ms';
SET LOCAL statement_timeout = '30000ms';
-- Before it changes anything, expand checks the live table against the spec (the old column's type and
-- nullability, the key the backfill walks, the objects the spec recorded, and that the new column is
-- absent or this migration's own) and stops naming every mismatch. Once the migration has been
-- contracted or cut over, it does nothing.
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
  IF pg_catalog.to_regclass('"public"."accounts"') IS NULL THEN
    RAISE EXCEPTION USING ERRCODE = 'undefined_table',
      MESSAGE = pg_catalog.format('colsync %s: expand refused: table %s does not exist', 'accounts_id_bigint', '"public"."accounts"'),
      HINT = 'The spec''s table is schema.name, as the catalog spells them; nothing was changed.';
  END IF;
  colsync_old_exists := EXISTS (SELECT FROM pg_catalog.pg_attribute AS a WHERE a.attrelid OPERATOR(pg_catalog.=) '"public"."accounts"'::pg_catalog.regclass AND a.attname OPERATOR(pg_catalog.=) 'id' AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped);
  colsync_new_exists := EXISTS (SELECT FROM pg_catalog.pg_attribute AS a WHERE a.attrelid OPERATOR(pg_catalog.=) '"public"."accounts"'::pg_catalog.regclass AND a.attname OPERATOR(pg_catalog.=) 'id_colsync_new' AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped);
  colsync_ours := pg_catalog.to_regprocedure('"public"."colsync_accounts_id_bigint_sync"()') IS NOT NULL OR EXISTS (SELECT FROM pg_catalog.pg_trigger AS t WHERE t.tgrelid OPERATOR(pg_catalog.=) '"public"."accounts"'::pg_catalog.regclass AND t.tgname OPERATOR(pg_catalog.=) ANY (ARRAY['~colsync_accounts_id_bigint_new_written', '~colsync_accounts_id_bigint_sync']::pg_catalog.name[]));
  IF colsync_old_exists AND EXISTS (SELECT FROM pg_catalog.pg_attribute AS a WHERE a.attrelid OPERATOR(pg_catalog.=) '"public"."accounts"'::pg_catalog.regclass AND a.attname OPERATOR(pg_catalog.=) 'id_colsync_old' AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped) AND colsync_ours THEN
    RAISE NOTICE 'colsync %: %', 'accounts_id_bigint', 'the cut-over or contract of this migration has run already (column id has its new type); nothing to do';
    RETURN;
  END IF;
  IF colsync_old_exists AND NOT colsync_new_exists AND NOT EXISTS (SELECT FROM pg_catalog.pg_attribute AS a WHERE a.attrelid OPERATOR(pg_catalog.=) '"public"."accounts"'::pg_catalog.regclass AND a.attname OPERATOR(pg_catalog.=) 'id_colsync_old' AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped) AND NOT colsync_ours AND EXISTS (SELECT FROM pg_catalog.pg_attribute AS a WHERE a.attrelid OPERATOR(pg_catalog.=) '"public"."accounts"'::pg_catalog.regclass AND a.attname OPERATOR(pg_catalog.=) 'id' AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped AND a.atttypid OPERATOR(pg_catalog.=) pg_catalog.to_regtype('bigint') AND a.atttypmod OPERATOR(pg_catalog.=) -1) THEN
    IF pg_catalog.to_regclass('colsync.convergence_checks') IS NOT NULL THEN
      colsync_recorded := EXISTS (SELECT FROM colsync.convergence_checks AS c
        WHERE c.migration OPERATOR(pg_catalog.=) 'accounts_id_bigint');
    END IF;
    IF NOT colsync_recorded AND pg_catalog.to_regclass('colsync.gate_overrides') IS NOT NULL THEN
      colsync_recorded := EXISTS (SELECT FROM colsync.gate_overrides AS g
        WHERE g.migration OPERATOR(pg_catalog.=) 'accounts_id_bigint');
    END IF;
    IF colsync_recorded THEN
      RAISE NOTICE 'colsync %: %', 'accounts_id_bigint', 'the cut-over or contract of this migration has run already (column id has its new type); nothing to do';
      RETURN;
    END IF;
  END IF;
  IF NOT colsync_old_exists THEN
    colsync_problems := colsync_problems OPERATOR(pg_catalog.||) pg_catalog.format('column %I of %s does not exist', 'id', '"public"."accounts"');
  END IF;
  IF colsync_old_exists AND NOT EXISTS (SELECT FROM pg_catalog.pg_attribute AS a WHERE a.attrelid OPERATOR(pg_catalog.=) '"public"."accounts"'::pg_catalog.regclass AND a.attname OPERATOR(pg_catalog.=) 'id' AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped AND a.atttypid OPERATOR(pg_catalog.=) pg_catalog.to_regtype('integer') AND a.atttypmod OPERATOR(pg_catalog.=) -1) THEN
    colsync_problems := colsync_problems OPERATOR(pg_catalog.||) pg_catalog.format('column %I of %s is %s, but the spec says %s', 'id', '"public"."accounts"', (SELECT pg_catalog.format_type(a.atttypid, a.atttypmod) FROM pg_catalog.pg_attribute AS a WHERE a.attrelid OPERATOR(pg_catalog.=) '"public"."accounts"'::pg_catalog.regclass AND a.attname OPERATOR(pg_catalog.=) 'id' AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped), 'integer');
  END IF;
  IF colsync_old_exists AND NOT EXISTS (SELECT FROM pg_catalog.pg_attribute AS a WHERE a.attrelid OPERATOR(pg_catalog.=) '"public"."accounts"'::pg_catalog.regclass AND a.attname OPERATOR(pg_catalog.=) 'id' AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped AND a.attnotnull OPERATOR(pg_catalog.=) true) THEN
    colsync_problems := colsync_problems OPERATOR(pg_catalog.||) pg_catalog.format('column %I of %s is %s, but the spec says %s', 'id', '"public"."accounts"', (SELECT CASE WHEN a.attnotnull THEN 'NOT NULL' ELSE 'nullable' END FROM pg_catalog.pg_attribute AS a WHERE a.attrelid OPERATOR(pg_catalog.=) '"public"."accounts"'::pg_catalog.regclass AND a.attname OPERATOR(pg_catalog.=) 'id' AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped), 'NOT NULL');
  END IF;
  IF colsync_new_exists AND NOT colsync_ours THEN
    colsync_problems := colsync_problems OPERATOR(pg_catalog.||) pg_catalog.format('column %I of %s exists already and is not this migration''s: expand would overwrite it', 'id_colsync_new', '"public"."accounts"');
  END IF;
  IF colsync_new_exists AND colsync_ours AND NOT EXISTS (SELECT FROM pg_catalog.pg_attribute AS a WHERE a.attrelid OPERATOR(pg_catalog.=) '"public"."accounts"'::pg_catalog.regclass AND a.attname OPERATOR(pg_catalog.=) 'id_colsync_new' AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped AND a.atttypid OPERATOR(pg_catalog.=) pg_catalog.to_regtype('bigint') AND a.atttypmod OPERATOR(pg_catalog.=) -1) THEN
    colsync_problems := colsync_problems OPERATOR(pg_catalog.||) pg_catalog.format('column %I of %s, made by an earlier expand, is %s, but the spec says %s', 'id_colsync_new', '"public"."accounts"', (SELECT pg_catalog.format_type(a.atttypid, a.atttypmod) FROM pg_catalog.pg_attribute AS a WHERE a.attrelid OPERATOR(pg_catalog.=) '"public"."accounts"'::pg_catalog.regclass AND a.attname OPERATOR(pg_catalog.=) 'id_colsync_new' AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped), 'bigint');
  END IF;
  IF NOT EXISTS (SELECT FROM pg_catalog.pg_index AS i WHERE i.indrelid OPERATOR(pg_catalog.=) '"public"."accounts"'::pg_catalog.regclass AND i.indisunique AND i.indisvalid AND i.indpred IS NULL AND i.indexprs IS NULL AND i.indnkeyatts OPERATOR(pg_catalog.=) 1 AND (SELECT pg_catalog.count(*) FROM pg_catalog.unnest(i.indkey::pg_catalog.int2[]) WITH ORDINALITY AS k(attnum, n) JOIN pg_catalog.pg_attribute AS a ON a.attrelid OPERATOR(pg_catalog.=) i.indrelid AND a.attnum OPERATOR(pg_catalog.=) k.attnum WHERE k.n OPERATOR(pg_catalog.<=) i.indnkeyatts AND a.attnotnull AND a.attname OPERATOR(pg_catalog.=) ANY (ARRAY['id']::pg_catalog.name[])) OPERATOR(pg_catalog.=) 1) THEN
    colsync_problems := colsync_problems OPERATOR(pg_catalog.||) pg_catalog.format('%s has no primary key or unique index on exactly (%s) over NOT NULL columns, which the backfill walks', '"public"."accounts"', 'id');
  END IF;
  IF (SELECT pg_catalog.pg_get_indexdef(i.indexrelid) FROM pg_catalog.pg_index AS i JOIN pg_catalog.pg_class AS c ON c.oid OPERATOR(pg_catalog.=) i.indexrelid WHERE i.indrelid OPERATOR(pg_catalog.=) '"public"."accounts"'::pg_catalog.regclass AND c.relname OPERATOR(pg_catalog.=) 'accounts_pkey') IS DISTINCT FROM 'CREATE UNIQUE INDEX accounts_pkey ON public.accounts USING btree (id)' THEN
    colsync_problems := colsync_problems OPERATOR(pg_catalog.||) pg_catalog.format('the index %s is not as the spec records it: the database has %s, the spec %s', 'accounts_pkey', COALESCE((SELECT pg_catalog.pg_get_indexdef(i.indexrelid) FROM pg_catalog.pg_index AS i JOIN pg_catalog.pg_class AS c ON c.oid OPERATOR(pg_catalog.=) i.indexrelid WHERE i.indrelid OPERATOR(pg_catalog.=) '"public"."accounts"'::pg_catalog.regclass AND c.relname OPERATOR(pg_catalog.=) 'accounts_pkey'), 'none'), 'CREATE UNIQUE INDEX accounts_pkey ON public.accounts USING btree (id)');
  END IF;
  IF (SELECT pg_catalog.pg_get_indexdef(i.indexrelid) FROM pg_catalog.pg_index AS i JOIN pg_catalog.pg_class AS c ON c.oid OPERATOR(pg_catalog.=) i.indexrelid WHERE i.indrelid OPERATOR(pg_catalog.=) '"public"."accounts"'::pg_catalog.regclass AND c.relname OPERATOR(pg_catalog.=) 'accounts_id_owner') IS DISTINCT FROM 'CREATE INDEX accounts_id_owner ON public.accounts USING btree (owner, id) WHERE (id > 100)' THEN
    colsync_problems := colsync_problems OPERATOR(pg_catalog.||) pg_catalog.format('the index %s is not as the spec records it: the database has %s, the spec %s', 'accounts_id_owner', COALESCE((SELECT pg_catalog.pg_get_indexdef(i.indexrelid) FROM pg_catalog.pg_index AS i JOIN pg_catalog.pg_class AS c ON c.oid OPERATOR(pg_catalog.=) i.indexrelid WHERE i.indrelid OPERATOR(pg_catalog.=) '"public"."accounts"'::pg_catalog.regclass AND c.relname OPERATOR(pg_catalog.=) 'accounts_id_owner'), 'none'), 'CREATE INDEX accounts_id_owner ON public.accounts USING btree (owner, id) WHERE (id > 100)');
  END IF;
  IF (SELECT pg_catalog.pg_get_constraintdef(k.oid) FROM pg_catalog.pg_constraint AS k WHERE k.conrelid OPERATOR(pg_catalog.=) pg_catalog.to_regclass('public.accounts') AND k.conname OPERATOR(pg_catalog.=) 'accounts_id_check') IS DISTINCT FROM 'CHECK ((id > 0))' THEN
    colsync_problems := colsync_problems OPERATOR(pg_catalog.||) pg_catalog.format('the constraint %s is not as the spec records it: the database has %s, the spec %s', 'accounts_id_check of public.accounts', COALESCE((SELECT pg_catalog.pg_get_constraintdef(k.oid) FROM pg_catalog.pg_constraint AS k WHERE k.conrelid OPERATOR(pg_catalog.=) pg_catalog.to_regclass('public.accounts') AND k.conname OPERATOR(pg_catalog.=) 'accounts_id_check'), 'none'), 'CHECK ((id > 0))');
  END IF;
  IF (SELECT pg_catalog.pg_get_constraintdef(k.oid) FROM pg_catalog.pg_constraint AS k WHERE k.conrelid OPERATOR(pg_catalog.=) pg_catalog.to_regclass('public.entries') AND k.conname OPERATOR(pg_catalog.=) 'entries_account_id_fkey') IS DISTINCT FROM 'FOREIGN KEY (account_id) REFERENCES public.accounts(id) ON DELETE CASCADE' THEN
    colsync_problems := colsync_problems OPERATOR(pg_catalog.||) pg_catalog.format('the constraint %s is not as the spec records it: the database has %s, the spec %s', 'entries_account_id_fkey of public.entries', COALESCE((SELECT pg_catalog.pg_get_constraintdef(k.oid) FROM pg_catalog.pg_constraint AS k WHERE k.conrelid OPERATOR(pg_catalog.=) pg_catalog.to_regclass('public.entries') AND k.conname OPERATOR(pg_catalog.=) 'entries_account_id_fkey'), 'none'), 'FOREIGN KEY (account_id) REFERENCES public.accounts(id) ON DELETE CASCADE');
  END IF;
  IF pg_catalog.cardinality(colsync_problems) OPERATOR(pg_catalog.>) 0 THEN
    RAISE EXCEPTION USING ERRCODE = 'object_not_in_prerequisite_state',
      MESSAGE = pg_catalog.format('colsync %s: expand refused, the table is not as the spec says: %s',
        'accounts_id_bigint', pg_catalog.array_to_string(colsync_problems, '; ')),
      HINT = 'Nothing was changed. Correct the spec, or write it again from this database: colsync scaffold --url.';
  END IF;
  IF colsync_new_exists AND colsync_ours THEN
    RAISE NOTICE 'colsync %: %', 'accounts_id_bigint', 'expand has run already; its functions and triggers are created again as they were';
  END IF;
  colsync_publications := (
    SELECT pg_catalog.string_agg(DISTINCT pg_catalog.quote_ident(pt.pubname), ', ')
      FROM (SELECT pg_catalog.to_regclass('"public"."accounts"') AS relid
            UNION SELECT t.relid FROM pg_catalog.pg_partition_tree(pg_catalog.to_regclass('"public"."accounts"')) AS t) AS tree
      JOIN pg_catalog.pg_class AS c ON c.oid = tree.relid
      JOIN pg_catalog.pg_namespace AS n ON n.oid = c.relnamespace
      JOIN pg_catalog.pg_publication_tables AS pt ON pt.schemaname = n.nspname AND pt.tablename = c.relname);
  IF colsync_publications IS NOT NULL THEN
    RAISE WARNING USING
      MESSAGE = pg_catalog.format('colsync %s: table %s is in publication %s: each subscriber must have column %I'
        ' before this expand runs, or it stops applying the table''s changes', 'accounts_id_bigint', '"public"."accounts"',
        colsync_publications, 'id_colsync_new'),
      HINT = pg_catalog.format('DDL does not replicate. On each subscriber first: %s; the runbook''s section on'
        ' subscribers says what else each phase needs there (contract runs there last).', 'ALTER TABLE "public"."accounts" ADD COLUMN IF NOT EXISTS "id_colsync_new" bigint');
  END IF;


SET LOCAL search_path = pg_catalog, "public", pg_temp;
ALTER TABLE "public"."accounts" ADD COLUMN IF NOT EXISTS "id_colsync_new" bigint;

-- up, down and the comparisons the sync function makes, as SQL functions whose bodies PostgreSQL binds
-- now, under this search path, and inlines where they are called: the trigger function then depends on
-- no caller's search_path without a SET clause of its own, which would cost every write a few
-- microseconds.
SET LOCAL search_path = pg_catalog, "public", pg_temp;
CREATE OR REPLACE FUNCTION "public"."colsync_accounts_id_bigint_to_new"(integer) RETURNS bigint
LANGUAGE sql SECURITY INVOKER
RETURN ($1::bigint);

CREATE OR REPLACE FUNCTION "public"."colsync_accounts_id_bigint_to_old"(bigint) RETURNS integer
LANGUAGE sql SECURITY INVOKER
RETURN ($1::integer);

CREATE OR REPLACE FUNCTION "public"."colsync_accounts_id_bigint_old_differs"(integer, integer) RETURNS boolean
LANGUAGE sql SECURITY INVOKER
RETURN $1 IS DISTINCT FROM $2;

CREATE OR REPLACE FUNCTION "public"."colsync_accounts_id_bigint_new_differs"(bigint, bigint) RETURNS boolean
LANGUAGE sql SECURITY INVOKER
RETURN $1 IS DISTINCT FROM $2;

-- Keeps the two columns equal whichever application version writes. Direction is decided by the
-- data, never by the session: a write to the new column wins and the old one follows unless it
-- already agrees; a write to the old column only (or an INSERT without the new one) sets the new
-- one. An UPDATE that writes neither leaves both alone: the backfill converges untouched rows.
-- A new value the old column cannot hold exactly (up(down(new)) <> new) is refused rather than
-- silently changed, so no write is ever lost. Every operator is pg_catalog's by name.
CREATE OR REPLACE FUNCTION "public"."colsync_accounts_id_bigint_sync"() RETURNS trigger
LANGUAGE plpgsql SECURITY INVOKER
AS $colsync$
DECLARE
  colsync_agrees boolean;
BEGIN
  -- Fired by the UPDATE OF trigger (first, by name), an UPDATE that names the new column in its SET
  -- list writes it, even with the value it already had.
  IF TG_NARGS OPERATOR(pg_catalog.>) 0 OR (TG_OP OPERATOR(pg_catalog.=) 'INSERT' AND NEW."id_colsync_new" IS NOT NULL)
     OR (TG_OP OPERATOR(pg_catalog.=) 'UPDATE' AND "public"."colsync_accounts_id_bigint_new_differs"(NEW."id_colsync_new", OLD."id_colsync_new")) THEN
    IF "public"."colsync_accounts_id_bigint_old_differs"(NEW."id", "public"."colsync_accounts_id_bigint_to_old"(NEW."id_colsync_new")) THEN
      BEGIN
        -- An old value up() cannot convert disagrees with any new value; it must not fail the write.
        colsync_agrees := NOT "public"."colsync_accounts_id_bigint_new_differs"(NEW."id_colsync_new", "public"."colsync_accounts_id_bigint_to_new"(NEW."id"));
      EXCEPTION WHEN data_exception THEN
        colsync_agrees := false;
      END;
      IF NOT colsync_agrees THEN
        NEW."id" := "public"."colsync_accounts_id_bigint_to_old"(NEW."id_colsync_new");
        IF "public"."colsync_accounts_id_bigint_new_differs"(NEW."id_colsync_new", "public"."colsync_accounts_id_bigint_to_new"(NEW."id")) THEN
          RAISE EXCEPTION USING ERRCODE = 'data_exception', MESSAGE = 'colsync accounts_id_bigint: the value written to column "id_colsync_new" cannot be stored in column "id" without changing it',
            HINT = 'Only values the old column can hold may be written while both columns are in use.';
        END IF;
      END IF;
    END IF;
  ELSIF TG_OP OPERATOR(pg_catalog.=) 'INSERT' OR "public"."colsync_accounts_id_bigint_old_differs"(NEW."id", OLD."id") THEN
    NEW."id_colsync_new" := "public"."colsync_accounts_id_bigint_to_new"(NEW."id");
  END IF;
  RETURN NEW;
END
$colsync$;

CREATE OR REPLACE TRIGGER "~colsync_accounts_id_bigint_new_written"
  BEFORE UPDATE OF "id_colsync_new" ON "public"."accounts"
  FOR EACH ROW EXECUTE FUNCTION "public"."colsync_accounts_id_bigint_sync"('new column written');

CREATE OR REPLACE TRIGGER "~colsync_accounts_id_bigint_sync"
  BEFORE INSERT OR UPDATE ON "public"."accounts"
  FOR EACH ROW EXECUTE FUNCTION "public"."colsync_accounts_id_bigint_sync"();

  -- Each CHECK the validate phase copies onto the new column is tried here (NOT VALID: no scan) and
  -- dropped again, and the old column's default converted by up is computed once, so that what
  -- PostgreSQL cannot make over the new type stops expand, not validate or every insert after contract.
  IF NOT EXISTS (SELECT FROM pg_catalog.pg_constraint AS k WHERE k.conrelid OPERATOR(pg_catalog.=) '"public"."accounts"'::pg_catalog.regclass
                 AND k.conname OPERATOR(pg_catalog.=) 'colsync_accounts_id_bigint_accounts_id_check') THEN
    BEGIN
      ALTER TABLE "public"."accounts" ADD CONSTRAINT "colsync_accounts_id_bigint_accounts_id_check" CHECK (("id_colsync_new" > 0)) NOT VALID;
      ALTER TABLE "public"."accounts" DROP CONSTRAINT "colsync_accounts_id_bigint_accounts_id_check";
    EXCEPTION WHEN OTHERS THEN
      colsync_problems := colsync_problems OPERATOR(pg_catalog.||) pg_catalog.format(
        'the copy of CHECK %s over the new column cannot be made (%s)', 'accounts_id_check', SQLERRM);
    END;
  END IF;
  IF pg_catalog.cardinality(colsync_problems) OPERATOR(pg_catalog.>) 0 THEN
    RAISE EXCEPTION USING ERRCODE = 'object_not_in_prerequisite_state',
      MESSAGE = pg_catalog.format('colsync %s: expand refused: %s', 'accounts_id_bigint',
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
        WHERE d.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass AND d.objid = ANY (ARRAY[pg_catalog.to_regprocedure('"public"."colsync_accounts_id_bigint_to_new"(integer)'), pg_catalog.to_regprocedure('"public"."colsync_accounts_id_bigint_to_old"(bigint)')]::pg_catalog.oid[])
          AND d.refclassid = 'pg_catalog.pg_proc'::pg_catalog.regclass
          AND d.refobjid <> ALL (ARRAY[pg_catalog.to_regprocedure('"public"."colsync_accounts_id_bigint_to_new"(integer)'), pg_catalog.to_regprocedure('"public"."colsync_accounts_id_bigint_to_old"(bigint)')]::pg_catalog.oid[])
      UNION ALL
      SELECT 'operator', o.oid::pg_catalog.regoperator::text, f.provolatile = 'v', o.oprowner, o.oprnamespace,
          d.refclassid, o.oid
        FROM pg_catalog.pg_depend AS d JOIN pg_catalog.pg_operator AS o ON o.oid = d.refobjid
          JOIN pg_catalog.pg_proc AS f ON f.oid = o.oprcode
        WHERE d.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass AND d.objid = ANY (ARRAY[pg_catalog.to_regprocedure('"public"."colsync_accounts_id_bigint_to_new"(integer)'), pg_catalog.to_regprocedure('"public"."colsync_accounts_id_bigint_to_old"(bigint)')]::pg_catalog.oid[])
          AND d.refclassid = 'pg_catalog.pg_operator'::pg_catalog.regclass
      UNION ALL
      SELECT 'table', c.oid::pg_catalog.regclass::text, false, c.relowner, c.relnamespace, d.refclassid, c.oid
        FROM pg_catalog.pg_depend AS d JOIN pg_catalog.pg_class AS c ON c.oid = d.refobjid
        WHERE d.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass AND d.objid = ANY (ARRAY[pg_catalog.to_regprocedure('"public"."colsync_accounts_id_bigint_to_new"(integer)'), pg_catalog.to_regprocedure('"public"."colsync_accounts_id_bigint_to_old"(bigint)')]::pg_catalog.oid[])
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
        'accounts_id_bigint', pg_catalog.array_to_string(colsync_problems, '; ')),
      HINT = 'Nothing was changed. Name the object you mean with its schema (pg_catalog.round(...),'
        || ' OPERATOR(pg_catalog.*)), or remove the object that should not be there.';
  END IF;
  SET LOCAL search_path = pg_catalog, "public", pg_temp;
END
$colsync_expand$;
