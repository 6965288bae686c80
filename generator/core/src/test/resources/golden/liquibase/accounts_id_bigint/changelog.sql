--liquibase formatted sql

--changeset colsync:accounts_id_bigint-01-expand-add-column labels:accounts_id_bigint,expand runInTransaction:true rollbackSplitStatements:false splitStatements:false
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
--rollback -- colsync accounts_id_bigint: rollback of expand / drop the sync trigger, its functions and the new column.
--rollback -- One transaction; N-1 only. Takes ACCESS EXCLUSIVE on the table for milliseconds.
--rollback SET LOCAL lock_timeout = '2000ms';
--rollback SET LOCAL statement_timeout = '30000ms';
--rollback LOCK TABLE "public"."accounts" IN ACCESS EXCLUSIVE MODE;
--rollback -- Once a later phase has run, the new column holds values the old one no longer has: refuse.
--rollback DO $colsync_expand$
--rollback BEGIN
--rollback   IF (NOT EXISTS (SELECT FROM pg_catalog.pg_attribute AS a WHERE a.attrelid OPERATOR(pg_catalog.=) '"public"."accounts"'::pg_catalog.regclass AND a.attname OPERATOR(pg_catalog.=) 'id' AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped) AND EXISTS (SELECT FROM pg_catalog.pg_attribute AS a WHERE a.attrelid OPERATOR(pg_catalog.=) '"public"."accounts"'::pg_catalog.regclass AND a.attname OPERATOR(pg_catalog.=) 'id_colsync_new' AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped)) OR (EXISTS (SELECT FROM pg_catalog.pg_attribute AS a WHERE a.attrelid OPERATOR(pg_catalog.=) '"public"."accounts"'::pg_catalog.regclass AND a.attname OPERATOR(pg_catalog.=) 'id' AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped) AND EXISTS (SELECT FROM pg_catalog.pg_attribute AS a WHERE a.attrelid OPERATOR(pg_catalog.=) '"public"."accounts"'::pg_catalog.regclass AND a.attname OPERATOR(pg_catalog.=) 'id_colsync_old' AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped) AND (pg_catalog.to_regprocedure('"public"."colsync_accounts_id_bigint_sync"()') IS NOT NULL OR EXISTS (SELECT FROM pg_catalog.pg_trigger AS t WHERE t.tgrelid OPERATOR(pg_catalog.=) '"public"."accounts"'::pg_catalog.regclass AND t.tgname OPERATOR(pg_catalog.=) ANY (ARRAY['~colsync_accounts_id_bigint_new_written', '~colsync_accounts_id_bigint_sync']::pg_catalog.name[])))) THEN
--rollback     RAISE EXCEPTION USING ERRCODE = 'object_not_in_prerequisite_state',
--rollback       MESSAGE = pg_catalog.format('colsync %s: rollback of expand refused: a later phase (cut-over or contract)'
--rollback         ' has run, so dropping the new column would lose its values', 'accounts_id_bigint'),
--rollback       HINT = 'Roll back the later phases first (rollback/contract, rollback/cutover); nothing was changed.';
--rollback   END IF;
--rollback END
--rollback $colsync_expand$;
--rollback DROP TRIGGER IF EXISTS "~colsync_accounts_id_bigint_new_written" ON "public"."accounts";
--rollback DROP TRIGGER IF EXISTS "~colsync_accounts_id_bigint_sync" ON "public"."accounts";
--rollback DROP FUNCTION IF EXISTS "public"."colsync_accounts_id_bigint_sync"();
--rollback DROP FUNCTION IF EXISTS "public"."colsync_accounts_id_bigint_to_new"(integer);
--rollback DROP FUNCTION IF EXISTS "public"."colsync_accounts_id_bigint_to_old"(bigint);
--rollback DROP FUNCTION IF EXISTS "public"."colsync_accounts_id_bigint_old_differs"(integer, integer);
--rollback DROP FUNCTION IF EXISTS "public"."colsync_accounts_id_bigint_new_differs"(bigint, bigint);
--rollback ALTER TABLE "public"."accounts" DROP COLUMN IF EXISTS "id_colsync_new";

--changeset colsync:accounts_id_bigint-02-backfill-prepare labels:accounts_id_bigint,backfill runInTransaction:true rollbackSplitStatements:false splitStatements:false
-- colsync accounts_id_bigint: backfill / create the checkpoint table and the backfill procedure.
-- One transaction; takes no lock on the table.
SET LOCAL lock_timeout = '2000ms';
SET LOCAL statement_timeout = '30000ms';
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
      RAISE NOTICE 'colsync %: contract has run already; % has nothing to do', 'accounts_id_bigint', 'backfill/prepare';
      RETURN;
    END IF;
  END IF;
CREATE TABLE IF NOT EXISTS "public"."colsync_accounts_id_bigint_backfill_state" (
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
ALTER TABLE "public"."colsync_accounts_id_bigint_backfill_state" ADD COLUMN IF NOT EXISTS bound_key text[];
ALTER TABLE "public"."colsync_accounts_id_bigint_backfill_state" ADD COLUMN IF NOT EXISTS bound_rows bigint;

-- Walks the primary key in batches: one short transaction per batch, checkpoint committed with it.
-- Only rows that differ are written, so running it again is a no-op. 'down' refills the old column.
CREATE OR REPLACE PROCEDURE "public"."colsync_accounts_id_bigint_backfill"(
  colsync_direction text DEFAULT 'up',
  colsync_batch_size integer DEFAULT 5000,
  colsync_pause interval DEFAULT '10ms'::interval,
  colsync_commit_batches boolean DEFAULT true)
LANGUAGE plpgsql SECURITY INVOKER
AS $colsync$
#variable_conflict use_column
DECLARE
  colsync_state record;
  colsync_last_0 "public"."accounts"."id"%TYPE;
  colsync_lower_0 "public"."accounts"."id"%TYPE;
  colsync_upper_0 "public"."accounts"."id"%TYPE;
  colsync_bound_0 "public"."accounts"."id"%TYPE;
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
    PERFORM pg_catalog.set_config('search_path', 'pg_catalog, "public", pg_temp', true);
    PERFORM pg_catalog.set_config('lock_timeout', '2000ms', true);
    -- The checkpoint keeps keys as text: read and write them in one fixed format.
    PERFORM pg_catalog.set_config('DateStyle', 'ISO, YMD', true);
    PERFORM pg_catalog.set_config('TimeZone', 'UTC', true);
    PERFORM pg_catalog.set_config('IntervalStyle', 'postgres', true);
    PERFORM pg_catalog.set_config('extra_float_digits', '3', true);
    -- The table's own triggers can tell the backfill's updates by this setting (see the runbook).
    PERFORM pg_catalog.set_config('colsync.backfill', 'accounts_id_bigint', true);
    INSERT INTO "public"."colsync_accounts_id_bigint_backfill_state" (direction) VALUES (colsync_direction) ON CONFLICT (direction) DO NOTHING;
    SELECT * INTO colsync_state FROM "public"."colsync_accounts_id_bigint_backfill_state" WHERE direction = colsync_direction FOR UPDATE;
    EXIT WHEN colsync_state.done;
    IF colsync_state.bound_key IS NULL THEN
      SELECT "id" INTO colsync_bound_0
        FROM "public"."accounts" ORDER BY "id" DESC LIMIT 1;
      IF NOT FOUND THEN
        UPDATE "public"."colsync_accounts_id_bigint_backfill_state" SET done = true, updated_at = pg_catalog.now() WHERE direction = colsync_direction;
        RAISE NOTICE 'colsync: backfill % done: the table was empty when it started', colsync_direction;
        IF colsync_commit_batches THEN
          COMMIT;
        END IF;
        EXIT;
      END IF;
      UPDATE "public"."colsync_accounts_id_bigint_backfill_state"
        SET bound_key = ARRAY[colsync_bound_0::text],
            bound_rows = (SELECT NULLIF(c.reltuples::bigint, -1) FROM pg_catalog.pg_class c
                          WHERE c.oid = '"public"."accounts"'::pg_catalog.regclass)
        WHERE direction = colsync_direction;
    ELSE
      colsync_bound_0 := colsync_state.bound_key[1];
    END IF;
    IF colsync_state.last_key IS NULL THEN
      SELECT "id" INTO colsync_lower_0
        FROM "public"."accounts"
        WHERE ("id") <= (colsync_bound_0)
        ORDER BY "id" LIMIT 1;
    ELSE
      colsync_last_0 := colsync_state.last_key[1];
      SELECT "id" INTO colsync_lower_0
        FROM "public"."accounts"
        WHERE ("id") > (colsync_last_0)
          AND ("id") <= (colsync_bound_0)
        ORDER BY "id" LIMIT 1;
    END IF;
    IF NOT FOUND THEN
      UPDATE "public"."colsync_accounts_id_bigint_backfill_state" SET done = true, updated_at = pg_catalog.now() WHERE direction = colsync_direction;
      RAISE NOTICE 'colsync: backfill % done: % rows changed in % batches',
        colsync_direction, colsync_state.rows_changed, colsync_state.batches;
      IF colsync_commit_batches THEN
        COMMIT;
      END IF;
      EXIT;
    END IF;
    SELECT batch."id" INTO colsync_upper_0
      FROM (SELECT "id" FROM "public"."accounts"
            WHERE ("id") >= (colsync_lower_0)
              AND ("id") <= (colsync_bound_0)
            ORDER BY "id" LIMIT colsync_batch_size) AS batch
      ORDER BY batch."id" DESC LIMIT 1;
    -- A value up (or down) cannot convert fails the batch; the error then names the first row it fails on.
    BEGIN
      IF colsync_direction = 'up' THEN
        UPDATE "public"."accounts" SET "id_colsync_new" = "public"."colsync_accounts_id_bigint_to_new"("id")
          WHERE ("id") >= (colsync_lower_0)
            AND ("id") <= (colsync_upper_0)
            AND "id_colsync_new" IS DISTINCT FROM "public"."colsync_accounts_id_bigint_to_new"("id");
      ELSE
        UPDATE "public"."accounts" SET "id" = "public"."colsync_accounts_id_bigint_to_old"("id_colsync_new")
          WHERE ("id") >= (colsync_lower_0)
            AND ("id") <= (colsync_upper_0)
            AND "id" IS DISTINCT FROM "public"."colsync_accounts_id_bigint_to_old"("id_colsync_new");
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
          FROM "public"."accounts"
          WHERE ("id") >= (colsync_lower_0)
            AND ("id") <= (colsync_upper_0)
          ORDER BY "id" LOOP
        BEGIN
          IF colsync_direction = 'up' THEN
            PERFORM "public"."colsync_accounts_id_bigint_to_new"("id") FROM "public"."accounts" WHERE ("id") = (colsync_row.colsync_key_0);
          ELSE
            PERFORM "public"."colsync_accounts_id_bigint_to_old"("id_colsync_new") FROM "public"."accounts" WHERE ("id") = (colsync_row.colsync_key_0);
          END IF;
        EXCEPTION WHEN OTHERS THEN
          RAISE EXCEPTION USING ERRCODE = colsync_error_state, DETAIL = colsync_error_detail, HINT = colsync_error_hint,
            MESSAGE = colsync_error_message || ' (on the row whose key (' || 'id'
              || ') is (' || pg_catalog.concat_ws(', ', colsync_row.colsync_key_0) || '))';
        END;
      END LOOP;
      RAISE;
    END;
    UPDATE "public"."colsync_accounts_id_bigint_backfill_state"
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
--rollback -- colsync accounts_id_bigint: rollback of backfill / drop the backfill procedure and its checkpoint table.
--rollback -- Values already copied into the new column stay; they are harmless and the trigger keeps them right.
--rollback SET LOCAL lock_timeout = '2000ms';
--rollback SET LOCAL statement_timeout = '30000ms';
--rollback -- Once this migration has been contracted this script has nothing left to do: it is one block, which
--rollback -- then returns at once with a notice and changes nothing.
--rollback DO $colsync_guard$
--rollback DECLARE
--rollback   colsync_recorded boolean := false;
--rollback BEGIN
--rollback   IF NOT EXISTS (SELECT FROM pg_catalog.pg_attribute AS a WHERE a.attrelid OPERATOR(pg_catalog.=) '"public"."accounts"'::pg_catalog.regclass AND a.attname OPERATOR(pg_catalog.=) 'id_colsync_old' AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped) AND (SELECT pg_catalog.count(*) FROM pg_catalog.pg_trigger AS t WHERE t.tgrelid OPERATOR(pg_catalog.=) '"public"."accounts"'::pg_catalog.regclass AND t.tgname OPERATOR(pg_catalog.=) ANY (ARRAY['~colsync_accounts_id_bigint_new_written', '~colsync_accounts_id_bigint_sync']::pg_catalog.name[])) OPERATOR(pg_catalog.=) 0 THEN
--rollback     IF pg_catalog.to_regclass('colsync.convergence_checks') IS NOT NULL THEN
--rollback       colsync_recorded := EXISTS (SELECT FROM colsync.convergence_checks AS c
--rollback         WHERE c.migration OPERATOR(pg_catalog.=) 'accounts_id_bigint');
--rollback     END IF;
--rollback     IF NOT colsync_recorded AND pg_catalog.to_regclass('colsync.gate_overrides') IS NOT NULL THEN
--rollback       colsync_recorded := EXISTS (SELECT FROM colsync.gate_overrides AS g
--rollback         WHERE g.migration OPERATOR(pg_catalog.=) 'accounts_id_bigint');
--rollback     END IF;
--rollback     IF colsync_recorded THEN
--rollback       RAISE NOTICE 'colsync %: contract has run already; % has nothing to do', 'accounts_id_bigint', 'backfill/drop-procedure';
--rollback       RETURN;
--rollback     END IF;
--rollback   END IF;
--rollback DROP PROCEDURE IF EXISTS "public"."colsync_accounts_id_bigint_backfill"(text, integer, interval, boolean);
--rollback DROP TABLE IF EXISTS "public"."colsync_accounts_id_bigint_backfill_state";
--rollback END
--rollback $colsync_guard$;

--changeset colsync:accounts_id_bigint-03-backfill-run-1 labels:accounts_id_bigint,backfill runInTransaction:false rollbackSplitStatements:false splitStatements:false
-- Once this migration has been contracted, this script has nothing left to do: this block says so and
-- sets colsync.contracted for the session, and every statement below that would change something is
-- then skipped; otherwise it clears that setting.
DO $colsync$
DECLARE
  colsync_recorded boolean := false;
BEGIN
  PERFORM pg_catalog.set_config('colsync.contracted', '', false);
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
      RAISE NOTICE 'colsync %: contract has run already; % has nothing to do', 'accounts_id_bigint', 'backfill/run';
      PERFORM pg_catalog.set_config('colsync.contracted', 'accounts_id_bigint', false);
    END IF;
  END IF;
END
$colsync$;
--rollback empty

--changeset colsync:accounts_id_bigint-03-backfill-run-2 labels:accounts_id_bigint,backfill runInTransaction:false rollbackSplitStatements:false splitStatements:false
-- colsync accounts_id_bigint: backfill / fill the new column from the old one.
-- Batches of 5000 rows by primary key, each its own short transaction with its checkpoint.
-- Safe to stop at any time and to run again: it resumes after the last committed batch.
-- The CALL lasts as long as the whole backfill, so a session statement_timeout must not cut it short;
-- each batch is bounded by its size and by lock_timeout instead.
SET statement_timeout = 0;
--rollback empty

--changeset colsync:accounts_id_bigint-03-backfill-run-3 labels:accounts_id_bigint,backfill runInTransaction:false rollbackSplitStatements:false splitStatements:false
DO $colsync$
BEGIN
  -- Once contracted (the guard above said so), there is no procedure left to call, and nothing to do.
  IF pg_catalog.current_setting('colsync.contracted', true) OPERATOR(pg_catalog.=) 'accounts_id_bigint' THEN
    RETURN;
  END IF;
  CALL "public"."colsync_accounts_id_bigint_backfill"(colsync_direction => 'up');
END
$colsync$;
--rollback empty

--changeset colsync:accounts_id_bigint-03-backfill-run-4 labels:accounts_id_bigint,backfill runInTransaction:false rollbackSplitStatements:false splitStatements:false
RESET statement_timeout;
--rollback empty

--changeset colsync:accounts_id_bigint-04-indexes-build-index-1-1 labels:accounts_id_bigint,indexes runInTransaction:false rollbackSplitStatements:false splitStatements:false
-- Once this migration has been contracted, this script has nothing left to do: this block says so and
-- sets colsync.contracted for the session, and every statement below that would change something is
-- then skipped; otherwise it clears that setting.
DO $colsync$
DECLARE
  colsync_recorded boolean := false;
BEGIN
  PERFORM pg_catalog.set_config('colsync.contracted', '', false);
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
      RAISE NOTICE 'colsync %: contract has run already; % has nothing to do', 'accounts_id_bigint', 'indexes/build-index-1';
      PERFORM pg_catalog.set_config('colsync.contracted', 'accounts_id_bigint', false);
    END IF;
  END IF;
END
$colsync$;
--rollback empty

--changeset colsync:accounts_id_bigint-04-indexes-build-index-1-2 labels:accounts_id_bigint,indexes runInTransaction:false rollbackSplitStatements:false splitStatements:false
-- colsync accounts_id_bigint: indexes / build index "colsync_accounts_id_bigint_accounts_pkey" on the new column.
-- Statement by statement, outside a transaction: CREATE INDEX CONCURRENTLY takes SHARE UPDATE EXCLUSIVE,
-- which blocks no reads or writes. An INVALID leftover of an earlier failed build is moved aside and
-- dropped first; an index that was built already is left alone, so running this again is a no-op.
SET lock_timeout = '2000ms';
--rollback empty

--changeset colsync:accounts_id_bigint-04-indexes-build-index-1-3 labels:accounts_id_bigint,indexes runInTransaction:false rollbackSplitStatements:false splitStatements:false
DO $colsync$
BEGIN
  IF EXISTS (SELECT FROM pg_catalog.pg_index i
             JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid
             JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = 'public' AND c.relname = 'colsync_accounts_id_bigint_accounts_pkey' AND NOT i.indisvalid) THEN
    ALTER INDEX "public"."colsync_accounts_id_bigint_accounts_pkey" RENAME TO "colsync_accounts_id_bigint_accounts_pkey_invalid";
  END IF;
END
$colsync$;
--rollback empty

--changeset colsync:accounts_id_bigint-04-indexes-build-index-1-4 labels:accounts_id_bigint,indexes runInTransaction:false rollbackSplitStatements:false splitStatements:false
DROP INDEX CONCURRENTLY IF EXISTS "public"."colsync_accounts_id_bigint_accounts_pkey_invalid";
--rollback empty

--changeset colsync:accounts_id_bigint-04-indexes-build-index-1-5 labels:accounts_id_bigint,indexes runInTransaction:false rollbackSplitStatements:false splitStatements:false
-- Once contracted, a placeholder of the index's name makes the build below skip (IF NOT EXISTS).
DO $colsync$
BEGIN
  IF pg_catalog.current_setting('colsync.contracted', true) OPERATOR(pg_catalog.=) 'accounts_id_bigint' THEN
    CREATE SEQUENCE "public"."colsync_accounts_id_bigint_accounts_pkey";
  END IF;
END
$colsync$;
--rollback empty

--changeset colsync:accounts_id_bigint-04-indexes-build-index-1-6 labels:accounts_id_bigint,indexes runInTransaction:false rollbackSplitStatements:false splitStatements:false
-- Waiting for older transactions to finish is part of a concurrent build and harms no one: no lock_timeout.
SET lock_timeout = 0;
--rollback empty

--changeset colsync:accounts_id_bigint-04-indexes-build-index-1-7 labels:accounts_id_bigint,indexes runInTransaction:false rollbackSplitStatements:false splitStatements:false
SET statement_timeout = 0;
--rollback empty

--changeset colsync:accounts_id_bigint-04-indexes-build-index-1-8 labels:accounts_id_bigint,indexes runInTransaction:false rollbackSplitStatements:false splitStatements:false
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "colsync_accounts_id_bigint_accounts_pkey" ON "public"."accounts" USING btree ("id_colsync_new");
--rollback empty

--changeset colsync:accounts_id_bigint-04-indexes-build-index-1-9 labels:accounts_id_bigint,indexes runInTransaction:false rollbackSplitStatements:false splitStatements:false
DO $colsync$
BEGIN
  IF pg_catalog.current_setting('colsync.contracted', true) OPERATOR(pg_catalog.=) 'accounts_id_bigint' THEN
    DROP SEQUENCE "public"."colsync_accounts_id_bigint_accounts_pkey";
  END IF;
END
$colsync$;
--rollback empty

--changeset colsync:accounts_id_bigint-04-indexes-build-index-1-10 labels:accounts_id_bigint,indexes runInTransaction:false rollbackSplitStatements:false splitStatements:false
-- Leave the session as it was for whatever runs next on this connection.
RESET statement_timeout;
--rollback empty

--changeset colsync:accounts_id_bigint-04-indexes-build-index-1-11 labels:accounts_id_bigint,indexes runInTransaction:false rollbackSplitStatements:false splitStatements:false
RESET lock_timeout;
--rollback -- Once this migration has been contracted this script has nothing left to do: it is one block, which
--rollback -- then returns at once with a notice and changes nothing.
--rollback DO $colsync_guard$
--rollback DECLARE
--rollback   colsync_recorded boolean := false;
--rollback BEGIN
--rollback   IF NOT EXISTS (SELECT FROM pg_catalog.pg_attribute AS a WHERE a.attrelid OPERATOR(pg_catalog.=) '"public"."accounts"'::pg_catalog.regclass AND a.attname OPERATOR(pg_catalog.=) 'id_colsync_old' AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped) AND (SELECT pg_catalog.count(*) FROM pg_catalog.pg_trigger AS t WHERE t.tgrelid OPERATOR(pg_catalog.=) '"public"."accounts"'::pg_catalog.regclass AND t.tgname OPERATOR(pg_catalog.=) ANY (ARRAY['~colsync_accounts_id_bigint_new_written', '~colsync_accounts_id_bigint_sync']::pg_catalog.name[])) OPERATOR(pg_catalog.=) 0 THEN
--rollback     IF pg_catalog.to_regclass('colsync.convergence_checks') IS NOT NULL THEN
--rollback       colsync_recorded := EXISTS (SELECT FROM colsync.convergence_checks AS c
--rollback         WHERE c.migration OPERATOR(pg_catalog.=) 'accounts_id_bigint');
--rollback     END IF;
--rollback     IF NOT colsync_recorded AND pg_catalog.to_regclass('colsync.gate_overrides') IS NOT NULL THEN
--rollback       colsync_recorded := EXISTS (SELECT FROM colsync.gate_overrides AS g
--rollback         WHERE g.migration OPERATOR(pg_catalog.=) 'accounts_id_bigint');
--rollback     END IF;
--rollback     IF colsync_recorded THEN
--rollback       RAISE NOTICE 'colsync %: contract has run already; % has nothing to do', 'accounts_id_bigint', 'indexes/drop-index-1';
--rollback       RETURN;
--rollback     END IF;
--rollback   END IF;
--rollback DROP INDEX IF EXISTS "public"."colsync_accounts_id_bigint_accounts_pkey";
--rollback END
--rollback $colsync_guard$;
--rollback -- Once this migration has been contracted this script has nothing left to do: it is one block, which
--rollback -- then returns at once with a notice and changes nothing.
--rollback DO $colsync_guard$
--rollback DECLARE
--rollback   colsync_recorded boolean := false;
--rollback BEGIN
--rollback   IF NOT EXISTS (SELECT FROM pg_catalog.pg_attribute AS a WHERE a.attrelid OPERATOR(pg_catalog.=) '"public"."accounts"'::pg_catalog.regclass AND a.attname OPERATOR(pg_catalog.=) 'id_colsync_old' AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped) AND (SELECT pg_catalog.count(*) FROM pg_catalog.pg_trigger AS t WHERE t.tgrelid OPERATOR(pg_catalog.=) '"public"."accounts"'::pg_catalog.regclass AND t.tgname OPERATOR(pg_catalog.=) ANY (ARRAY['~colsync_accounts_id_bigint_new_written', '~colsync_accounts_id_bigint_sync']::pg_catalog.name[])) OPERATOR(pg_catalog.=) 0 THEN
--rollback     IF pg_catalog.to_regclass('colsync.convergence_checks') IS NOT NULL THEN
--rollback       colsync_recorded := EXISTS (SELECT FROM colsync.convergence_checks AS c
--rollback         WHERE c.migration OPERATOR(pg_catalog.=) 'accounts_id_bigint');
--rollback     END IF;
--rollback     IF NOT colsync_recorded AND pg_catalog.to_regclass('colsync.gate_overrides') IS NOT NULL THEN
--rollback       colsync_recorded := EXISTS (SELECT FROM colsync.gate_overrides AS g
--rollback         WHERE g.migration OPERATOR(pg_catalog.=) 'accounts_id_bigint');
--rollback     END IF;
--rollback     IF colsync_recorded THEN
--rollback       RAISE NOTICE 'colsync %: contract has run already; % has nothing to do', 'accounts_id_bigint', 'indexes/drop-index-2';
--rollback       RETURN;
--rollback     END IF;
--rollback   END IF;
--rollback DROP INDEX IF EXISTS "public"."colsync_accounts_id_bigint_accounts_id_owner";
--rollback END
--rollback $colsync_guard$;

--changeset colsync:accounts_id_bigint-05-indexes-build-index-2-1 labels:accounts_id_bigint,indexes runInTransaction:false rollbackSplitStatements:false splitStatements:false
-- Once this migration has been contracted, this script has nothing left to do: this block says so and
-- sets colsync.contracted for the session, and every statement below that would change something is
-- then skipped; otherwise it clears that setting.
DO $colsync$
DECLARE
  colsync_recorded boolean := false;
BEGIN
  PERFORM pg_catalog.set_config('colsync.contracted', '', false);
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
      RAISE NOTICE 'colsync %: contract has run already; % has nothing to do', 'accounts_id_bigint', 'indexes/build-index-2';
      PERFORM pg_catalog.set_config('colsync.contracted', 'accounts_id_bigint', false);
    END IF;
  END IF;
END
$colsync$;
--rollback empty

--changeset colsync:accounts_id_bigint-05-indexes-build-index-2-2 labels:accounts_id_bigint,indexes runInTransaction:false rollbackSplitStatements:false splitStatements:false
-- colsync accounts_id_bigint: indexes / build index "colsync_accounts_id_bigint_accounts_id_owner" on the new column.
-- Statement by statement, outside a transaction: CREATE INDEX CONCURRENTLY takes SHARE UPDATE EXCLUSIVE,
-- which blocks no reads or writes. An INVALID leftover of an earlier failed build is moved aside and
-- dropped first; an index that was built already is left alone, so running this again is a no-op.
SET lock_timeout = '2000ms';
--rollback empty

--changeset colsync:accounts_id_bigint-05-indexes-build-index-2-3 labels:accounts_id_bigint,indexes runInTransaction:false rollbackSplitStatements:false splitStatements:false
DO $colsync$
BEGIN
  IF EXISTS (SELECT FROM pg_catalog.pg_index i
             JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid
             JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = 'public' AND c.relname = 'colsync_accounts_id_bigint_accounts_id_owner' AND NOT i.indisvalid) THEN
    ALTER INDEX "public"."colsync_accounts_id_bigint_accounts_id_owner" RENAME TO "colsync_accounts_id_bigint_accounts_id_owner_invalid";
  END IF;
END
$colsync$;
--rollback empty

--changeset colsync:accounts_id_bigint-05-indexes-build-index-2-4 labels:accounts_id_bigint,indexes runInTransaction:false rollbackSplitStatements:false splitStatements:false
DROP INDEX CONCURRENTLY IF EXISTS "public"."colsync_accounts_id_bigint_accounts_id_owner_invalid";
--rollback empty

--changeset colsync:accounts_id_bigint-05-indexes-build-index-2-5 labels:accounts_id_bigint,indexes runInTransaction:false rollbackSplitStatements:false splitStatements:false
-- Once contracted, a placeholder of the index's name makes the build below skip (IF NOT EXISTS).
DO $colsync$
BEGIN
  IF pg_catalog.current_setting('colsync.contracted', true) OPERATOR(pg_catalog.=) 'accounts_id_bigint' THEN
    CREATE SEQUENCE "public"."colsync_accounts_id_bigint_accounts_id_owner";
  END IF;
END
$colsync$;
--rollback empty

--changeset colsync:accounts_id_bigint-05-indexes-build-index-2-6 labels:accounts_id_bigint,indexes runInTransaction:false rollbackSplitStatements:false splitStatements:false
-- Waiting for older transactions to finish is part of a concurrent build and harms no one: no lock_timeout.
SET lock_timeout = 0;
--rollback empty

--changeset colsync:accounts_id_bigint-05-indexes-build-index-2-7 labels:accounts_id_bigint,indexes runInTransaction:false rollbackSplitStatements:false splitStatements:false
SET statement_timeout = 0;
--rollback empty

--changeset colsync:accounts_id_bigint-05-indexes-build-index-2-8 labels:accounts_id_bigint,indexes runInTransaction:false rollbackSplitStatements:false splitStatements:false
CREATE INDEX CONCURRENTLY IF NOT EXISTS "colsync_accounts_id_bigint_accounts_id_owner" ON "public"."accounts" USING btree (owner, "id_colsync_new") WHERE ("id_colsync_new" > 100);
--rollback empty

--changeset colsync:accounts_id_bigint-05-indexes-build-index-2-9 labels:accounts_id_bigint,indexes runInTransaction:false rollbackSplitStatements:false splitStatements:false
DO $colsync$
BEGIN
  IF pg_catalog.current_setting('colsync.contracted', true) OPERATOR(pg_catalog.=) 'accounts_id_bigint' THEN
    DROP SEQUENCE "public"."colsync_accounts_id_bigint_accounts_id_owner";
  END IF;
END
$colsync$;
--rollback empty

--changeset colsync:accounts_id_bigint-05-indexes-build-index-2-10 labels:accounts_id_bigint,indexes runInTransaction:false rollbackSplitStatements:false splitStatements:false
-- Leave the session as it was for whatever runs next on this connection.
RESET statement_timeout;
--rollback empty

--changeset colsync:accounts_id_bigint-05-indexes-build-index-2-11 labels:accounts_id_bigint,indexes runInTransaction:false rollbackSplitStatements:false splitStatements:false
RESET lock_timeout;
--rollback empty

--changeset colsync:accounts_id_bigint-06-validate-add-new-not-null labels:accounts_id_bigint,validate runInTransaction:true rollbackSplitStatements:false splitStatements:false
-- colsync accounts_id_bigint: validate / add NOT NULL on the new column as NOT VALID.
-- One transaction; a short ACCESS EXCLUSIVE lock, no table scan. New writes are checked from now on.
SET LOCAL lock_timeout = '2000ms';
SET LOCAL statement_timeout = '30000ms';
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
      RAISE NOTICE 'colsync %: contract has run already; % has nothing to do', 'accounts_id_bigint', 'validate/add-new-not-null';
      RETURN;
    END IF;
  END IF;
DO $colsync$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_catalog.pg_constraint
                 WHERE conrelid = '"public"."accounts"'::pg_catalog.regclass AND conname = 'colsync_accounts_id_bigint_new_not_null')
     AND NOT (SELECT attnotnull FROM pg_catalog.pg_attribute
              WHERE attrelid = '"public"."accounts"'::pg_catalog.regclass AND attname = 'id_colsync_new') THEN
    ALTER TABLE "public"."accounts" ADD CONSTRAINT "colsync_accounts_id_bigint_new_not_null" CHECK ("id_colsync_new" IS NOT NULL) NOT VALID;
  END IF;
END
$colsync$;
END
$colsync_guard$;
--rollback -- colsync accounts_id_bigint: validate / drop constraint "colsync_accounts_id_bigint_entries_account_id_fkey".
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
--rollback   IF NOT EXISTS (SELECT FROM pg_catalog.pg_attribute AS a WHERE a.attrelid OPERATOR(pg_catalog.=) '"public"."accounts"'::pg_catalog.regclass AND a.attname OPERATOR(pg_catalog.=) 'id_colsync_old' AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped) AND (SELECT pg_catalog.count(*) FROM pg_catalog.pg_trigger AS t WHERE t.tgrelid OPERATOR(pg_catalog.=) '"public"."accounts"'::pg_catalog.regclass AND t.tgname OPERATOR(pg_catalog.=) ANY (ARRAY['~colsync_accounts_id_bigint_new_written', '~colsync_accounts_id_bigint_sync']::pg_catalog.name[])) OPERATOR(pg_catalog.=) 0 THEN
--rollback     IF pg_catalog.to_regclass('colsync.convergence_checks') IS NOT NULL THEN
--rollback       colsync_recorded := EXISTS (SELECT FROM colsync.convergence_checks AS c
--rollback         WHERE c.migration OPERATOR(pg_catalog.=) 'accounts_id_bigint');
--rollback     END IF;
--rollback     IF NOT colsync_recorded AND pg_catalog.to_regclass('colsync.gate_overrides') IS NOT NULL THEN
--rollback       colsync_recorded := EXISTS (SELECT FROM colsync.gate_overrides AS g
--rollback         WHERE g.migration OPERATOR(pg_catalog.=) 'accounts_id_bigint');
--rollback     END IF;
--rollback     IF colsync_recorded THEN
--rollback       RAISE NOTICE 'colsync %: contract has run already; % has nothing to do', 'accounts_id_bigint', 'validate/drop-referencing-key-1';
--rollback       RETURN;
--rollback     END IF;
--rollback   END IF;
--rollback LOCK TABLE "public"."accounts" IN ACCESS EXCLUSIVE MODE;
--rollback LOCK TABLE "public"."entries" IN ACCESS EXCLUSIVE MODE NOWAIT;
--rollback ALTER TABLE "public"."entries" DROP CONSTRAINT IF EXISTS "colsync_accounts_id_bigint_entries_account_id_fkey";
--rollback END
--rollback $colsync_guard$;
--rollback -- colsync accounts_id_bigint: validate / drop constraint "colsync_accounts_id_bigint_accounts_id_check".
--rollback -- One transaction; a short lock.
--rollback SET LOCAL lock_timeout = '2000ms';
--rollback SET LOCAL statement_timeout = '30000ms';
--rollback -- Once this migration has been contracted this script has nothing left to do: it is one block, which
--rollback -- then returns at once with a notice and changes nothing.
--rollback DO $colsync_guard$
--rollback DECLARE
--rollback   colsync_recorded boolean := false;
--rollback BEGIN
--rollback   IF NOT EXISTS (SELECT FROM pg_catalog.pg_attribute AS a WHERE a.attrelid OPERATOR(pg_catalog.=) '"public"."accounts"'::pg_catalog.regclass AND a.attname OPERATOR(pg_catalog.=) 'id_colsync_old' AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped) AND (SELECT pg_catalog.count(*) FROM pg_catalog.pg_trigger AS t WHERE t.tgrelid OPERATOR(pg_catalog.=) '"public"."accounts"'::pg_catalog.regclass AND t.tgname OPERATOR(pg_catalog.=) ANY (ARRAY['~colsync_accounts_id_bigint_new_written', '~colsync_accounts_id_bigint_sync']::pg_catalog.name[])) OPERATOR(pg_catalog.=) 0 THEN
--rollback     IF pg_catalog.to_regclass('colsync.convergence_checks') IS NOT NULL THEN
--rollback       colsync_recorded := EXISTS (SELECT FROM colsync.convergence_checks AS c
--rollback         WHERE c.migration OPERATOR(pg_catalog.=) 'accounts_id_bigint');
--rollback     END IF;
--rollback     IF NOT colsync_recorded AND pg_catalog.to_regclass('colsync.gate_overrides') IS NOT NULL THEN
--rollback       colsync_recorded := EXISTS (SELECT FROM colsync.gate_overrides AS g
--rollback         WHERE g.migration OPERATOR(pg_catalog.=) 'accounts_id_bigint');
--rollback     END IF;
--rollback     IF colsync_recorded THEN
--rollback       RAISE NOTICE 'colsync %: contract has run already; % has nothing to do', 'accounts_id_bigint', 'validate/drop-constraint-1';
--rollback       RETURN;
--rollback     END IF;
--rollback   END IF;
--rollback ALTER TABLE "public"."accounts" DROP CONSTRAINT IF EXISTS "colsync_accounts_id_bigint_accounts_id_check";
--rollback END
--rollback $colsync_guard$;
--rollback -- colsync accounts_id_bigint: rollback of validate / drop NOT NULL from the new column.
--rollback -- One transaction; a short ACCESS EXCLUSIVE lock.
--rollback SET LOCAL lock_timeout = '2000ms';
--rollback SET LOCAL statement_timeout = '30000ms';
--rollback -- Once this migration has been contracted this script has nothing left to do: it is one block, which
--rollback -- then returns at once with a notice and changes nothing.
--rollback DO $colsync_guard$
--rollback DECLARE
--rollback   colsync_recorded boolean := false;
--rollback BEGIN
--rollback   IF NOT EXISTS (SELECT FROM pg_catalog.pg_attribute AS a WHERE a.attrelid OPERATOR(pg_catalog.=) '"public"."accounts"'::pg_catalog.regclass AND a.attname OPERATOR(pg_catalog.=) 'id_colsync_old' AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped) AND (SELECT pg_catalog.count(*) FROM pg_catalog.pg_trigger AS t WHERE t.tgrelid OPERATOR(pg_catalog.=) '"public"."accounts"'::pg_catalog.regclass AND t.tgname OPERATOR(pg_catalog.=) ANY (ARRAY['~colsync_accounts_id_bigint_new_written', '~colsync_accounts_id_bigint_sync']::pg_catalog.name[])) OPERATOR(pg_catalog.=) 0 THEN
--rollback     IF pg_catalog.to_regclass('colsync.convergence_checks') IS NOT NULL THEN
--rollback       colsync_recorded := EXISTS (SELECT FROM colsync.convergence_checks AS c
--rollback         WHERE c.migration OPERATOR(pg_catalog.=) 'accounts_id_bigint');
--rollback     END IF;
--rollback     IF NOT colsync_recorded AND pg_catalog.to_regclass('colsync.gate_overrides') IS NOT NULL THEN
--rollback       colsync_recorded := EXISTS (SELECT FROM colsync.gate_overrides AS g
--rollback         WHERE g.migration OPERATOR(pg_catalog.=) 'accounts_id_bigint');
--rollback     END IF;
--rollback     IF colsync_recorded THEN
--rollback       RAISE NOTICE 'colsync %: contract has run already; % has nothing to do', 'accounts_id_bigint', 'validate/drop-not-null';
--rollback       RETURN;
--rollback     END IF;
--rollback   END IF;
--rollback ALTER TABLE "public"."accounts" ALTER COLUMN "id_colsync_new" DROP NOT NULL;
--rollback ALTER TABLE "public"."accounts" DROP CONSTRAINT IF EXISTS "colsync_accounts_id_bigint_new_not_null";
--rollback END
--rollback $colsync_guard$;

--changeset colsync:accounts_id_bigint-07-validate-validate-new-not-null labels:accounts_id_bigint,validate runInTransaction:true rollbackSplitStatements:false splitStatements:false
-- colsync accounts_id_bigint: validate / validate NOT NULL on the new column.
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
      RAISE NOTICE 'colsync %: contract has run already; % has nothing to do', 'accounts_id_bigint', 'validate/validate-new-not-null';
      RETURN;
    END IF;
  END IF;
DO $colsync$
BEGIN
  IF EXISTS (SELECT FROM pg_catalog.pg_constraint
             WHERE conrelid = '"public"."accounts"'::pg_catalog.regclass AND conname = 'colsync_accounts_id_bigint_new_not_null' AND NOT convalidated) THEN
    ALTER TABLE "public"."accounts" VALIDATE CONSTRAINT "colsync_accounts_id_bigint_new_not_null";
  END IF;
END
$colsync$;
END
$colsync_guard$;
--rollback empty

--changeset colsync:accounts_id_bigint-08-validate-set-new-not-null labels:accounts_id_bigint,validate runInTransaction:true rollbackSplitStatements:false splitStatements:false
-- colsync accounts_id_bigint: validate / mark the new column NOT NULL and drop the check.
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
      RAISE NOTICE 'colsync %: contract has run already; % has nothing to do', 'accounts_id_bigint', 'validate/set-new-not-null';
      RETURN;
    END IF;
  END IF;
ALTER TABLE "public"."accounts" ALTER COLUMN "id_colsync_new" SET NOT NULL;
ALTER TABLE "public"."accounts" DROP CONSTRAINT IF EXISTS "colsync_accounts_id_bigint_new_not_null";
END
$colsync_guard$;
--rollback empty

--changeset colsync:accounts_id_bigint-09-validate-add-constraint-1 labels:accounts_id_bigint,validate runInTransaction:true rollbackSplitStatements:false splitStatements:false
-- colsync accounts_id_bigint: validate / add constraint "colsync_accounts_id_bigint_accounts_id_check" as NOT VALID.
-- One transaction; a short lock, no table scan. New writes are checked from now on.
SET LOCAL lock_timeout = '2000ms';
SET LOCAL statement_timeout = '30000ms';
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
      RAISE NOTICE 'colsync %: contract has run already; % has nothing to do', 'accounts_id_bigint', 'validate/add-constraint-1';
      RETURN;
    END IF;
  END IF;
DO $colsync$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_catalog.pg_constraint
                 WHERE conrelid = '"public"."accounts"'::pg_catalog.regclass AND conname = 'colsync_accounts_id_bigint_accounts_id_check') THEN
    ALTER TABLE "public"."accounts" ADD CONSTRAINT "colsync_accounts_id_bigint_accounts_id_check" CHECK (("id_colsync_new" > 0)) NOT VALID;
  END IF;
END
$colsync$;
END
$colsync_guard$;
--rollback empty

--changeset colsync:accounts_id_bigint-10-validate-validate-constraint-1 labels:accounts_id_bigint,validate runInTransaction:true rollbackSplitStatements:false splitStatements:false
-- colsync accounts_id_bigint: validate / validate constraint "colsync_accounts_id_bigint_accounts_id_check".
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
      RAISE NOTICE 'colsync %: contract has run already; % has nothing to do', 'accounts_id_bigint', 'validate/validate-constraint-1';
      RETURN;
    END IF;
  END IF;
DO $colsync$
BEGIN
  IF EXISTS (SELECT FROM pg_catalog.pg_constraint
             WHERE conrelid = '"public"."accounts"'::pg_catalog.regclass AND conname = 'colsync_accounts_id_bigint_accounts_id_check' AND NOT convalidated) THEN
    ALTER TABLE "public"."accounts" VALIDATE CONSTRAINT "colsync_accounts_id_bigint_accounts_id_check";
  END IF;
END
$colsync$;
END
$colsync_guard$;
--rollback empty

--changeset colsync:accounts_id_bigint-11-validate-add-referencing-key-1 labels:accounts_id_bigint,validate runInTransaction:true rollbackSplitStatements:false splitStatements:false
-- colsync accounts_id_bigint: validate / add constraint "colsync_accounts_id_bigint_entries_account_id_fkey" as NOT VALID.
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
      RAISE NOTICE 'colsync %: contract has run already; % has nothing to do', 'accounts_id_bigint', 'validate/add-referencing-key-1';
      RETURN;
    END IF;
  END IF;
LOCK TABLE "public"."accounts" IN SHARE ROW EXCLUSIVE MODE;
LOCK TABLE "public"."entries" IN SHARE ROW EXCLUSIVE MODE NOWAIT;
DO $colsync$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_catalog.pg_constraint
                 WHERE conrelid = 'public.entries'::pg_catalog.regclass AND conname = 'colsync_accounts_id_bigint_entries_account_id_fkey') THEN
    ALTER TABLE "public"."entries" ADD CONSTRAINT "colsync_accounts_id_bigint_entries_account_id_fkey" FOREIGN KEY (account_id) REFERENCES public.accounts("id_colsync_new") ON DELETE CASCADE NOT VALID;
  END IF;
END
$colsync$;
END
$colsync_guard$;
--rollback empty

--changeset colsync:accounts_id_bigint-12-validate-validate-referencing-key-1 labels:accounts_id_bigint,validate runInTransaction:true rollbackSplitStatements:false splitStatements:false
-- colsync accounts_id_bigint: validate / validate constraint "colsync_accounts_id_bigint_entries_account_id_fkey".
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
      RAISE NOTICE 'colsync %: contract has run already; % has nothing to do', 'accounts_id_bigint', 'validate/validate-referencing-key-1';
      RETURN;
    END IF;
  END IF;
DO $colsync$
BEGIN
  IF EXISTS (SELECT FROM pg_catalog.pg_constraint
             WHERE conrelid = 'public.entries'::pg_catalog.regclass AND conname = 'colsync_accounts_id_bigint_entries_account_id_fkey' AND NOT convalidated) THEN
    ALTER TABLE "public"."entries" VALIDATE CONSTRAINT "colsync_accounts_id_bigint_entries_account_id_fkey";
  END IF;
END
$colsync$;
END
$colsync_guard$;
--rollback empty

--changeset colsync:accounts_id_bigint-13-cutover-swap-columns labels:accounts_id_bigint,cutover runInTransaction:true rollbackSplitStatements:false splitStatements:false
-- colsync accounts_id_bigint: cutover / the new column takes the name and what goes with it; the old one is kept in sync.
-- One transaction, so every statement sees the columns either before or after the swap, never between.
-- Takes ACCESS EXCLUSIVE on the table (and on each table whose foreign key moves) for milliseconds,
-- under lock_timeout. Once the names are swapped a second run changes nothing.
SET LOCAL lock_timeout = '2000ms';
SET LOCAL statement_timeout = '30000ms';
LOCK TABLE "public"."accounts" IN ACCESS EXCLUSIVE MODE;
-- Other tables only if free at once: waiting for one while holding the table's lock could deadlock with
-- a writer that takes them the other way round (an insert into a referencing table, a cascading delete).
-- The step then fails with lock_not_available, having changed nothing, and is retried.
LOCK TABLE "public"."entries" IN ACCESS EXCLUSIVE MODE NOWAIT;
DO $colsync$
BEGIN
  IF EXISTS (SELECT FROM pg_catalog.pg_attribute
             WHERE attrelid = '"public"."accounts"'::pg_catalog.regclass AND attname = 'id_colsync_new' AND attnum > 0
               AND NOT attisdropped) THEN
    ALTER TABLE "public"."entries" DROP CONSTRAINT "entries_account_id_fkey";
    ALTER TABLE "public"."accounts" DROP CONSTRAINT "accounts_pkey";
    ALTER TABLE "public"."accounts" RENAME COLUMN "id" TO "id_colsync_old";
    ALTER TABLE "public"."accounts" RENAME COLUMN "id_colsync_new" TO "id";
    ALTER TABLE "public"."accounts" ADD CONSTRAINT "accounts_pkey" PRIMARY KEY USING INDEX "colsync_accounts_id_bigint_accounts_pkey";
    ALTER TABLE "public"."entries" RENAME CONSTRAINT "colsync_accounts_id_bigint_entries_account_id_fkey" TO "entries_account_id_fkey";
    ALTER SEQUENCE "public"."accounts_id_seq" OWNED BY "public"."accounts"."id";
    ALTER SEQUENCE "public"."accounts_id_seq" AS bigint;
    ALTER TABLE "public"."accounts" ALTER COLUMN "id_colsync_old" DROP DEFAULT;
    ALTER TABLE "public"."accounts" ALTER COLUMN "id" SET DEFAULT ((nextval('public.accounts_id_seq'::regclass))::bigint);
  END IF;
END
$colsync$;

-- The trigger and the backfill name the columns as they are called from now on.
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
  IF TG_NARGS OPERATOR(pg_catalog.>) 0 OR (TG_OP OPERATOR(pg_catalog.=) 'INSERT' AND NEW."id" IS NOT NULL)
     OR (TG_OP OPERATOR(pg_catalog.=) 'UPDATE' AND "public"."colsync_accounts_id_bigint_new_differs"(NEW."id", OLD."id")) THEN
    IF "public"."colsync_accounts_id_bigint_old_differs"(NEW."id_colsync_old", "public"."colsync_accounts_id_bigint_to_old"(NEW."id")) THEN
      BEGIN
        -- An old value up() cannot convert disagrees with any new value; it must not fail the write.
        colsync_agrees := NOT "public"."colsync_accounts_id_bigint_new_differs"(NEW."id", "public"."colsync_accounts_id_bigint_to_new"(NEW."id_colsync_old"));
      EXCEPTION WHEN data_exception THEN
        colsync_agrees := false;
      END;
      IF NOT colsync_agrees THEN
        NEW."id_colsync_old" := "public"."colsync_accounts_id_bigint_to_old"(NEW."id");
        IF "public"."colsync_accounts_id_bigint_new_differs"(NEW."id", "public"."colsync_accounts_id_bigint_to_new"(NEW."id_colsync_old")) THEN
          RAISE EXCEPTION USING ERRCODE = 'data_exception', MESSAGE = 'colsync accounts_id_bigint: the value written to column "id" cannot be stored in column "id_colsync_old" without changing it',
            HINT = 'Only values the old column can hold may be written while both columns are in use.';
        END IF;
      END IF;
    END IF;
  ELSIF TG_OP OPERATOR(pg_catalog.=) 'INSERT' OR "public"."colsync_accounts_id_bigint_old_differs"(NEW."id_colsync_old", OLD."id_colsync_old") THEN
    NEW."id" := "public"."colsync_accounts_id_bigint_to_new"(NEW."id_colsync_old");
  END IF;
  RETURN NEW;
END
$colsync$;

CREATE OR REPLACE TRIGGER "~colsync_accounts_id_bigint_new_written"
  BEFORE UPDATE OF "id" ON "public"."accounts"
  FOR EACH ROW EXECUTE FUNCTION "public"."colsync_accounts_id_bigint_sync"('new column written');

CREATE OR REPLACE TRIGGER "~colsync_accounts_id_bigint_sync"
  BEFORE INSERT OR UPDATE ON "public"."accounts"
  FOR EACH ROW EXECUTE FUNCTION "public"."colsync_accounts_id_bigint_sync"();

CREATE TABLE IF NOT EXISTS "public"."colsync_accounts_id_bigint_backfill_state" (
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
ALTER TABLE "public"."colsync_accounts_id_bigint_backfill_state" ADD COLUMN IF NOT EXISTS bound_key text[];
ALTER TABLE "public"."colsync_accounts_id_bigint_backfill_state" ADD COLUMN IF NOT EXISTS bound_rows bigint;

-- Walks the primary key in batches: one short transaction per batch, checkpoint committed with it.
-- Only rows that differ are written, so running it again is a no-op. 'down' refills the old column.
CREATE OR REPLACE PROCEDURE "public"."colsync_accounts_id_bigint_backfill"(
  colsync_direction text DEFAULT 'up',
  colsync_batch_size integer DEFAULT 5000,
  colsync_pause interval DEFAULT '10ms'::interval,
  colsync_commit_batches boolean DEFAULT true)
LANGUAGE plpgsql SECURITY INVOKER
AS $colsync$
#variable_conflict use_column
DECLARE
  colsync_state record;
  colsync_last_0 "public"."accounts"."id"%TYPE;
  colsync_lower_0 "public"."accounts"."id"%TYPE;
  colsync_upper_0 "public"."accounts"."id"%TYPE;
  colsync_bound_0 "public"."accounts"."id"%TYPE;
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
    PERFORM pg_catalog.set_config('search_path', 'pg_catalog, "public", pg_temp', true);
    PERFORM pg_catalog.set_config('lock_timeout', '2000ms', true);
    -- The checkpoint keeps keys as text: read and write them in one fixed format.
    PERFORM pg_catalog.set_config('DateStyle', 'ISO, YMD', true);
    PERFORM pg_catalog.set_config('TimeZone', 'UTC', true);
    PERFORM pg_catalog.set_config('IntervalStyle', 'postgres', true);
    PERFORM pg_catalog.set_config('extra_float_digits', '3', true);
    -- The table's own triggers can tell the backfill's updates by this setting (see the runbook).
    PERFORM pg_catalog.set_config('colsync.backfill', 'accounts_id_bigint', true);
    INSERT INTO "public"."colsync_accounts_id_bigint_backfill_state" (direction) VALUES (colsync_direction) ON CONFLICT (direction) DO NOTHING;
    SELECT * INTO colsync_state FROM "public"."colsync_accounts_id_bigint_backfill_state" WHERE direction = colsync_direction FOR UPDATE;
    EXIT WHEN colsync_state.done;
    IF colsync_state.bound_key IS NULL THEN
      SELECT "id" INTO colsync_bound_0
        FROM "public"."accounts" ORDER BY "id" DESC LIMIT 1;
      IF NOT FOUND THEN
        UPDATE "public"."colsync_accounts_id_bigint_backfill_state" SET done = true, updated_at = pg_catalog.now() WHERE direction = colsync_direction;
        RAISE NOTICE 'colsync: backfill % done: the table was empty when it started', colsync_direction;
        IF colsync_commit_batches THEN
          COMMIT;
        END IF;
        EXIT;
      END IF;
      UPDATE "public"."colsync_accounts_id_bigint_backfill_state"
        SET bound_key = ARRAY[colsync_bound_0::text],
            bound_rows = (SELECT NULLIF(c.reltuples::bigint, -1) FROM pg_catalog.pg_class c
                          WHERE c.oid = '"public"."accounts"'::pg_catalog.regclass)
        WHERE direction = colsync_direction;
    ELSE
      colsync_bound_0 := colsync_state.bound_key[1];
    END IF;
    IF colsync_state.last_key IS NULL THEN
      SELECT "id" INTO colsync_lower_0
        FROM "public"."accounts"
        WHERE ("id") <= (colsync_bound_0)
        ORDER BY "id" LIMIT 1;
    ELSE
      colsync_last_0 := colsync_state.last_key[1];
      SELECT "id" INTO colsync_lower_0
        FROM "public"."accounts"
        WHERE ("id") > (colsync_last_0)
          AND ("id") <= (colsync_bound_0)
        ORDER BY "id" LIMIT 1;
    END IF;
    IF NOT FOUND THEN
      UPDATE "public"."colsync_accounts_id_bigint_backfill_state" SET done = true, updated_at = pg_catalog.now() WHERE direction = colsync_direction;
      RAISE NOTICE 'colsync: backfill % done: % rows changed in % batches',
        colsync_direction, colsync_state.rows_changed, colsync_state.batches;
      IF colsync_commit_batches THEN
        COMMIT;
      END IF;
      EXIT;
    END IF;
    SELECT batch."id" INTO colsync_upper_0
      FROM (SELECT "id" FROM "public"."accounts"
            WHERE ("id") >= (colsync_lower_0)
              AND ("id") <= (colsync_bound_0)
            ORDER BY "id" LIMIT colsync_batch_size) AS batch
      ORDER BY batch."id" DESC LIMIT 1;
    -- A value up (or down) cannot convert fails the batch; the error then names the first row it fails on.
    BEGIN
      IF colsync_direction = 'up' THEN
        UPDATE "public"."accounts" SET "id" = "public"."colsync_accounts_id_bigint_to_new"("id_colsync_old")
          WHERE ("id") >= (colsync_lower_0)
            AND ("id") <= (colsync_upper_0)
            AND "id" IS DISTINCT FROM "public"."colsync_accounts_id_bigint_to_new"("id_colsync_old");
      ELSE
        UPDATE "public"."accounts" SET "id_colsync_old" = "public"."colsync_accounts_id_bigint_to_old"("id")
          WHERE ("id") >= (colsync_lower_0)
            AND ("id") <= (colsync_upper_0)
            AND "id_colsync_old" IS DISTINCT FROM "public"."colsync_accounts_id_bigint_to_old"("id");
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
          FROM "public"."accounts"
          WHERE ("id") >= (colsync_lower_0)
            AND ("id") <= (colsync_upper_0)
          ORDER BY "id" LOOP
        BEGIN
          IF colsync_direction = 'up' THEN
            PERFORM "public"."colsync_accounts_id_bigint_to_new"("id_colsync_old") FROM "public"."accounts" WHERE ("id") = (colsync_row.colsync_key_0);
          ELSE
            PERFORM "public"."colsync_accounts_id_bigint_to_old"("id") FROM "public"."accounts" WHERE ("id") = (colsync_row.colsync_key_0);
          END IF;
        EXCEPTION WHEN OTHERS THEN
          RAISE EXCEPTION USING ERRCODE = colsync_error_state, DETAIL = colsync_error_detail, HINT = colsync_error_hint,
            MESSAGE = colsync_error_message || ' (on the row whose key (' || 'id'
              || ') is (' || pg_catalog.concat_ws(', ', colsync_row.colsync_key_0) || '))';
        END;
      END LOOP;
      RAISE;
    END;
    UPDATE "public"."colsync_accounts_id_bigint_backfill_state"
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
--rollback CREATE UNIQUE INDEX IF NOT EXISTS "colsync_accounts_id_bigint_id_key" ON "public"."accounts" USING btree ("id_colsync_old");
--rollback CREATE UNIQUE INDEX IF NOT EXISTS "colsync_accounts_id_bigint_accounts_pkey" ON "public"."accounts" USING btree ("id");
--rollback -- colsync accounts_id_bigint: rollback of cutover / the old column takes the name back; the new one is kept in sync.
--rollback -- One transaction, so every statement sees the columns either before or after the swap, never between.
--rollback -- Takes ACCESS EXCLUSIVE on the table (and on each table whose foreign key moves) for milliseconds,
--rollback -- under lock_timeout. Once the names are swapped a second run changes nothing.
--rollback SET LOCAL lock_timeout = '2000ms';
--rollback SET LOCAL statement_timeout = '30000ms';
--rollback LOCK TABLE "public"."accounts" IN ACCESS EXCLUSIVE MODE;
--rollback -- Other tables only if free at once: waiting for one while holding the table's lock could deadlock with
--rollback -- a writer that takes them the other way round (an insert into a referencing table, a cascading delete).
--rollback -- The step then fails with lock_not_available, having changed nothing, and is retried.
--rollback LOCK TABLE "public"."entries" IN ACCESS EXCLUSIVE MODE NOWAIT;
--rollback DO $colsync$
--rollback BEGIN
--rollback   IF EXISTS (SELECT FROM pg_catalog.pg_attribute
--rollback              WHERE attrelid = '"public"."accounts"'::pg_catalog.regclass AND attname = 'id_colsync_old' AND attnum > 0
--rollback                AND NOT attisdropped) THEN
--rollback     ALTER TABLE "public"."entries" DROP CONSTRAINT "entries_account_id_fkey";
--rollback     ALTER TABLE "public"."accounts" DROP CONSTRAINT "accounts_pkey";
--rollback     ALTER TABLE "public"."accounts" RENAME COLUMN "id" TO "id_colsync_new";
--rollback     ALTER TABLE "public"."accounts" RENAME COLUMN "id_colsync_old" TO "id";
--rollback     ALTER TABLE "public"."accounts" ADD CONSTRAINT "accounts_pkey" PRIMARY KEY USING INDEX "colsync_accounts_id_bigint_id_key";
--rollback     ALTER SEQUENCE "public"."accounts_id_seq" AS integer;
--rollback     ALTER SEQUENCE "public"."accounts_id_seq" OWNED BY "public"."accounts"."id";
--rollback     ALTER TABLE "public"."accounts" ALTER COLUMN "id_colsync_new" DROP DEFAULT;
--rollback     ALTER TABLE "public"."accounts" ALTER COLUMN "id" SET DEFAULT nextval('public.accounts_id_seq'::regclass);
--rollback     ALTER TABLE "public"."entries" ADD CONSTRAINT "entries_account_id_fkey" FOREIGN KEY (account_id) REFERENCES public.accounts("id") ON DELETE CASCADE NOT VALID;
--rollback     ALTER TABLE "public"."entries" ADD CONSTRAINT "colsync_accounts_id_bigint_entries_account_id_fkey" FOREIGN KEY (account_id) REFERENCES public.accounts("id_colsync_new") ON DELETE CASCADE NOT VALID;
--rollback   END IF;
--rollback END
--rollback $colsync$;
--rollback -- The trigger and the backfill name the columns as they are called from now on.
--rollback -- up, down and the comparisons the sync function makes, as SQL functions whose bodies PostgreSQL binds
--rollback -- now, under this search path, and inlines where they are called: the trigger function then depends on
--rollback -- no caller's search_path without a SET clause of its own, which would cost every write a few
--rollback -- microseconds.
--rollback SET LOCAL search_path = pg_catalog, "public", pg_temp;
--rollback CREATE OR REPLACE FUNCTION "public"."colsync_accounts_id_bigint_to_new"(integer) RETURNS bigint
--rollback LANGUAGE sql SECURITY INVOKER
--rollback RETURN ($1::bigint);
--rollback CREATE OR REPLACE FUNCTION "public"."colsync_accounts_id_bigint_to_old"(bigint) RETURNS integer
--rollback LANGUAGE sql SECURITY INVOKER
--rollback RETURN ($1::integer);
--rollback CREATE OR REPLACE FUNCTION "public"."colsync_accounts_id_bigint_old_differs"(integer, integer) RETURNS boolean
--rollback LANGUAGE sql SECURITY INVOKER
--rollback RETURN $1 IS DISTINCT FROM $2;
--rollback CREATE OR REPLACE FUNCTION "public"."colsync_accounts_id_bigint_new_differs"(bigint, bigint) RETURNS boolean
--rollback LANGUAGE sql SECURITY INVOKER
--rollback RETURN $1 IS DISTINCT FROM $2;
--rollback -- Keeps the two columns equal whichever application version writes. Direction is decided by the
--rollback -- data, never by the session: a write to the new column wins and the old one follows unless it
--rollback -- already agrees; a write to the old column only (or an INSERT without the new one) sets the new
--rollback -- one. An UPDATE that writes neither leaves both alone: the backfill converges untouched rows.
--rollback -- A new value the old column cannot hold exactly (up(down(new)) <> new) is refused rather than
--rollback -- silently changed, so no write is ever lost. Every operator is pg_catalog's by name.
--rollback CREATE OR REPLACE FUNCTION "public"."colsync_accounts_id_bigint_sync"() RETURNS trigger
--rollback LANGUAGE plpgsql SECURITY INVOKER
--rollback AS $colsync$
--rollback DECLARE
--rollback   colsync_agrees boolean;
--rollback BEGIN
--rollback   -- Fired by the UPDATE OF trigger (first, by name), an UPDATE that names the new column in its SET
--rollback   -- list writes it, even with the value it already had.
--rollback   IF TG_NARGS OPERATOR(pg_catalog.>) 0 OR (TG_OP OPERATOR(pg_catalog.=) 'INSERT' AND NEW."id_colsync_new" IS NOT NULL)
--rollback      OR (TG_OP OPERATOR(pg_catalog.=) 'UPDATE' AND "public"."colsync_accounts_id_bigint_new_differs"(NEW."id_colsync_new", OLD."id_colsync_new")) THEN
--rollback     IF "public"."colsync_accounts_id_bigint_old_differs"(NEW."id", "public"."colsync_accounts_id_bigint_to_old"(NEW."id_colsync_new")) THEN
--rollback       BEGIN
--rollback         -- An old value up() cannot convert disagrees with any new value; it must not fail the write.
--rollback         colsync_agrees := NOT "public"."colsync_accounts_id_bigint_new_differs"(NEW."id_colsync_new", "public"."colsync_accounts_id_bigint_to_new"(NEW."id"));
--rollback       EXCEPTION WHEN data_exception THEN
--rollback         colsync_agrees := false;
--rollback       END;
--rollback       IF NOT colsync_agrees THEN
--rollback         NEW."id" := "public"."colsync_accounts_id_bigint_to_old"(NEW."id_colsync_new");
--rollback         IF "public"."colsync_accounts_id_bigint_new_differs"(NEW."id_colsync_new", "public"."colsync_accounts_id_bigint_to_new"(NEW."id")) THEN
--rollback           RAISE EXCEPTION USING ERRCODE = 'data_exception', MESSAGE = 'colsync accounts_id_bigint: the value written to column "id_colsync_new" cannot be stored in column "id" without changing it',
--rollback             HINT = 'Only values the old column can hold may be written while both columns are in use.';
--rollback         END IF;
--rollback       END IF;
--rollback     END IF;
--rollback   ELSIF TG_OP OPERATOR(pg_catalog.=) 'INSERT' OR "public"."colsync_accounts_id_bigint_old_differs"(NEW."id", OLD."id") THEN
--rollback     NEW."id_colsync_new" := "public"."colsync_accounts_id_bigint_to_new"(NEW."id");
--rollback   END IF;
--rollback   RETURN NEW;
--rollback END
--rollback $colsync$;
--rollback CREATE OR REPLACE TRIGGER "~colsync_accounts_id_bigint_new_written"
--rollback   BEFORE UPDATE OF "id_colsync_new" ON "public"."accounts"
--rollback   FOR EACH ROW EXECUTE FUNCTION "public"."colsync_accounts_id_bigint_sync"('new column written');
--rollback CREATE OR REPLACE TRIGGER "~colsync_accounts_id_bigint_sync"
--rollback   BEFORE INSERT OR UPDATE ON "public"."accounts"
--rollback   FOR EACH ROW EXECUTE FUNCTION "public"."colsync_accounts_id_bigint_sync"();
--rollback CREATE TABLE IF NOT EXISTS "public"."colsync_accounts_id_bigint_backfill_state" (
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
--rollback ALTER TABLE "public"."colsync_accounts_id_bigint_backfill_state" ADD COLUMN IF NOT EXISTS bound_key text[];
--rollback ALTER TABLE "public"."colsync_accounts_id_bigint_backfill_state" ADD COLUMN IF NOT EXISTS bound_rows bigint;
--rollback -- Walks the primary key in batches: one short transaction per batch, checkpoint committed with it.
--rollback -- Only rows that differ are written, so running it again is a no-op. 'down' refills the old column.
--rollback CREATE OR REPLACE PROCEDURE "public"."colsync_accounts_id_bigint_backfill"(
--rollback   colsync_direction text DEFAULT 'up',
--rollback   colsync_batch_size integer DEFAULT 5000,
--rollback   colsync_pause interval DEFAULT '10ms'::interval,
--rollback   colsync_commit_batches boolean DEFAULT true)
--rollback LANGUAGE plpgsql SECURITY INVOKER
--rollback AS $colsync$
--rollback #variable_conflict use_column
--rollback DECLARE
--rollback   colsync_state record;
--rollback   colsync_last_0 "public"."accounts"."id"%TYPE;
--rollback   colsync_lower_0 "public"."accounts"."id"%TYPE;
--rollback   colsync_upper_0 "public"."accounts"."id"%TYPE;
--rollback   colsync_bound_0 "public"."accounts"."id"%TYPE;
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
--rollback     PERFORM pg_catalog.set_config('search_path', 'pg_catalog, "public", pg_temp', true);
--rollback     PERFORM pg_catalog.set_config('lock_timeout', '2000ms', true);
--rollback     -- The checkpoint keeps keys as text: read and write them in one fixed format.
--rollback     PERFORM pg_catalog.set_config('DateStyle', 'ISO, YMD', true);
--rollback     PERFORM pg_catalog.set_config('TimeZone', 'UTC', true);
--rollback     PERFORM pg_catalog.set_config('IntervalStyle', 'postgres', true);
--rollback     PERFORM pg_catalog.set_config('extra_float_digits', '3', true);
--rollback     -- The table's own triggers can tell the backfill's updates by this setting (see the runbook).
--rollback     PERFORM pg_catalog.set_config('colsync.backfill', 'accounts_id_bigint', true);
--rollback     INSERT INTO "public"."colsync_accounts_id_bigint_backfill_state" (direction) VALUES (colsync_direction) ON CONFLICT (direction) DO NOTHING;
--rollback     SELECT * INTO colsync_state FROM "public"."colsync_accounts_id_bigint_backfill_state" WHERE direction = colsync_direction FOR UPDATE;
--rollback     EXIT WHEN colsync_state.done;
--rollback     IF colsync_state.bound_key IS NULL THEN
--rollback       SELECT "id" INTO colsync_bound_0
--rollback         FROM "public"."accounts" ORDER BY "id" DESC LIMIT 1;
--rollback       IF NOT FOUND THEN
--rollback         UPDATE "public"."colsync_accounts_id_bigint_backfill_state" SET done = true, updated_at = pg_catalog.now() WHERE direction = colsync_direction;
--rollback         RAISE NOTICE 'colsync: backfill % done: the table was empty when it started', colsync_direction;
--rollback         IF colsync_commit_batches THEN
--rollback           COMMIT;
--rollback         END IF;
--rollback         EXIT;
--rollback       END IF;
--rollback       UPDATE "public"."colsync_accounts_id_bigint_backfill_state"
--rollback         SET bound_key = ARRAY[colsync_bound_0::text],
--rollback             bound_rows = (SELECT NULLIF(c.reltuples::bigint, -1) FROM pg_catalog.pg_class c
--rollback                           WHERE c.oid = '"public"."accounts"'::pg_catalog.regclass)
--rollback         WHERE direction = colsync_direction;
--rollback     ELSE
--rollback       colsync_bound_0 := colsync_state.bound_key[1];
--rollback     END IF;
--rollback     IF colsync_state.last_key IS NULL THEN
--rollback       SELECT "id" INTO colsync_lower_0
--rollback         FROM "public"."accounts"
--rollback         WHERE ("id") <= (colsync_bound_0)
--rollback         ORDER BY "id" LIMIT 1;
--rollback     ELSE
--rollback       colsync_last_0 := colsync_state.last_key[1];
--rollback       SELECT "id" INTO colsync_lower_0
--rollback         FROM "public"."accounts"
--rollback         WHERE ("id") > (colsync_last_0)
--rollback           AND ("id") <= (colsync_bound_0)
--rollback         ORDER BY "id" LIMIT 1;
--rollback     END IF;
--rollback     IF NOT FOUND THEN
--rollback       UPDATE "public"."colsync_accounts_id_bigint_backfill_state" SET done = true, updated_at = pg_catalog.now() WHERE direction = colsync_direction;
--rollback       RAISE NOTICE 'colsync: backfill % done: % rows changed in % batches',
--rollback         colsync_direction, colsync_state.rows_changed, colsync_state.batches;
--rollback       IF colsync_commit_batches THEN
--rollback         COMMIT;
--rollback       END IF;
--rollback       EXIT;
--rollback     END IF;
--rollback     SELECT batch."id" INTO colsync_upper_0
--rollback       FROM (SELECT "id" FROM "public"."accounts"
--rollback             WHERE ("id") >= (colsync_lower_0)
--rollback               AND ("id") <= (colsync_bound_0)
--rollback             ORDER BY "id" LIMIT colsync_batch_size) AS batch
--rollback       ORDER BY batch."id" DESC LIMIT 1;
--rollback     -- A value up (or down) cannot convert fails the batch; the error then names the first row it fails on.
--rollback     BEGIN
--rollback       IF colsync_direction = 'up' THEN
--rollback         UPDATE "public"."accounts" SET "id_colsync_new" = "public"."colsync_accounts_id_bigint_to_new"("id")
--rollback           WHERE ("id") >= (colsync_lower_0)
--rollback             AND ("id") <= (colsync_upper_0)
--rollback             AND "id_colsync_new" IS DISTINCT FROM "public"."colsync_accounts_id_bigint_to_new"("id");
--rollback       ELSE
--rollback         UPDATE "public"."accounts" SET "id" = "public"."colsync_accounts_id_bigint_to_old"("id_colsync_new")
--rollback           WHERE ("id") >= (colsync_lower_0)
--rollback             AND ("id") <= (colsync_upper_0)
--rollback             AND "id" IS DISTINCT FROM "public"."colsync_accounts_id_bigint_to_old"("id_colsync_new");
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
--rollback           FROM "public"."accounts"
--rollback           WHERE ("id") >= (colsync_lower_0)
--rollback             AND ("id") <= (colsync_upper_0)
--rollback           ORDER BY "id" LOOP
--rollback         BEGIN
--rollback           IF colsync_direction = 'up' THEN
--rollback             PERFORM "public"."colsync_accounts_id_bigint_to_new"("id") FROM "public"."accounts" WHERE ("id") = (colsync_row.colsync_key_0);
--rollback           ELSE
--rollback             PERFORM "public"."colsync_accounts_id_bigint_to_old"("id_colsync_new") FROM "public"."accounts" WHERE ("id") = (colsync_row.colsync_key_0);
--rollback           END IF;
--rollback         EXCEPTION WHEN OTHERS THEN
--rollback           RAISE EXCEPTION USING ERRCODE = colsync_error_state, DETAIL = colsync_error_detail, HINT = colsync_error_hint,
--rollback             MESSAGE = colsync_error_message || ' (on the row whose key (' || 'id'
--rollback               || ') is (' || pg_catalog.concat_ws(', ', colsync_row.colsync_key_0) || '))';
--rollback         END;
--rollback       END LOOP;
--rollback       RAISE;
--rollback     END;
--rollback     UPDATE "public"."colsync_accounts_id_bigint_backfill_state"
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
--rollback -- colsync accounts_id_bigint: rollback of cutover / validate constraint "entries_account_id_fkey".
--rollback -- One transaction; scans under SHARE UPDATE EXCLUSIVE, which blocks no reads or writes, so the
--rollback -- statement timeout is lifted for it.
--rollback SET LOCAL lock_timeout = '2000ms';
--rollback SET LOCAL statement_timeout = 0;
--rollback DO $colsync$
--rollback BEGIN
--rollback   IF EXISTS (SELECT FROM pg_catalog.pg_constraint
--rollback              WHERE conrelid = 'public.entries'::pg_catalog.regclass AND conname = 'entries_account_id_fkey' AND NOT convalidated) THEN
--rollback     ALTER TABLE "public"."entries" VALIDATE CONSTRAINT "entries_account_id_fkey";
--rollback   END IF;
--rollback END
--rollback $colsync$;
--rollback -- colsync accounts_id_bigint: rollback of cutover / validate constraint "colsync_accounts_id_bigint_entries_account_id_fkey".
--rollback -- One transaction; scans under SHARE UPDATE EXCLUSIVE, which blocks no reads or writes, so the
--rollback -- statement timeout is lifted for it.
--rollback SET LOCAL lock_timeout = '2000ms';
--rollback SET LOCAL statement_timeout = 0;
--rollback DO $colsync$
--rollback BEGIN
--rollback   IF EXISTS (SELECT FROM pg_catalog.pg_constraint
--rollback              WHERE conrelid = 'public.entries'::pg_catalog.regclass AND conname = 'colsync_accounts_id_bigint_entries_account_id_fkey' AND NOT convalidated) THEN
--rollback     ALTER TABLE "public"."entries" VALIDATE CONSTRAINT "colsync_accounts_id_bigint_entries_account_id_fkey";
--rollback   END IF;
--rollback END
--rollback $colsync$;

--changeset colsync:accounts_id_bigint-14-contract-check-convergence labels:accounts_id_bigint,contract runInTransaction:true rollbackSplitStatements:false splitStatements:false
-- colsync accounts_id_bigint: contract / check that every row has converged, and record it for contract.
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
  IF NOT EXISTS (SELECT FROM pg_catalog.pg_attribute AS a WHERE a.attrelid OPERATOR(pg_catalog.=) '"public"."accounts"'::pg_catalog.regclass AND a.attname OPERATOR(pg_catalog.=) 'id_colsync_old' AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped) THEN
    IF (SELECT pg_catalog.count(*) FROM pg_catalog.pg_trigger AS t WHERE t.tgrelid OPERATOR(pg_catalog.=) '"public"."accounts"'::pg_catalog.regclass AND t.tgname OPERATOR(pg_catalog.=) ANY (ARRAY['~colsync_accounts_id_bigint_new_written', '~colsync_accounts_id_bigint_sync']::pg_catalog.name[])) OPERATOR(pg_catalog.=) 0 THEN
      RAISE NOTICE 'colsync %: contract has run already (column % is gone); nothing to check', 'accounts_id_bigint',
        'id_colsync_old';
      RETURN;
    END IF;
    RAISE EXCEPTION USING ERRCODE = 'object_not_in_prerequisite_state',
      MESSAGE = pg_catalog.format('colsync %s: column %s of %s does not exist, but the sync trigger does',
        'accounts_id_bigint', 'id_colsync_old', '"public"."accounts"'::pg_catalog.regclass),
      HINT = 'Run the cut-over first.';
  END IF;
  IF (SELECT pg_catalog.count(*) FROM pg_catalog.pg_trigger AS t WHERE t.tgrelid OPERATOR(pg_catalog.=) '"public"."accounts"'::pg_catalog.regclass AND t.tgname OPERATOR(pg_catalog.=) ANY (ARRAY['~colsync_accounts_id_bigint_new_written', '~colsync_accounts_id_bigint_sync']::pg_catalog.name[]) AND t.tgenabled OPERATOR(pg_catalog.<>) 'D' AND t.tgenabled OPERATOR(pg_catalog.<>) 'R') OPERATOR(pg_catalog.<>) 2 THEN
    RAISE EXCEPTION USING ERRCODE = 'object_not_in_prerequisite_state',
      MESSAGE = pg_catalog.format('colsync %s: the sync triggers of %s are missing or disabled, so rows written'
        ' meanwhile may disagree', 'accounts_id_bigint', '"public"."accounts"'::pg_catalog.regclass),
      HINT = 'Run expand again (it creates them again), then the backfill, then this check.';
  END IF;
  colsync_seal := pg_catalog.concat_ws(' ', (SELECT pg_catalog.string_agg(pg_catalog.concat_ws(':', t.tgname, t.tgenabled, t.xmin, p.xmin), ',' ORDER BY t.tgname) FROM pg_catalog.pg_trigger AS t JOIN pg_catalog.pg_proc AS p ON p.oid OPERATOR(pg_catalog.=) t.tgfoid WHERE t.tgrelid OPERATOR(pg_catalog.=) '"public"."accounts"'::pg_catalog.regclass AND t.tgname OPERATOR(pg_catalog.=) ANY (ARRAY['~colsync_accounts_id_bigint_new_written', '~colsync_accounts_id_bigint_sync']::pg_catalog.name[])), (SELECT pg_catalog.string_agg(pg_catalog.concat_ws(':', p.proname, p.xmin), ',' ORDER BY p.proname) FROM pg_catalog.pg_proc AS p WHERE p.pronamespace OPERATOR(pg_catalog.=) (SELECT c.relnamespace FROM pg_catalog.pg_class AS c WHERE c.oid OPERATOR(pg_catalog.=) '"public"."accounts"'::pg_catalog.regclass) AND p.proname OPERATOR(pg_catalog.=) ANY (ARRAY['colsync_accounts_id_bigint_to_new', 'colsync_accounts_id_bigint_to_old', 'colsync_accounts_id_bigint_old_differs', 'colsync_accounts_id_bigint_new_differs']::pg_catalog.name[])));
  SELECT pg_catalog.count(*), pg_catalog.count(*) FILTER (WHERE "public"."colsync_accounts_id_bigint_new_differs"("id", "public"."colsync_accounts_id_bigint_to_new"("id_colsync_old")))
    INTO colsync_rows, colsync_diverging
    FROM "public"."accounts";
  IF colsync_diverging OPERATOR(pg_catalog.>) 0 THEN
    RAISE EXCEPTION USING ERRCODE = 'object_not_in_prerequisite_state',
      MESSAGE = pg_catalog.format('colsync %s: %s of %s rows have %I IS DISTINCT FROM up(%I)', 'accounts_id_bigint',
        colsync_diverging, colsync_rows, 'id', 'id_colsync_old'),
      HINT = 'Let the backfill finish (run it again if it stopped), then run this check again.';
  END IF;
  INSERT INTO colsync.convergence_checks AS c (migration, seal, rows_checked)
    VALUES ('accounts_id_bigint', colsync_seal, colsync_rows)
    ON CONFLICT (migration) DO UPDATE SET seal = EXCLUDED.seal, rows_checked = EXCLUDED.rows_checked,
      checked_at = pg_catalog.now(), checked_by = CURRENT_USER;
  RAISE NOTICE 'colsync %: all % rows converged; recorded for contract', 'accounts_id_bigint', colsync_rows;
END
$colsync$;
--rollback -- colsync accounts_id_bigint: rollback of contract / bring back the old column, the sync trigger and the
--rollback -- backfill procedure. One transaction; takes ACCESS EXCLUSIVE on the table for milliseconds.
--rollback -- From here on every write to the new column is copied to the old one; the next script refills the rest.
--rollback SET LOCAL lock_timeout = '2000ms';
--rollback SET LOCAL statement_timeout = '30000ms';
--rollback ALTER TABLE "public"."accounts" ADD COLUMN IF NOT EXISTS "id_colsync_old" integer;
--rollback ALTER INDEX IF EXISTS "public"."accounts_id_owner" RENAME TO "colsync_accounts_id_bigint_accounts_id_owner";
--rollback DO $colsync$
--rollback BEGIN
--rollback   IF EXISTS (SELECT FROM pg_catalog.pg_constraint WHERE conrelid = '"public"."accounts"'::pg_catalog.regclass AND conname = 'accounts_id_check') THEN
--rollback     ALTER TABLE "public"."accounts" RENAME CONSTRAINT "accounts_id_check" TO "colsync_accounts_id_bigint_accounts_id_check";
--rollback   END IF;
--rollback END
--rollback $colsync$;
--rollback -- up, down and the comparisons the sync function makes, as SQL functions whose bodies PostgreSQL binds
--rollback -- now, under this search path, and inlines where they are called: the trigger function then depends on
--rollback -- no caller's search_path without a SET clause of its own, which would cost every write a few
--rollback -- microseconds.
--rollback SET LOCAL search_path = pg_catalog, "public", pg_temp;
--rollback CREATE OR REPLACE FUNCTION "public"."colsync_accounts_id_bigint_to_new"(integer) RETURNS bigint
--rollback LANGUAGE sql SECURITY INVOKER
--rollback RETURN ($1::bigint);
--rollback CREATE OR REPLACE FUNCTION "public"."colsync_accounts_id_bigint_to_old"(bigint) RETURNS integer
--rollback LANGUAGE sql SECURITY INVOKER
--rollback RETURN ($1::integer);
--rollback CREATE OR REPLACE FUNCTION "public"."colsync_accounts_id_bigint_old_differs"(integer, integer) RETURNS boolean
--rollback LANGUAGE sql SECURITY INVOKER
--rollback RETURN $1 IS DISTINCT FROM $2;
--rollback CREATE OR REPLACE FUNCTION "public"."colsync_accounts_id_bigint_new_differs"(bigint, bigint) RETURNS boolean
--rollback LANGUAGE sql SECURITY INVOKER
--rollback RETURN $1 IS DISTINCT FROM $2;
--rollback -- Keeps the two columns equal whichever application version writes. Direction is decided by the
--rollback -- data, never by the session: a write to the new column wins and the old one follows unless it
--rollback -- already agrees; a write to the old column only (or an INSERT without the new one) sets the new
--rollback -- one. An UPDATE that writes neither leaves both alone: the backfill converges untouched rows.
--rollback -- A new value the old column cannot hold exactly (up(down(new)) <> new) is refused rather than
--rollback -- silently changed, so no write is ever lost. Every operator is pg_catalog's by name.
--rollback CREATE OR REPLACE FUNCTION "public"."colsync_accounts_id_bigint_sync"() RETURNS trigger
--rollback LANGUAGE plpgsql SECURITY INVOKER
--rollback AS $colsync$
--rollback DECLARE
--rollback   colsync_agrees boolean;
--rollback BEGIN
--rollback   -- Fired by the UPDATE OF trigger (first, by name), an UPDATE that names the new column in its SET
--rollback   -- list writes it, even with the value it already had.
--rollback   IF TG_NARGS OPERATOR(pg_catalog.>) 0 OR (TG_OP OPERATOR(pg_catalog.=) 'INSERT' AND NEW."id" IS NOT NULL)
--rollback      OR (TG_OP OPERATOR(pg_catalog.=) 'UPDATE' AND "public"."colsync_accounts_id_bigint_new_differs"(NEW."id", OLD."id")) THEN
--rollback     IF "public"."colsync_accounts_id_bigint_old_differs"(NEW."id_colsync_old", "public"."colsync_accounts_id_bigint_to_old"(NEW."id")) THEN
--rollback       BEGIN
--rollback         -- An old value up() cannot convert disagrees with any new value; it must not fail the write.
--rollback         colsync_agrees := NOT "public"."colsync_accounts_id_bigint_new_differs"(NEW."id", "public"."colsync_accounts_id_bigint_to_new"(NEW."id_colsync_old"));
--rollback       EXCEPTION WHEN data_exception THEN
--rollback         colsync_agrees := false;
--rollback       END;
--rollback       IF NOT colsync_agrees THEN
--rollback         NEW."id_colsync_old" := "public"."colsync_accounts_id_bigint_to_old"(NEW."id");
--rollback         IF "public"."colsync_accounts_id_bigint_new_differs"(NEW."id", "public"."colsync_accounts_id_bigint_to_new"(NEW."id_colsync_old")) THEN
--rollback           RAISE EXCEPTION USING ERRCODE = 'data_exception', MESSAGE = 'colsync accounts_id_bigint: the value written to column "id" cannot be stored in column "id_colsync_old" without changing it',
--rollback             HINT = 'Only values the old column can hold may be written while both columns are in use.';
--rollback         END IF;
--rollback       END IF;
--rollback     END IF;
--rollback   ELSIF TG_OP OPERATOR(pg_catalog.=) 'INSERT' OR "public"."colsync_accounts_id_bigint_old_differs"(NEW."id_colsync_old", OLD."id_colsync_old") THEN
--rollback     NEW."id" := "public"."colsync_accounts_id_bigint_to_new"(NEW."id_colsync_old");
--rollback   END IF;
--rollback   RETURN NEW;
--rollback END
--rollback $colsync$;
--rollback CREATE OR REPLACE TRIGGER "~colsync_accounts_id_bigint_new_written"
--rollback   BEFORE UPDATE OF "id" ON "public"."accounts"
--rollback   FOR EACH ROW EXECUTE FUNCTION "public"."colsync_accounts_id_bigint_sync"('new column written');
--rollback CREATE OR REPLACE TRIGGER "~colsync_accounts_id_bigint_sync"
--rollback   BEFORE INSERT OR UPDATE ON "public"."accounts"
--rollback   FOR EACH ROW EXECUTE FUNCTION "public"."colsync_accounts_id_bigint_sync"();
--rollback CREATE TABLE IF NOT EXISTS "public"."colsync_accounts_id_bigint_backfill_state" (
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
--rollback ALTER TABLE "public"."colsync_accounts_id_bigint_backfill_state" ADD COLUMN IF NOT EXISTS bound_key text[];
--rollback ALTER TABLE "public"."colsync_accounts_id_bigint_backfill_state" ADD COLUMN IF NOT EXISTS bound_rows bigint;
--rollback -- Walks the primary key in batches: one short transaction per batch, checkpoint committed with it.
--rollback -- Only rows that differ are written, so running it again is a no-op. 'down' refills the old column.
--rollback CREATE OR REPLACE PROCEDURE "public"."colsync_accounts_id_bigint_backfill"(
--rollback   colsync_direction text DEFAULT 'up',
--rollback   colsync_batch_size integer DEFAULT 5000,
--rollback   colsync_pause interval DEFAULT '10ms'::interval,
--rollback   colsync_commit_batches boolean DEFAULT true)
--rollback LANGUAGE plpgsql SECURITY INVOKER
--rollback AS $colsync$
--rollback #variable_conflict use_column
--rollback DECLARE
--rollback   colsync_state record;
--rollback   colsync_last_0 "public"."accounts"."id"%TYPE;
--rollback   colsync_lower_0 "public"."accounts"."id"%TYPE;
--rollback   colsync_upper_0 "public"."accounts"."id"%TYPE;
--rollback   colsync_bound_0 "public"."accounts"."id"%TYPE;
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
--rollback     PERFORM pg_catalog.set_config('search_path', 'pg_catalog, "public", pg_temp', true);
--rollback     PERFORM pg_catalog.set_config('lock_timeout', '2000ms', true);
--rollback     -- The checkpoint keeps keys as text: read and write them in one fixed format.
--rollback     PERFORM pg_catalog.set_config('DateStyle', 'ISO, YMD', true);
--rollback     PERFORM pg_catalog.set_config('TimeZone', 'UTC', true);
--rollback     PERFORM pg_catalog.set_config('IntervalStyle', 'postgres', true);
--rollback     PERFORM pg_catalog.set_config('extra_float_digits', '3', true);
--rollback     -- The table's own triggers can tell the backfill's updates by this setting (see the runbook).
--rollback     PERFORM pg_catalog.set_config('colsync.backfill', 'accounts_id_bigint', true);
--rollback     INSERT INTO "public"."colsync_accounts_id_bigint_backfill_state" (direction) VALUES (colsync_direction) ON CONFLICT (direction) DO NOTHING;
--rollback     SELECT * INTO colsync_state FROM "public"."colsync_accounts_id_bigint_backfill_state" WHERE direction = colsync_direction FOR UPDATE;
--rollback     EXIT WHEN colsync_state.done;
--rollback     IF colsync_state.bound_key IS NULL THEN
--rollback       SELECT "id" INTO colsync_bound_0
--rollback         FROM "public"."accounts" ORDER BY "id" DESC LIMIT 1;
--rollback       IF NOT FOUND THEN
--rollback         UPDATE "public"."colsync_accounts_id_bigint_backfill_state" SET done = true, updated_at = pg_catalog.now() WHERE direction = colsync_direction;
--rollback         RAISE NOTICE 'colsync: backfill % done: the table was empty when it started', colsync_direction;
--rollback         IF colsync_commit_batches THEN
--rollback           COMMIT;
--rollback         END IF;
--rollback         EXIT;
--rollback       END IF;
--rollback       UPDATE "public"."colsync_accounts_id_bigint_backfill_state"
--rollback         SET bound_key = ARRAY[colsync_bound_0::text],
--rollback             bound_rows = (SELECT NULLIF(c.reltuples::bigint, -1) FROM pg_catalog.pg_class c
--rollback                           WHERE c.oid = '"public"."accounts"'::pg_catalog.regclass)
--rollback         WHERE direction = colsync_direction;
--rollback     ELSE
--rollback       colsync_bound_0 := colsync_state.bound_key[1];
--rollback     END IF;
--rollback     IF colsync_state.last_key IS NULL THEN
--rollback       SELECT "id" INTO colsync_lower_0
--rollback         FROM "public"."accounts"
--rollback         WHERE ("id") <= (colsync_bound_0)
--rollback         ORDER BY "id" LIMIT 1;
--rollback     ELSE
--rollback       colsync_last_0 := colsync_state.last_key[1];
--rollback       SELECT "id" INTO colsync_lower_0
--rollback         FROM "public"."accounts"
--rollback         WHERE ("id") > (colsync_last_0)
--rollback           AND ("id") <= (colsync_bound_0)
--rollback         ORDER BY "id" LIMIT 1;
--rollback     END IF;
--rollback     IF NOT FOUND THEN
--rollback       UPDATE "public"."colsync_accounts_id_bigint_backfill_state" SET done = true, updated_at = pg_catalog.now() WHERE direction = colsync_direction;
--rollback       RAISE NOTICE 'colsync: backfill % done: % rows changed in % batches',
--rollback         colsync_direction, colsync_state.rows_changed, colsync_state.batches;
--rollback       IF colsync_commit_batches THEN
--rollback         COMMIT;
--rollback       END IF;
--rollback       EXIT;
--rollback     END IF;
--rollback     SELECT batch."id" INTO colsync_upper_0
--rollback       FROM (SELECT "id" FROM "public"."accounts"
--rollback             WHERE ("id") >= (colsync_lower_0)
--rollback               AND ("id") <= (colsync_bound_0)
--rollback             ORDER BY "id" LIMIT colsync_batch_size) AS batch
--rollback       ORDER BY batch."id" DESC LIMIT 1;
--rollback     -- A value up (or down) cannot convert fails the batch; the error then names the first row it fails on.
--rollback     BEGIN
--rollback       IF colsync_direction = 'up' THEN
--rollback         UPDATE "public"."accounts" SET "id" = "public"."colsync_accounts_id_bigint_to_new"("id_colsync_old")
--rollback           WHERE ("id") >= (colsync_lower_0)
--rollback             AND ("id") <= (colsync_upper_0)
--rollback             AND "id" IS DISTINCT FROM "public"."colsync_accounts_id_bigint_to_new"("id_colsync_old");
--rollback       ELSE
--rollback         UPDATE "public"."accounts" SET "id_colsync_old" = "public"."colsync_accounts_id_bigint_to_old"("id")
--rollback           WHERE ("id") >= (colsync_lower_0)
--rollback             AND ("id") <= (colsync_upper_0)
--rollback             AND "id_colsync_old" IS DISTINCT FROM "public"."colsync_accounts_id_bigint_to_old"("id");
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
--rollback           FROM "public"."accounts"
--rollback           WHERE ("id") >= (colsync_lower_0)
--rollback             AND ("id") <= (colsync_upper_0)
--rollback           ORDER BY "id" LOOP
--rollback         BEGIN
--rollback           IF colsync_direction = 'up' THEN
--rollback             PERFORM "public"."colsync_accounts_id_bigint_to_new"("id_colsync_old") FROM "public"."accounts" WHERE ("id") = (colsync_row.colsync_key_0);
--rollback           ELSE
--rollback             PERFORM "public"."colsync_accounts_id_bigint_to_old"("id") FROM "public"."accounts" WHERE ("id") = (colsync_row.colsync_key_0);
--rollback           END IF;
--rollback         EXCEPTION WHEN OTHERS THEN
--rollback           RAISE EXCEPTION USING ERRCODE = colsync_error_state, DETAIL = colsync_error_detail, HINT = colsync_error_hint,
--rollback             MESSAGE = colsync_error_message || ' (on the row whose key (' || 'id'
--rollback               || ') is (' || pg_catalog.concat_ws(', ', colsync_row.colsync_key_0) || '))';
--rollback         END;
--rollback       END LOOP;
--rollback       RAISE;
--rollback     END;
--rollback     UPDATE "public"."colsync_accounts_id_bigint_backfill_state"
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
--rollback -- colsync accounts_id_bigint: rollback of contract / fill the old column from the new one, all batches in the caller's transaction.
--rollback SET LOCAL statement_timeout = 0;
--rollback CALL "public"."colsync_accounts_id_bigint_backfill"(colsync_direction => 'down', colsync_commit_batches => false);
--rollback -- colsync accounts_id_bigint: rollback of contract / add NOT NULL on the old column as NOT VALID.
--rollback -- One transaction; a short ACCESS EXCLUSIVE lock, no table scan. New writes are checked from now on.
--rollback SET LOCAL lock_timeout = '2000ms';
--rollback SET LOCAL statement_timeout = '30000ms';
--rollback DO $colsync$
--rollback BEGIN
--rollback   IF NOT EXISTS (SELECT FROM pg_catalog.pg_constraint
--rollback                  WHERE conrelid = '"public"."accounts"'::pg_catalog.regclass AND conname = 'colsync_accounts_id_bigint_old_not_null')
--rollback      AND NOT (SELECT attnotnull FROM pg_catalog.pg_attribute
--rollback               WHERE attrelid = '"public"."accounts"'::pg_catalog.regclass AND attname = 'id_colsync_old') THEN
--rollback     ALTER TABLE "public"."accounts" ADD CONSTRAINT "colsync_accounts_id_bigint_old_not_null" CHECK ("id_colsync_old" IS NOT NULL) NOT VALID;
--rollback   END IF;
--rollback END
--rollback $colsync$;
--rollback -- colsync accounts_id_bigint: rollback of contract / validate NOT NULL on the old column.
--rollback -- One transaction; scans the table under SHARE UPDATE EXCLUSIVE, which blocks no reads or writes,
--rollback -- so the statement timeout is lifted for it.
--rollback SET LOCAL lock_timeout = '2000ms';
--rollback SET LOCAL statement_timeout = 0;
--rollback DO $colsync$
--rollback BEGIN
--rollback   IF EXISTS (SELECT FROM pg_catalog.pg_constraint
--rollback              WHERE conrelid = '"public"."accounts"'::pg_catalog.regclass AND conname = 'colsync_accounts_id_bigint_old_not_null' AND NOT convalidated) THEN
--rollback     ALTER TABLE "public"."accounts" VALIDATE CONSTRAINT "colsync_accounts_id_bigint_old_not_null";
--rollback   END IF;
--rollback END
--rollback $colsync$;
--rollback -- colsync accounts_id_bigint: rollback of contract / mark the old column NOT NULL and drop the check.
--rollback -- One transaction; a short ACCESS EXCLUSIVE lock, no table scan.
--rollback SET LOCAL lock_timeout = '2000ms';
--rollback SET LOCAL statement_timeout = '30000ms';
--rollback -- The validated check proves there is no NULL, so SET NOT NULL skips its table scan (PostgreSQL 12+).
--rollback ALTER TABLE "public"."accounts" ALTER COLUMN "id_colsync_old" SET NOT NULL;
--rollback ALTER TABLE "public"."accounts" DROP CONSTRAINT IF EXISTS "colsync_accounts_id_bigint_old_not_null";
--rollback CREATE INDEX IF NOT EXISTS "accounts_id_owner" ON "public"."accounts" USING btree (owner, "id_colsync_old") WHERE ("id_colsync_old" > 100);
--rollback -- colsync accounts_id_bigint: rollback of contract / add constraint "accounts_id_check" as NOT VALID.
--rollback -- One transaction; a short lock, no table scan. New writes are checked from now on.
--rollback SET LOCAL lock_timeout = '2000ms';
--rollback SET LOCAL statement_timeout = '30000ms';
--rollback DO $colsync$
--rollback BEGIN
--rollback   IF NOT EXISTS (SELECT FROM pg_catalog.pg_constraint
--rollback                  WHERE conrelid = '"public"."accounts"'::pg_catalog.regclass AND conname = 'accounts_id_check') THEN
--rollback     ALTER TABLE "public"."accounts" ADD CONSTRAINT "accounts_id_check" CHECK (("id_colsync_old" > 0)) NOT VALID;
--rollback   END IF;
--rollback END
--rollback $colsync$;
--rollback -- colsync accounts_id_bigint: rollback of contract / validate constraint "accounts_id_check".
--rollback -- One transaction; scans under SHARE UPDATE EXCLUSIVE, which blocks no reads or writes, so the
--rollback -- statement timeout is lifted for it.
--rollback SET LOCAL lock_timeout = '2000ms';
--rollback SET LOCAL statement_timeout = 0;
--rollback DO $colsync$
--rollback BEGIN
--rollback   IF EXISTS (SELECT FROM pg_catalog.pg_constraint
--rollback              WHERE conrelid = '"public"."accounts"'::pg_catalog.regclass AND conname = 'accounts_id_check' AND NOT convalidated) THEN
--rollback     ALTER TABLE "public"."accounts" VALIDATE CONSTRAINT "accounts_id_check";
--rollback   END IF;
--rollback END
--rollback $colsync$;

--changeset colsync:accounts_id_bigint-15-contract-drop-old-column labels:accounts_id_bigint,contract runInTransaction:true rollbackSplitStatements:false splitStatements:false
-- colsync accounts_id_bigint: contract / drop the sync trigger, its functions and the old column.
-- One transaction, so no write ever sees the column gone and the trigger still there.
-- Only N may be running. Takes ACCESS EXCLUSIVE on the table for milliseconds.
SET LOCAL lock_timeout = '2000ms';
SET LOCAL statement_timeout = '30000ms';
LOCK TABLE "public"."accounts" IN ACCESS EXCLUSIVE MODE;
-- The gate, whoever runs this script: it refuses unless a convergence check passed with the sync trigger
-- and its functions exactly as they are now. It runs under the table's
-- lock, so no write and no flag change can come between it and the drop. To contract anyway, on purpose:
-- SET colsync.contract_override = 'accounts_id_bigint: <reason>' in the session first (recorded).
DO $colsync$
#variable_conflict use_column
DECLARE
  colsync_override text := pg_catalog.current_setting('colsync.contract_override', true);
  colsync_seal text;
  colsync_checked timestamptz;
BEGIN
  IF NOT EXISTS (SELECT FROM pg_catalog.pg_attribute AS a WHERE a.attrelid OPERATOR(pg_catalog.=) '"public"."accounts"'::pg_catalog.regclass AND a.attname OPERATOR(pg_catalog.=) 'id_colsync_old' AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped) THEN
    IF (SELECT pg_catalog.count(*) FROM pg_catalog.pg_trigger AS t WHERE t.tgrelid OPERATOR(pg_catalog.=) '"public"."accounts"'::pg_catalog.regclass AND t.tgname OPERATOR(pg_catalog.=) ANY (ARRAY['~colsync_accounts_id_bigint_new_written', '~colsync_accounts_id_bigint_sync']::pg_catalog.name[])) OPERATOR(pg_catalog.=) 0 THEN
      RAISE NOTICE 'colsync %: contract has run already (column % is gone); nothing to do', 'accounts_id_bigint',
        'id_colsync_old';
      RETURN;
    END IF;
    RAISE EXCEPTION USING ERRCODE = 'object_not_in_prerequisite_state',
      MESSAGE = pg_catalog.format('colsync %s: contract refused: column %s of %s does not exist, but the sync'
        ' trigger does', 'accounts_id_bigint', 'id_colsync_old', '"public"."accounts"'::pg_catalog.regclass),
      HINT = 'Run the cut-over first.';
  END IF;
  IF colsync_override OPERATOR(pg_catalog.=) 'accounts_id_bigint'
     OR pg_catalog.starts_with(colsync_override, 'accounts_id_bigint:') THEN
    RAISE WARNING 'colsync %: contract gate overridden by % (%)', 'accounts_id_bigint', CURRENT_USER, colsync_override;
    IF pg_catalog.to_regnamespace('colsync') IS NULL THEN
      CREATE SCHEMA colsync;
    END IF;
    CREATE TABLE IF NOT EXISTS colsync.gate_overrides (
      migration text NOT NULL,
      reason text NOT NULL,
      overridden_by text NOT NULL DEFAULT CURRENT_USER,
      overridden_at timestamptz NOT NULL DEFAULT pg_catalog.now()
    );
    INSERT INTO colsync.gate_overrides (migration, reason) VALUES ('accounts_id_bigint', colsync_override);
    RETURN;
  END IF;
  IF pg_catalog.to_regclass('colsync.convergence_checks') IS NOT NULL THEN
    SELECT c.seal, c.checked_at INTO colsync_seal, colsync_checked FROM colsync.convergence_checks AS c
      WHERE c.migration OPERATOR(pg_catalog.=) 'accounts_id_bigint' FOR SHARE;
  END IF;
  IF colsync_seal IS NULL THEN
    RAISE EXCEPTION USING ERRCODE = 'object_not_in_prerequisite_state',
      MESSAGE = pg_catalog.format('colsync %s: contract refused: no convergence check has passed, so column %s'
        ' is not known to be copied', 'accounts_id_bigint', 'id_colsync_old'),
      HINT = 'Once the backfill is done, run the check-convergence script before this one (or colsync verify).';
  END IF;
  IF colsync_seal OPERATOR(pg_catalog.<>) pg_catalog.concat_ws(' ', (SELECT pg_catalog.string_agg(pg_catalog.concat_ws(':', t.tgname, t.tgenabled, t.xmin, p.xmin), ',' ORDER BY t.tgname) FROM pg_catalog.pg_trigger AS t JOIN pg_catalog.pg_proc AS p ON p.oid OPERATOR(pg_catalog.=) t.tgfoid WHERE t.tgrelid OPERATOR(pg_catalog.=) '"public"."accounts"'::pg_catalog.regclass AND t.tgname OPERATOR(pg_catalog.=) ANY (ARRAY['~colsync_accounts_id_bigint_new_written', '~colsync_accounts_id_bigint_sync']::pg_catalog.name[])), (SELECT pg_catalog.string_agg(pg_catalog.concat_ws(':', p.proname, p.xmin), ',' ORDER BY p.proname) FROM pg_catalog.pg_proc AS p WHERE p.pronamespace OPERATOR(pg_catalog.=) (SELECT c.relnamespace FROM pg_catalog.pg_class AS c WHERE c.oid OPERATOR(pg_catalog.=) '"public"."accounts"'::pg_catalog.regclass) AND p.proname OPERATOR(pg_catalog.=) ANY (ARRAY['colsync_accounts_id_bigint_to_new', 'colsync_accounts_id_bigint_to_old', 'colsync_accounts_id_bigint_old_differs', 'colsync_accounts_id_bigint_new_differs']::pg_catalog.name[]))) THEN
    RAISE EXCEPTION USING ERRCODE = 'object_not_in_prerequisite_state',
      MESSAGE = pg_catalog.format('colsync %s: contract refused: the sync trigger or its functions were'
        ' disabled, dropped or replaced after the convergence check of %s', 'accounts_id_bigint', colsync_checked),
      HINT = 'Rows written since may disagree: run the backfill and the check-convergence script again.';
  END IF;
END
$colsync$;
DROP TRIGGER IF EXISTS "~colsync_accounts_id_bigint_new_written" ON "public"."accounts";
DROP TRIGGER IF EXISTS "~colsync_accounts_id_bigint_sync" ON "public"."accounts";
DROP FUNCTION IF EXISTS "public"."colsync_accounts_id_bigint_sync"();
DROP FUNCTION IF EXISTS "public"."colsync_accounts_id_bigint_to_new"(integer);
DROP FUNCTION IF EXISTS "public"."colsync_accounts_id_bigint_to_old"(bigint);
DROP FUNCTION IF EXISTS "public"."colsync_accounts_id_bigint_old_differs"(integer, integer);
DROP FUNCTION IF EXISTS "public"."colsync_accounts_id_bigint_new_differs"(bigint, bigint);
ALTER TABLE "public"."accounts" DROP COLUMN IF EXISTS "id_colsync_old";
ALTER INDEX IF EXISTS "public"."colsync_accounts_id_bigint_accounts_id_owner" RENAME TO "accounts_id_owner";
DO $colsync$
BEGIN
  IF EXISTS (SELECT FROM pg_catalog.pg_constraint WHERE conrelid = '"public"."accounts"'::pg_catalog.regclass AND conname = 'colsync_accounts_id_bigint_accounts_id_check') THEN
    ALTER TABLE "public"."accounts" RENAME CONSTRAINT "colsync_accounts_id_bigint_accounts_id_check" TO "accounts_id_check";
  END IF;
END
$colsync$;
DROP PROCEDURE IF EXISTS "public"."colsync_accounts_id_bigint_backfill"(text, integer, interval, boolean);
DROP TABLE IF EXISTS "public"."colsync_accounts_id_bigint_backfill_state";
--rollback empty
