--liquibase formatted sql

--changeset colsync:events_created_at_tz-01-expand-add-column labels:events_created_at_tz,expand runInTransaction:true rollbackSplitStatements:false splitStatements:false
-- colsync events_created_at_tz: expand / add the new column and the sync trigger.
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
  IF pg_catalog.to_regclass('"public"."events"') IS NULL THEN
    RAISE EXCEPTION USING ERRCODE = 'undefined_table',
      MESSAGE = pg_catalog.format('colsync %s: expand refused: table %s does not exist', 'events_created_at_tz', '"public"."events"'),
      HINT = 'The spec''s table is schema.name, as the catalog spells them; nothing was changed.';
  END IF;
  colsync_old_exists := EXISTS (SELECT FROM pg_catalog.pg_attribute AS a WHERE a.attrelid OPERATOR(pg_catalog.=) '"public"."events"'::pg_catalog.regclass AND a.attname OPERATOR(pg_catalog.=) 'created_at' AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped);
  colsync_new_exists := EXISTS (SELECT FROM pg_catalog.pg_attribute AS a WHERE a.attrelid OPERATOR(pg_catalog.=) '"public"."events"'::pg_catalog.regclass AND a.attname OPERATOR(pg_catalog.=) 'created_at_tz' AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped);
  colsync_ours := pg_catalog.to_regprocedure('"public"."colsync_events_created_at_tz_sync"()') IS NOT NULL OR EXISTS (SELECT FROM pg_catalog.pg_trigger AS t WHERE t.tgrelid OPERATOR(pg_catalog.=) '"public"."events"'::pg_catalog.regclass AND t.tgname OPERATOR(pg_catalog.=) ANY (ARRAY['~colsync_events_created_at_tz_new_written', '~colsync_events_created_at_tz_sync']::pg_catalog.name[]));
  IF NOT colsync_old_exists AND colsync_new_exists AND NOT colsync_ours THEN
    IF pg_catalog.to_regclass('colsync.convergence_checks') IS NOT NULL THEN
      colsync_recorded := EXISTS (SELECT FROM colsync.convergence_checks AS c
        WHERE c.migration OPERATOR(pg_catalog.=) 'events_created_at_tz');
    END IF;
    IF NOT colsync_recorded AND pg_catalog.to_regclass('colsync.gate_overrides') IS NOT NULL THEN
      colsync_recorded := EXISTS (SELECT FROM colsync.gate_overrides AS g
        WHERE g.migration OPERATOR(pg_catalog.=) 'events_created_at_tz');
    END IF;
    IF colsync_recorded THEN
      RAISE NOTICE 'colsync %: %', 'events_created_at_tz', 'column created_at is gone and created_at_tz exists: contract has run already; nothing to do';
      RETURN;
    END IF;
  END IF;
  IF NOT colsync_old_exists THEN
    colsync_problems := colsync_problems OPERATOR(pg_catalog.||) pg_catalog.format('column %I of %s does not exist', 'created_at', '"public"."events"');
  END IF;
  IF colsync_old_exists AND NOT EXISTS (SELECT FROM pg_catalog.pg_attribute AS a WHERE a.attrelid OPERATOR(pg_catalog.=) '"public"."events"'::pg_catalog.regclass AND a.attname OPERATOR(pg_catalog.=) 'created_at' AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped AND a.atttypid OPERATOR(pg_catalog.=) pg_catalog.to_regtype('timestamp') AND a.atttypmod OPERATOR(pg_catalog.=) -1) THEN
    colsync_problems := colsync_problems OPERATOR(pg_catalog.||) pg_catalog.format('column %I of %s is %s, but the spec says %s', 'created_at', '"public"."events"', (SELECT pg_catalog.format_type(a.atttypid, a.atttypmod) FROM pg_catalog.pg_attribute AS a WHERE a.attrelid OPERATOR(pg_catalog.=) '"public"."events"'::pg_catalog.regclass AND a.attname OPERATOR(pg_catalog.=) 'created_at' AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped), 'timestamp');
  END IF;
  IF colsync_old_exists AND NOT EXISTS (SELECT FROM pg_catalog.pg_attribute AS a WHERE a.attrelid OPERATOR(pg_catalog.=) '"public"."events"'::pg_catalog.regclass AND a.attname OPERATOR(pg_catalog.=) 'created_at' AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped AND a.attnotnull OPERATOR(pg_catalog.=) true) THEN
    colsync_problems := colsync_problems OPERATOR(pg_catalog.||) pg_catalog.format('column %I of %s is %s, but the spec says %s', 'created_at', '"public"."events"', (SELECT CASE WHEN a.attnotnull THEN 'NOT NULL' ELSE 'nullable' END FROM pg_catalog.pg_attribute AS a WHERE a.attrelid OPERATOR(pg_catalog.=) '"public"."events"'::pg_catalog.regclass AND a.attname OPERATOR(pg_catalog.=) 'created_at' AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped), 'NOT NULL');
  END IF;
  IF colsync_new_exists AND NOT colsync_ours THEN
    colsync_problems := colsync_problems OPERATOR(pg_catalog.||) pg_catalog.format('column %I of %s exists already and is not this migration''s: expand would overwrite it', 'created_at_tz', '"public"."events"');
  END IF;
  IF colsync_new_exists AND colsync_ours AND NOT EXISTS (SELECT FROM pg_catalog.pg_attribute AS a WHERE a.attrelid OPERATOR(pg_catalog.=) '"public"."events"'::pg_catalog.regclass AND a.attname OPERATOR(pg_catalog.=) 'created_at_tz' AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped AND a.atttypid OPERATOR(pg_catalog.=) pg_catalog.to_regtype('timestamptz') AND a.atttypmod OPERATOR(pg_catalog.=) -1) THEN
    colsync_problems := colsync_problems OPERATOR(pg_catalog.||) pg_catalog.format('column %I of %s, made by an earlier expand, is %s, but the spec says %s', 'created_at_tz', '"public"."events"', (SELECT pg_catalog.format_type(a.atttypid, a.atttypmod) FROM pg_catalog.pg_attribute AS a WHERE a.attrelid OPERATOR(pg_catalog.=) '"public"."events"'::pg_catalog.regclass AND a.attname OPERATOR(pg_catalog.=) 'created_at_tz' AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped), 'timestamptz');
  END IF;
  IF NOT EXISTS (SELECT FROM pg_catalog.pg_index AS i WHERE i.indrelid OPERATOR(pg_catalog.=) '"public"."events"'::pg_catalog.regclass AND i.indisunique AND i.indisvalid AND i.indpred IS NULL AND i.indexprs IS NULL AND i.indnkeyatts OPERATOR(pg_catalog.=) 1 AND (SELECT pg_catalog.count(*) FROM pg_catalog.unnest(i.indkey::pg_catalog.int2[]) WITH ORDINALITY AS k(attnum, n) JOIN pg_catalog.pg_attribute AS a ON a.attrelid OPERATOR(pg_catalog.=) i.indrelid AND a.attnum OPERATOR(pg_catalog.=) k.attnum WHERE k.n OPERATOR(pg_catalog.<=) i.indnkeyatts AND a.attnotnull AND a.attname OPERATOR(pg_catalog.=) ANY (ARRAY['id']::pg_catalog.name[])) OPERATOR(pg_catalog.=) 1) THEN
    colsync_problems := colsync_problems OPERATOR(pg_catalog.||) pg_catalog.format('%s has no primary key or unique index on exactly (%s) over NOT NULL columns, which the backfill walks', '"public"."events"', 'id');
  END IF;
  IF EXISTS (SELECT FROM pg_catalog.pg_trigger AS t WHERE t.tgrelid OPERATOR(pg_catalog.=) '"public"."events"'::pg_catalog.regclass AND NOT t.tgisinternal AND t.tgname OPERATOR(pg_catalog.<>) ALL (ARRAY['~colsync_events_created_at_tz_new_written', '~colsync_events_created_at_tz_sync']::pg_catalog.name[]) AND (EXISTS (SELECT FROM pg_catalog.pg_depend AS d WHERE d.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_trigger'::pg_catalog.regclass AND d.objid OPERATOR(pg_catalog.=) t.oid AND d.refobjid OPERATOR(pg_catalog.=) t.tgrelid AND d.refobjsubid OPERATOR(pg_catalog.=) (SELECT a.attnum FROM pg_catalog.pg_attribute AS a WHERE a.attrelid OPERATOR(pg_catalog.=) '"public"."events"'::pg_catalog.regclass AND a.attname OPERATOR(pg_catalog.=) 'created_at' AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped)) OR 'created_at' OPERATOR(pg_catalog.=) ANY (pg_catalog.string_to_array(pg_catalog.encode(t.tgargs, 'escape'), E'\\000')))) THEN
    colsync_problems := colsync_problems OPERATOR(pg_catalog.||) (SELECT pg_catalog.format('trigger %s of %s uses column %I (in its UPDATE OF list, WHEN condition or arguments) and would fail every write once contract drops it; colsync cannot rewrite a trigger: drop it before expand and create it again over the new column after contract', pg_catalog.string_agg(pg_catalog.quote_ident(t.tgname), ', ' ORDER BY t.tgname), '"public"."events"', 'created_at') FROM pg_catalog.pg_trigger AS t WHERE t.tgrelid OPERATOR(pg_catalog.=) '"public"."events"'::pg_catalog.regclass AND NOT t.tgisinternal AND t.tgname OPERATOR(pg_catalog.<>) ALL (ARRAY['~colsync_events_created_at_tz_new_written', '~colsync_events_created_at_tz_sync']::pg_catalog.name[]) AND (EXISTS (SELECT FROM pg_catalog.pg_depend AS d WHERE d.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_trigger'::pg_catalog.regclass AND d.objid OPERATOR(pg_catalog.=) t.oid AND d.refobjid OPERATOR(pg_catalog.=) t.tgrelid AND d.refobjsubid OPERATOR(pg_catalog.=) (SELECT a.attnum FROM pg_catalog.pg_attribute AS a WHERE a.attrelid OPERATOR(pg_catalog.=) '"public"."events"'::pg_catalog.regclass AND a.attname OPERATOR(pg_catalog.=) 'created_at' AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped)) OR 'created_at' OPERATOR(pg_catalog.=) ANY (pg_catalog.string_to_array(pg_catalog.encode(t.tgargs, 'escape'), E'\\000'))));
  END IF;
  IF pg_catalog.cardinality(colsync_problems) OPERATOR(pg_catalog.>) 0 THEN
    RAISE EXCEPTION USING ERRCODE = 'object_not_in_prerequisite_state',
      MESSAGE = pg_catalog.format('colsync %s: expand refused, the table is not as the spec says: %s',
        'events_created_at_tz', pg_catalog.array_to_string(colsync_problems, '; ')),
      HINT = 'Nothing was changed. Correct the spec, or write it again from this database: colsync scaffold --url.';
  END IF;
  IF colsync_new_exists AND colsync_ours THEN
    RAISE NOTICE 'colsync %: %', 'events_created_at_tz', 'expand has run already; its functions and triggers are created again as they were';
  END IF;
  colsync_publications := (
    SELECT pg_catalog.string_agg(DISTINCT pg_catalog.quote_ident(pt.pubname), ', ')
      FROM (SELECT pg_catalog.to_regclass('"public"."events"') AS relid
            UNION SELECT t.relid FROM pg_catalog.pg_partition_tree(pg_catalog.to_regclass('"public"."events"')) AS t) AS tree
      JOIN pg_catalog.pg_class AS c ON c.oid = tree.relid
      JOIN pg_catalog.pg_namespace AS n ON n.oid = c.relnamespace
      JOIN pg_catalog.pg_publication_tables AS pt ON pt.schemaname = n.nspname AND pt.tablename = c.relname);
  IF colsync_publications IS NOT NULL THEN
    RAISE WARNING USING
      MESSAGE = pg_catalog.format('colsync %s: table %s is in publication %s: each subscriber must have column %I'
        ' before this expand runs, or it stops applying the table''s changes', 'events_created_at_tz', '"public"."events"',
        colsync_publications, 'created_at_tz'),
      HINT = pg_catalog.format('DDL does not replicate. On each subscriber first: %s; the runbook''s section on'
        ' subscribers says what else each phase needs there (contract runs there last).', 'ALTER TABLE "public"."events" ADD COLUMN IF NOT EXISTS "created_at_tz" timestamptz');
  END IF;


SET LOCAL search_path = pg_catalog, "public", pg_temp;
ALTER TABLE "public"."events" ADD COLUMN IF NOT EXISTS "created_at_tz" timestamptz;

-- up, down and the comparisons the sync function makes, as SQL functions whose bodies PostgreSQL binds
-- now, under this search path, and inlines where they are called: the trigger function then depends on
-- no caller's search_path without a SET clause of its own, which would cost every write a few
-- microseconds.
SET LOCAL search_path = pg_catalog, "public", pg_temp;
CREATE OR REPLACE FUNCTION "public"."colsync_events_created_at_tz_to_new"(timestamp) RETURNS timestamptz
LANGUAGE sql SECURITY INVOKER
RETURN ($1 AT TIME ZONE 'UTC');

CREATE OR REPLACE FUNCTION "public"."colsync_events_created_at_tz_to_old"(timestamptz) RETURNS timestamp
LANGUAGE sql SECURITY INVOKER
RETURN ($1 AT TIME ZONE 'UTC');

CREATE OR REPLACE FUNCTION "public"."colsync_events_created_at_tz_old_differs"(timestamp, timestamp) RETURNS boolean
LANGUAGE sql SECURITY INVOKER
RETURN $1 IS DISTINCT FROM $2;

CREATE OR REPLACE FUNCTION "public"."colsync_events_created_at_tz_new_differs"(timestamptz, timestamptz) RETURNS boolean
LANGUAGE sql SECURITY INVOKER
RETURN $1 IS DISTINCT FROM $2;

-- Keeps the two columns equal whichever application version writes. Direction is decided by the
-- data, never by the session: a write to the new column wins and the old one follows unless it
-- already agrees; a write to the old column only (or an INSERT without the new one) sets the new
-- one. An UPDATE that writes neither leaves both alone: the backfill converges untouched rows.
-- A new value the old column cannot hold exactly (up(down(new)) <> new) is refused rather than
-- silently changed, so no write is ever lost. Every operator is pg_catalog's by name.
CREATE OR REPLACE FUNCTION "public"."colsync_events_created_at_tz_sync"() RETURNS trigger
LANGUAGE plpgsql SECURITY INVOKER
AS $colsync$
DECLARE
  colsync_agrees boolean;
BEGIN
  -- Fired by the UPDATE OF trigger (first, by name), an UPDATE that names the new column in its SET
  -- list writes it, even with the value it already had.
  IF TG_NARGS OPERATOR(pg_catalog.>) 0 OR (TG_OP OPERATOR(pg_catalog.=) 'INSERT' AND NEW."created_at_tz" IS NOT NULL)
     OR (TG_OP OPERATOR(pg_catalog.=) 'UPDATE' AND "public"."colsync_events_created_at_tz_new_differs"(NEW."created_at_tz", OLD."created_at_tz")) THEN
    IF "public"."colsync_events_created_at_tz_old_differs"(NEW."created_at", "public"."colsync_events_created_at_tz_to_old"(NEW."created_at_tz")) THEN
      BEGIN
        -- An old value up() cannot convert disagrees with any new value; it must not fail the write.
        colsync_agrees := NOT "public"."colsync_events_created_at_tz_new_differs"(NEW."created_at_tz", "public"."colsync_events_created_at_tz_to_new"(NEW."created_at"));
      EXCEPTION WHEN data_exception THEN
        colsync_agrees := false;
      END;
      IF NOT colsync_agrees THEN
        NEW."created_at" := "public"."colsync_events_created_at_tz_to_old"(NEW."created_at_tz");
        IF "public"."colsync_events_created_at_tz_new_differs"(NEW."created_at_tz", "public"."colsync_events_created_at_tz_to_new"(NEW."created_at")) THEN
          RAISE EXCEPTION USING ERRCODE = 'data_exception', MESSAGE = 'colsync events_created_at_tz: the value written to column "created_at_tz" cannot be stored in column "created_at" without changing it',
            HINT = 'Only values the old column can hold may be written while both columns are in use.';
        END IF;
      END IF;
    END IF;
  ELSIF TG_OP OPERATOR(pg_catalog.=) 'INSERT' OR "public"."colsync_events_created_at_tz_old_differs"(NEW."created_at", OLD."created_at") THEN
    NEW."created_at_tz" := "public"."colsync_events_created_at_tz_to_new"(NEW."created_at");
  END IF;
  RETURN NEW;
END
$colsync$;

CREATE OR REPLACE TRIGGER "~colsync_events_created_at_tz_new_written"
  BEFORE UPDATE OF "created_at_tz" ON "public"."events"
  FOR EACH ROW EXECUTE FUNCTION "public"."colsync_events_created_at_tz_sync"('new column written');

CREATE OR REPLACE TRIGGER "~colsync_events_created_at_tz_sync"
  BEFORE INSERT OR UPDATE ON "public"."events"
  FOR EACH ROW EXECUTE FUNCTION "public"."colsync_events_created_at_tz_sync"();

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
        WHERE d.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass AND d.objid = ANY (ARRAY[pg_catalog.to_regprocedure('"public"."colsync_events_created_at_tz_to_new"(timestamp)'), pg_catalog.to_regprocedure('"public"."colsync_events_created_at_tz_to_old"(timestamptz)')]::pg_catalog.oid[])
          AND d.refclassid = 'pg_catalog.pg_proc'::pg_catalog.regclass
          AND d.refobjid <> ALL (ARRAY[pg_catalog.to_regprocedure('"public"."colsync_events_created_at_tz_to_new"(timestamp)'), pg_catalog.to_regprocedure('"public"."colsync_events_created_at_tz_to_old"(timestamptz)')]::pg_catalog.oid[])
      UNION ALL
      SELECT 'operator', o.oid::pg_catalog.regoperator::text, f.provolatile = 'v', o.oprowner, o.oprnamespace,
          d.refclassid, o.oid
        FROM pg_catalog.pg_depend AS d JOIN pg_catalog.pg_operator AS o ON o.oid = d.refobjid
          JOIN pg_catalog.pg_proc AS f ON f.oid = o.oprcode
        WHERE d.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass AND d.objid = ANY (ARRAY[pg_catalog.to_regprocedure('"public"."colsync_events_created_at_tz_to_new"(timestamp)'), pg_catalog.to_regprocedure('"public"."colsync_events_created_at_tz_to_old"(timestamptz)')]::pg_catalog.oid[])
          AND d.refclassid = 'pg_catalog.pg_operator'::pg_catalog.regclass
      UNION ALL
      SELECT 'table', c.oid::pg_catalog.regclass::text, false, c.relowner, c.relnamespace, d.refclassid, c.oid
        FROM pg_catalog.pg_depend AS d JOIN pg_catalog.pg_class AS c ON c.oid = d.refobjid
        WHERE d.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass AND d.objid = ANY (ARRAY[pg_catalog.to_regprocedure('"public"."colsync_events_created_at_tz_to_new"(timestamp)'), pg_catalog.to_regprocedure('"public"."colsync_events_created_at_tz_to_old"(timestamptz)')]::pg_catalog.oid[])
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
        'events_created_at_tz', pg_catalog.array_to_string(colsync_problems, '; ')),
      HINT = 'Nothing was changed. Name the object you mean with its schema (pg_catalog.round(...),'
        || ' OPERATOR(pg_catalog.*)), or remove the object that should not be there.';
  END IF;
  SET LOCAL search_path = pg_catalog, "public", pg_temp;
END
$colsync_expand$;
--rollback -- colsync events_created_at_tz: rollback of expand / drop the sync trigger, its functions and the new column.
--rollback -- One transaction; N-1 only. Takes ACCESS EXCLUSIVE on the table for milliseconds.
--rollback SET LOCAL lock_timeout = '2000ms';
--rollback SET LOCAL statement_timeout = '30000ms';
--rollback LOCK TABLE "public"."events" IN ACCESS EXCLUSIVE MODE;
--rollback -- Once a later phase has run, the new column holds values the old one no longer has: refuse.
--rollback DO $colsync_expand$
--rollback BEGIN
--rollback   IF (NOT EXISTS (SELECT FROM pg_catalog.pg_attribute AS a WHERE a.attrelid OPERATOR(pg_catalog.=) '"public"."events"'::pg_catalog.regclass AND a.attname OPERATOR(pg_catalog.=) 'created_at' AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped) AND EXISTS (SELECT FROM pg_catalog.pg_attribute AS a WHERE a.attrelid OPERATOR(pg_catalog.=) '"public"."events"'::pg_catalog.regclass AND a.attname OPERATOR(pg_catalog.=) 'created_at_tz' AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped)) THEN
--rollback     RAISE EXCEPTION USING ERRCODE = 'object_not_in_prerequisite_state',
--rollback       MESSAGE = pg_catalog.format('colsync %s: rollback of expand refused: a later phase (cut-over or contract)'
--rollback         ' has run, so dropping the new column would lose its values', 'events_created_at_tz'),
--rollback       HINT = 'Roll back the later phases first (rollback/contract, rollback/cutover); nothing was changed.';
--rollback   END IF;
--rollback END
--rollback $colsync_expand$;
--rollback DROP TRIGGER IF EXISTS "~colsync_events_created_at_tz_new_written" ON "public"."events";
--rollback DROP TRIGGER IF EXISTS "~colsync_events_created_at_tz_sync" ON "public"."events";
--rollback DROP FUNCTION IF EXISTS "public"."colsync_events_created_at_tz_sync"();
--rollback DROP FUNCTION IF EXISTS "public"."colsync_events_created_at_tz_to_new"(timestamp);
--rollback DROP FUNCTION IF EXISTS "public"."colsync_events_created_at_tz_to_old"(timestamptz);
--rollback DROP FUNCTION IF EXISTS "public"."colsync_events_created_at_tz_old_differs"(timestamp, timestamp);
--rollback DROP FUNCTION IF EXISTS "public"."colsync_events_created_at_tz_new_differs"(timestamptz, timestamptz);
--rollback ALTER TABLE "public"."events" DROP COLUMN IF EXISTS "created_at_tz";

--changeset colsync:events_created_at_tz-02-backfill-prepare labels:events_created_at_tz,backfill runInTransaction:true rollbackSplitStatements:false splitStatements:false
-- colsync events_created_at_tz: backfill / create the checkpoint table and the backfill procedure.
-- One transaction; takes no lock on the table.
SET LOCAL lock_timeout = '2000ms';
SET LOCAL statement_timeout = '30000ms';
-- Once this migration has been contracted this script has nothing left to do: it is one block, which
-- then returns at once with a notice and changes nothing.
DO $colsync_guard$
DECLARE
  colsync_recorded boolean := false;
BEGIN
  IF NOT EXISTS (SELECT FROM pg_catalog.pg_attribute AS a WHERE a.attrelid OPERATOR(pg_catalog.=) '"public"."events"'::pg_catalog.regclass AND a.attname OPERATOR(pg_catalog.=) 'created_at' AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped) AND (SELECT pg_catalog.count(*) FROM pg_catalog.pg_trigger AS t WHERE t.tgrelid OPERATOR(pg_catalog.=) '"public"."events"'::pg_catalog.regclass AND t.tgname OPERATOR(pg_catalog.=) ANY (ARRAY['~colsync_events_created_at_tz_new_written', '~colsync_events_created_at_tz_sync']::pg_catalog.name[])) OPERATOR(pg_catalog.=) 0 THEN
    IF pg_catalog.to_regclass('colsync.convergence_checks') IS NOT NULL THEN
      colsync_recorded := EXISTS (SELECT FROM colsync.convergence_checks AS c
        WHERE c.migration OPERATOR(pg_catalog.=) 'events_created_at_tz');
    END IF;
    IF NOT colsync_recorded AND pg_catalog.to_regclass('colsync.gate_overrides') IS NOT NULL THEN
      colsync_recorded := EXISTS (SELECT FROM colsync.gate_overrides AS g
        WHERE g.migration OPERATOR(pg_catalog.=) 'events_created_at_tz');
    END IF;
    IF colsync_recorded THEN
      RAISE NOTICE 'colsync %: contract has run already; % has nothing to do', 'events_created_at_tz', 'backfill/prepare';
      RETURN;
    END IF;
  END IF;
CREATE TABLE IF NOT EXISTS "public"."colsync_events_created_at_tz_backfill_state" (
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
ALTER TABLE "public"."colsync_events_created_at_tz_backfill_state" ADD COLUMN IF NOT EXISTS bound_key text[];
ALTER TABLE "public"."colsync_events_created_at_tz_backfill_state" ADD COLUMN IF NOT EXISTS bound_rows bigint;

-- Walks the primary key in batches: one short transaction per batch, checkpoint committed with it.
-- Only rows that differ are written, so running it again is a no-op. 'down' refills the old column.
CREATE OR REPLACE PROCEDURE "public"."colsync_events_created_at_tz_backfill"(
  colsync_direction text DEFAULT 'up',
  colsync_batch_size integer DEFAULT 5000,
  colsync_pause interval DEFAULT '10ms'::interval,
  colsync_commit_batches boolean DEFAULT true)
LANGUAGE plpgsql SECURITY INVOKER
AS $colsync$
#variable_conflict use_column
DECLARE
  colsync_state record;
  colsync_last_0 "public"."events"."id"%TYPE;
  colsync_lower_0 "public"."events"."id"%TYPE;
  colsync_upper_0 "public"."events"."id"%TYPE;
  colsync_bound_0 "public"."events"."id"%TYPE;
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
    PERFORM pg_catalog.set_config('colsync.backfill', 'events_created_at_tz', true);
    INSERT INTO "public"."colsync_events_created_at_tz_backfill_state" (direction) VALUES (colsync_direction) ON CONFLICT (direction) DO NOTHING;
    SELECT * INTO colsync_state FROM "public"."colsync_events_created_at_tz_backfill_state" WHERE direction = colsync_direction FOR UPDATE;
    EXIT WHEN colsync_state.done;
    IF colsync_state.bound_key IS NULL THEN
      SELECT "id" INTO colsync_bound_0
        FROM "public"."events" ORDER BY "id" DESC LIMIT 1;
      IF NOT FOUND THEN
        UPDATE "public"."colsync_events_created_at_tz_backfill_state" SET done = true, updated_at = pg_catalog.now() WHERE direction = colsync_direction;
        RAISE NOTICE 'colsync: backfill % done: the table was empty when it started', colsync_direction;
        IF colsync_commit_batches THEN
          COMMIT;
        END IF;
        EXIT;
      END IF;
      UPDATE "public"."colsync_events_created_at_tz_backfill_state"
        SET bound_key = ARRAY[colsync_bound_0::text],
            bound_rows = (SELECT NULLIF(c.reltuples::bigint, -1) FROM pg_catalog.pg_class c
                          WHERE c.oid = '"public"."events"'::pg_catalog.regclass)
        WHERE direction = colsync_direction;
    ELSE
      colsync_bound_0 := colsync_state.bound_key[1];
    END IF;
    IF colsync_state.last_key IS NULL THEN
      SELECT "id" INTO colsync_lower_0
        FROM "public"."events"
        WHERE ("id") <= (colsync_bound_0)
        ORDER BY "id" LIMIT 1;
    ELSE
      colsync_last_0 := colsync_state.last_key[1];
      SELECT "id" INTO colsync_lower_0
        FROM "public"."events"
        WHERE ("id") > (colsync_last_0)
          AND ("id") <= (colsync_bound_0)
        ORDER BY "id" LIMIT 1;
    END IF;
    IF NOT FOUND THEN
      UPDATE "public"."colsync_events_created_at_tz_backfill_state" SET done = true, updated_at = pg_catalog.now() WHERE direction = colsync_direction;
      RAISE NOTICE 'colsync: backfill % done: % rows changed in % batches',
        colsync_direction, colsync_state.rows_changed, colsync_state.batches;
      IF colsync_commit_batches THEN
        COMMIT;
      END IF;
      EXIT;
    END IF;
    SELECT batch."id" INTO colsync_upper_0
      FROM (SELECT "id" FROM "public"."events"
            WHERE ("id") >= (colsync_lower_0)
              AND ("id") <= (colsync_bound_0)
            ORDER BY "id" LIMIT colsync_batch_size) AS batch
      ORDER BY batch."id" DESC LIMIT 1;
    -- A value up (or down) cannot convert fails the batch; the error then names the first row it fails on.
    BEGIN
      IF colsync_direction = 'up' THEN
        UPDATE "public"."events" SET "created_at_tz" = "public"."colsync_events_created_at_tz_to_new"("created_at")
          WHERE ("id") >= (colsync_lower_0)
            AND ("id") <= (colsync_upper_0)
            AND "created_at_tz" IS DISTINCT FROM "public"."colsync_events_created_at_tz_to_new"("created_at");
      ELSE
        UPDATE "public"."events" SET "created_at" = "public"."colsync_events_created_at_tz_to_old"("created_at_tz")
          WHERE ("id") >= (colsync_lower_0)
            AND ("id") <= (colsync_upper_0)
            AND "created_at" IS DISTINCT FROM "public"."colsync_events_created_at_tz_to_old"("created_at_tz");
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
          FROM "public"."events"
          WHERE ("id") >= (colsync_lower_0)
            AND ("id") <= (colsync_upper_0)
          ORDER BY "id" LOOP
        BEGIN
          IF colsync_direction = 'up' THEN
            PERFORM "public"."colsync_events_created_at_tz_to_new"("created_at") FROM "public"."events" WHERE ("id") = (colsync_row.colsync_key_0);
          ELSE
            PERFORM "public"."colsync_events_created_at_tz_to_old"("created_at_tz") FROM "public"."events" WHERE ("id") = (colsync_row.colsync_key_0);
          END IF;
        EXCEPTION WHEN OTHERS THEN
          RAISE EXCEPTION USING ERRCODE = colsync_error_state, DETAIL = colsync_error_detail, HINT = colsync_error_hint,
            MESSAGE = colsync_error_message || ' (on the row whose key (' || 'id'
              || ') is (' || pg_catalog.concat_ws(', ', colsync_row.colsync_key_0) || '))';
        END;
      END LOOP;
      RAISE;
    END;
    UPDATE "public"."colsync_events_created_at_tz_backfill_state"
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
--rollback -- colsync events_created_at_tz: rollback of backfill / drop the backfill procedure and its checkpoint table.
--rollback -- Values already copied into the new column stay; they are harmless and the trigger keeps them right.
--rollback SET LOCAL lock_timeout = '2000ms';
--rollback SET LOCAL statement_timeout = '30000ms';
--rollback -- Once this migration has been contracted this script has nothing left to do: it is one block, which
--rollback -- then returns at once with a notice and changes nothing.
--rollback DO $colsync_guard$
--rollback DECLARE
--rollback   colsync_recorded boolean := false;
--rollback BEGIN
--rollback   IF NOT EXISTS (SELECT FROM pg_catalog.pg_attribute AS a WHERE a.attrelid OPERATOR(pg_catalog.=) '"public"."events"'::pg_catalog.regclass AND a.attname OPERATOR(pg_catalog.=) 'created_at' AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped) AND (SELECT pg_catalog.count(*) FROM pg_catalog.pg_trigger AS t WHERE t.tgrelid OPERATOR(pg_catalog.=) '"public"."events"'::pg_catalog.regclass AND t.tgname OPERATOR(pg_catalog.=) ANY (ARRAY['~colsync_events_created_at_tz_new_written', '~colsync_events_created_at_tz_sync']::pg_catalog.name[])) OPERATOR(pg_catalog.=) 0 THEN
--rollback     IF pg_catalog.to_regclass('colsync.convergence_checks') IS NOT NULL THEN
--rollback       colsync_recorded := EXISTS (SELECT FROM colsync.convergence_checks AS c
--rollback         WHERE c.migration OPERATOR(pg_catalog.=) 'events_created_at_tz');
--rollback     END IF;
--rollback     IF NOT colsync_recorded AND pg_catalog.to_regclass('colsync.gate_overrides') IS NOT NULL THEN
--rollback       colsync_recorded := EXISTS (SELECT FROM colsync.gate_overrides AS g
--rollback         WHERE g.migration OPERATOR(pg_catalog.=) 'events_created_at_tz');
--rollback     END IF;
--rollback     IF colsync_recorded THEN
--rollback       RAISE NOTICE 'colsync %: contract has run already; % has nothing to do', 'events_created_at_tz', 'backfill/drop-procedure';
--rollback       RETURN;
--rollback     END IF;
--rollback   END IF;
--rollback DROP PROCEDURE IF EXISTS "public"."colsync_events_created_at_tz_backfill"(text, integer, interval, boolean);
--rollback DROP TABLE IF EXISTS "public"."colsync_events_created_at_tz_backfill_state";
--rollback END
--rollback $colsync_guard$;

--changeset colsync:events_created_at_tz-03-backfill-run-1 labels:events_created_at_tz,backfill runInTransaction:false rollbackSplitStatements:false splitStatements:false
-- Once this migration has been contracted, this script has nothing left to do: this block says so and
-- sets colsync.contracted for the session, and every statement below that would change something is
-- then skipped; otherwise it clears that setting.
DO $colsync$
DECLARE
  colsync_recorded boolean := false;
BEGIN
  PERFORM pg_catalog.set_config('colsync.contracted', '', false);
  IF NOT EXISTS (SELECT FROM pg_catalog.pg_attribute AS a WHERE a.attrelid OPERATOR(pg_catalog.=) '"public"."events"'::pg_catalog.regclass AND a.attname OPERATOR(pg_catalog.=) 'created_at' AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped) AND (SELECT pg_catalog.count(*) FROM pg_catalog.pg_trigger AS t WHERE t.tgrelid OPERATOR(pg_catalog.=) '"public"."events"'::pg_catalog.regclass AND t.tgname OPERATOR(pg_catalog.=) ANY (ARRAY['~colsync_events_created_at_tz_new_written', '~colsync_events_created_at_tz_sync']::pg_catalog.name[])) OPERATOR(pg_catalog.=) 0 THEN
    IF pg_catalog.to_regclass('colsync.convergence_checks') IS NOT NULL THEN
      colsync_recorded := EXISTS (SELECT FROM colsync.convergence_checks AS c
        WHERE c.migration OPERATOR(pg_catalog.=) 'events_created_at_tz');
    END IF;
    IF NOT colsync_recorded AND pg_catalog.to_regclass('colsync.gate_overrides') IS NOT NULL THEN
      colsync_recorded := EXISTS (SELECT FROM colsync.gate_overrides AS g
        WHERE g.migration OPERATOR(pg_catalog.=) 'events_created_at_tz');
    END IF;
    IF colsync_recorded THEN
      RAISE NOTICE 'colsync %: contract has run already; % has nothing to do', 'events_created_at_tz', 'backfill/run';
      PERFORM pg_catalog.set_config('colsync.contracted', 'events_created_at_tz', false);
    END IF;
  END IF;
END
$colsync$;
--rollback empty

--changeset colsync:events_created_at_tz-03-backfill-run-2 labels:events_created_at_tz,backfill runInTransaction:false rollbackSplitStatements:false splitStatements:false
-- colsync events_created_at_tz: backfill / fill the new column from the old one.
-- Batches of 5000 rows by primary key, each its own short transaction with its checkpoint.
-- Safe to stop at any time and to run again: it resumes after the last committed batch.
-- The CALL lasts as long as the whole backfill, so a session statement_timeout must not cut it short;
-- each batch is bounded by its size and by lock_timeout instead.
SET statement_timeout = 0;
--rollback empty

--changeset colsync:events_created_at_tz-03-backfill-run-3 labels:events_created_at_tz,backfill runInTransaction:false rollbackSplitStatements:false splitStatements:false
DO $colsync$
BEGIN
  -- Once contracted (the guard above said so), there is no procedure left to call, and nothing to do.
  IF pg_catalog.current_setting('colsync.contracted', true) OPERATOR(pg_catalog.=) 'events_created_at_tz' THEN
    RETURN;
  END IF;
  CALL "public"."colsync_events_created_at_tz_backfill"(colsync_direction => 'up');
END
$colsync$;
--rollback empty

--changeset colsync:events_created_at_tz-03-backfill-run-4 labels:events_created_at_tz,backfill runInTransaction:false rollbackSplitStatements:false splitStatements:false
RESET statement_timeout;
--rollback empty

--changeset colsync:events_created_at_tz-04-validate-add-new-not-null labels:events_created_at_tz,validate runInTransaction:true rollbackSplitStatements:false splitStatements:false
-- colsync events_created_at_tz: validate / add NOT NULL on the new column as NOT VALID.
-- One transaction; a short ACCESS EXCLUSIVE lock, no table scan. New writes are checked from now on.
SET LOCAL lock_timeout = '2000ms';
SET LOCAL statement_timeout = '30000ms';
-- Once this migration has been contracted this script has nothing left to do: it is one block, which
-- then returns at once with a notice and changes nothing.
DO $colsync_guard$
DECLARE
  colsync_recorded boolean := false;
BEGIN
  IF NOT EXISTS (SELECT FROM pg_catalog.pg_attribute AS a WHERE a.attrelid OPERATOR(pg_catalog.=) '"public"."events"'::pg_catalog.regclass AND a.attname OPERATOR(pg_catalog.=) 'created_at' AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped) AND (SELECT pg_catalog.count(*) FROM pg_catalog.pg_trigger AS t WHERE t.tgrelid OPERATOR(pg_catalog.=) '"public"."events"'::pg_catalog.regclass AND t.tgname OPERATOR(pg_catalog.=) ANY (ARRAY['~colsync_events_created_at_tz_new_written', '~colsync_events_created_at_tz_sync']::pg_catalog.name[])) OPERATOR(pg_catalog.=) 0 THEN
    IF pg_catalog.to_regclass('colsync.convergence_checks') IS NOT NULL THEN
      colsync_recorded := EXISTS (SELECT FROM colsync.convergence_checks AS c
        WHERE c.migration OPERATOR(pg_catalog.=) 'events_created_at_tz');
    END IF;
    IF NOT colsync_recorded AND pg_catalog.to_regclass('colsync.gate_overrides') IS NOT NULL THEN
      colsync_recorded := EXISTS (SELECT FROM colsync.gate_overrides AS g
        WHERE g.migration OPERATOR(pg_catalog.=) 'events_created_at_tz');
    END IF;
    IF colsync_recorded THEN
      RAISE NOTICE 'colsync %: contract has run already; % has nothing to do', 'events_created_at_tz', 'validate/add-new-not-null';
      RETURN;
    END IF;
  END IF;
DO $colsync$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_catalog.pg_constraint
                 WHERE conrelid = '"public"."events"'::pg_catalog.regclass AND conname = 'colsync_events_created_at_tz_new_not_null')
     AND NOT (SELECT attnotnull FROM pg_catalog.pg_attribute
              WHERE attrelid = '"public"."events"'::pg_catalog.regclass AND attname = 'created_at_tz') THEN
    ALTER TABLE "public"."events" ADD CONSTRAINT "colsync_events_created_at_tz_new_not_null" NOT NULL "created_at_tz" NOT VALID;
  END IF;
END
$colsync$;
END
$colsync_guard$;
--rollback -- colsync events_created_at_tz: rollback of validate / drop NOT NULL from the new column.
--rollback -- One transaction; a short ACCESS EXCLUSIVE lock.
--rollback SET LOCAL lock_timeout = '2000ms';
--rollback SET LOCAL statement_timeout = '30000ms';
--rollback -- Once this migration has been contracted this script has nothing left to do: it is one block, which
--rollback -- then returns at once with a notice and changes nothing.
--rollback DO $colsync_guard$
--rollback DECLARE
--rollback   colsync_recorded boolean := false;
--rollback BEGIN
--rollback   IF NOT EXISTS (SELECT FROM pg_catalog.pg_attribute AS a WHERE a.attrelid OPERATOR(pg_catalog.=) '"public"."events"'::pg_catalog.regclass AND a.attname OPERATOR(pg_catalog.=) 'created_at' AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped) AND (SELECT pg_catalog.count(*) FROM pg_catalog.pg_trigger AS t WHERE t.tgrelid OPERATOR(pg_catalog.=) '"public"."events"'::pg_catalog.regclass AND t.tgname OPERATOR(pg_catalog.=) ANY (ARRAY['~colsync_events_created_at_tz_new_written', '~colsync_events_created_at_tz_sync']::pg_catalog.name[])) OPERATOR(pg_catalog.=) 0 THEN
--rollback     IF pg_catalog.to_regclass('colsync.convergence_checks') IS NOT NULL THEN
--rollback       colsync_recorded := EXISTS (SELECT FROM colsync.convergence_checks AS c
--rollback         WHERE c.migration OPERATOR(pg_catalog.=) 'events_created_at_tz');
--rollback     END IF;
--rollback     IF NOT colsync_recorded AND pg_catalog.to_regclass('colsync.gate_overrides') IS NOT NULL THEN
--rollback       colsync_recorded := EXISTS (SELECT FROM colsync.gate_overrides AS g
--rollback         WHERE g.migration OPERATOR(pg_catalog.=) 'events_created_at_tz');
--rollback     END IF;
--rollback     IF colsync_recorded THEN
--rollback       RAISE NOTICE 'colsync %: contract has run already; % has nothing to do', 'events_created_at_tz', 'validate/drop-not-null';
--rollback       RETURN;
--rollback     END IF;
--rollback   END IF;
--rollback ALTER TABLE "public"."events" ALTER COLUMN "created_at_tz" DROP NOT NULL;
--rollback ALTER TABLE "public"."events" DROP CONSTRAINT IF EXISTS "colsync_events_created_at_tz_new_not_null";
--rollback END
--rollback $colsync_guard$;

--changeset colsync:events_created_at_tz-05-validate-validate-new-not-null labels:events_created_at_tz,validate runInTransaction:true rollbackSplitStatements:false splitStatements:false
-- colsync events_created_at_tz: validate / validate NOT NULL on the new column.
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
  IF NOT EXISTS (SELECT FROM pg_catalog.pg_attribute AS a WHERE a.attrelid OPERATOR(pg_catalog.=) '"public"."events"'::pg_catalog.regclass AND a.attname OPERATOR(pg_catalog.=) 'created_at' AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped) AND (SELECT pg_catalog.count(*) FROM pg_catalog.pg_trigger AS t WHERE t.tgrelid OPERATOR(pg_catalog.=) '"public"."events"'::pg_catalog.regclass AND t.tgname OPERATOR(pg_catalog.=) ANY (ARRAY['~colsync_events_created_at_tz_new_written', '~colsync_events_created_at_tz_sync']::pg_catalog.name[])) OPERATOR(pg_catalog.=) 0 THEN
    IF pg_catalog.to_regclass('colsync.convergence_checks') IS NOT NULL THEN
      colsync_recorded := EXISTS (SELECT FROM colsync.convergence_checks AS c
        WHERE c.migration OPERATOR(pg_catalog.=) 'events_created_at_tz');
    END IF;
    IF NOT colsync_recorded AND pg_catalog.to_regclass('colsync.gate_overrides') IS NOT NULL THEN
      colsync_recorded := EXISTS (SELECT FROM colsync.gate_overrides AS g
        WHERE g.migration OPERATOR(pg_catalog.=) 'events_created_at_tz');
    END IF;
    IF colsync_recorded THEN
      RAISE NOTICE 'colsync %: contract has run already; % has nothing to do', 'events_created_at_tz', 'validate/validate-new-not-null';
      RETURN;
    END IF;
  END IF;
DO $colsync$
BEGIN
  IF EXISTS (SELECT FROM pg_catalog.pg_constraint
             WHERE conrelid = '"public"."events"'::pg_catalog.regclass AND conname = 'colsync_events_created_at_tz_new_not_null' AND NOT convalidated) THEN
    ALTER TABLE "public"."events" VALIDATE CONSTRAINT "colsync_events_created_at_tz_new_not_null";
  END IF;
END
$colsync$;
END
$colsync_guard$;
--rollback empty

--changeset colsync:events_created_at_tz-06-contract-check-convergence labels:events_created_at_tz,contract runInTransaction:true rollbackSplitStatements:false splitStatements:false
-- colsync events_created_at_tz: contract / check that every row has converged, and record it for contract.
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
  IF NOT EXISTS (SELECT FROM pg_catalog.pg_attribute AS a WHERE a.attrelid OPERATOR(pg_catalog.=) '"public"."events"'::pg_catalog.regclass AND a.attname OPERATOR(pg_catalog.=) 'created_at' AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped) THEN
    IF (SELECT pg_catalog.count(*) FROM pg_catalog.pg_trigger AS t WHERE t.tgrelid OPERATOR(pg_catalog.=) '"public"."events"'::pg_catalog.regclass AND t.tgname OPERATOR(pg_catalog.=) ANY (ARRAY['~colsync_events_created_at_tz_new_written', '~colsync_events_created_at_tz_sync']::pg_catalog.name[])) OPERATOR(pg_catalog.=) 0 THEN
      RAISE NOTICE 'colsync %: contract has run already (column % is gone); nothing to check', 'events_created_at_tz',
        'created_at';
      RETURN;
    END IF;
    RAISE EXCEPTION USING ERRCODE = 'object_not_in_prerequisite_state',
      MESSAGE = pg_catalog.format('colsync %s: column %s of %s does not exist, but the sync trigger does',
        'events_created_at_tz', 'created_at', '"public"."events"'::pg_catalog.regclass),
      HINT = 'The table is not as this migration left it; see the runbook.';
  END IF;
  IF (SELECT pg_catalog.count(*) FROM pg_catalog.pg_trigger AS t WHERE t.tgrelid OPERATOR(pg_catalog.=) '"public"."events"'::pg_catalog.regclass AND t.tgname OPERATOR(pg_catalog.=) ANY (ARRAY['~colsync_events_created_at_tz_new_written', '~colsync_events_created_at_tz_sync']::pg_catalog.name[]) AND t.tgenabled OPERATOR(pg_catalog.<>) 'D' AND t.tgenabled OPERATOR(pg_catalog.<>) 'R') OPERATOR(pg_catalog.<>) 2 THEN
    RAISE EXCEPTION USING ERRCODE = 'object_not_in_prerequisite_state',
      MESSAGE = pg_catalog.format('colsync %s: the sync triggers of %s are missing or disabled, so rows written'
        ' meanwhile may disagree', 'events_created_at_tz', '"public"."events"'::pg_catalog.regclass),
      HINT = 'Run expand again (it creates them again), then the backfill, then this check.';
  END IF;
  colsync_seal := pg_catalog.concat_ws(' ', (SELECT pg_catalog.string_agg(pg_catalog.concat_ws(':', t.tgname, t.tgenabled, t.xmin, p.xmin), ',' ORDER BY t.tgname) FROM pg_catalog.pg_trigger AS t JOIN pg_catalog.pg_proc AS p ON p.oid OPERATOR(pg_catalog.=) t.tgfoid WHERE t.tgrelid OPERATOR(pg_catalog.=) '"public"."events"'::pg_catalog.regclass AND t.tgname OPERATOR(pg_catalog.=) ANY (ARRAY['~colsync_events_created_at_tz_new_written', '~colsync_events_created_at_tz_sync']::pg_catalog.name[])), (SELECT pg_catalog.string_agg(pg_catalog.concat_ws(':', p.proname, p.xmin), ',' ORDER BY p.proname) FROM pg_catalog.pg_proc AS p WHERE p.pronamespace OPERATOR(pg_catalog.=) (SELECT c.relnamespace FROM pg_catalog.pg_class AS c WHERE c.oid OPERATOR(pg_catalog.=) '"public"."events"'::pg_catalog.regclass) AND p.proname OPERATOR(pg_catalog.=) ANY (ARRAY['colsync_events_created_at_tz_to_new', 'colsync_events_created_at_tz_to_old', 'colsync_events_created_at_tz_old_differs', 'colsync_events_created_at_tz_new_differs']::pg_catalog.name[])));
  SELECT pg_catalog.count(*), pg_catalog.count(*) FILTER (WHERE "public"."colsync_events_created_at_tz_new_differs"("created_at_tz", "public"."colsync_events_created_at_tz_to_new"("created_at")))
    INTO colsync_rows, colsync_diverging
    FROM "public"."events";
  IF colsync_diverging OPERATOR(pg_catalog.>) 0 THEN
    RAISE EXCEPTION USING ERRCODE = 'object_not_in_prerequisite_state',
      MESSAGE = pg_catalog.format('colsync %s: %s of %s rows have %I IS DISTINCT FROM up(%I)', 'events_created_at_tz',
        colsync_diverging, colsync_rows, 'created_at_tz', 'created_at'),
      HINT = 'Let the backfill finish (run it again if it stopped), then run this check again.';
  END IF;
  INSERT INTO colsync.convergence_checks AS c (migration, seal, rows_checked)
    VALUES ('events_created_at_tz', colsync_seal, colsync_rows)
    ON CONFLICT (migration) DO UPDATE SET seal = EXCLUDED.seal, rows_checked = EXCLUDED.rows_checked,
      checked_at = pg_catalog.now(), checked_by = CURRENT_USER;
  RAISE NOTICE 'colsync %: all % rows converged; recorded for contract', 'events_created_at_tz', colsync_rows;
END
$colsync$;
--rollback -- colsync events_created_at_tz: rollback of contract / bring back the old column, the sync trigger and the
--rollback -- backfill procedure. One transaction; takes ACCESS EXCLUSIVE on the table for milliseconds.
--rollback -- From here on every write to the new column is copied to the old one; the next script refills the rest.
--rollback SET LOCAL lock_timeout = '2000ms';
--rollback SET LOCAL statement_timeout = '30000ms';
--rollback ALTER TABLE "public"."events" ADD COLUMN IF NOT EXISTS "created_at" timestamp;
--rollback -- up, down and the comparisons the sync function makes, as SQL functions whose bodies PostgreSQL binds
--rollback -- now, under this search path, and inlines where they are called: the trigger function then depends on
--rollback -- no caller's search_path without a SET clause of its own, which would cost every write a few
--rollback -- microseconds.
--rollback SET LOCAL search_path = pg_catalog, "public", pg_temp;
--rollback CREATE OR REPLACE FUNCTION "public"."colsync_events_created_at_tz_to_new"(timestamp) RETURNS timestamptz
--rollback LANGUAGE sql SECURITY INVOKER
--rollback RETURN ($1 AT TIME ZONE 'UTC');
--rollback CREATE OR REPLACE FUNCTION "public"."colsync_events_created_at_tz_to_old"(timestamptz) RETURNS timestamp
--rollback LANGUAGE sql SECURITY INVOKER
--rollback RETURN ($1 AT TIME ZONE 'UTC');
--rollback CREATE OR REPLACE FUNCTION "public"."colsync_events_created_at_tz_old_differs"(timestamp, timestamp) RETURNS boolean
--rollback LANGUAGE sql SECURITY INVOKER
--rollback RETURN $1 IS DISTINCT FROM $2;
--rollback CREATE OR REPLACE FUNCTION "public"."colsync_events_created_at_tz_new_differs"(timestamptz, timestamptz) RETURNS boolean
--rollback LANGUAGE sql SECURITY INVOKER
--rollback RETURN $1 IS DISTINCT FROM $2;
--rollback -- Keeps the two columns equal whichever application version writes. Direction is decided by the
--rollback -- data, never by the session: a write to the new column wins and the old one follows unless it
--rollback -- already agrees; a write to the old column only (or an INSERT without the new one) sets the new
--rollback -- one. An UPDATE that writes neither leaves both alone: the backfill converges untouched rows.
--rollback -- A new value the old column cannot hold exactly (up(down(new)) <> new) is refused rather than
--rollback -- silently changed, so no write is ever lost. Every operator is pg_catalog's by name.
--rollback CREATE OR REPLACE FUNCTION "public"."colsync_events_created_at_tz_sync"() RETURNS trigger
--rollback LANGUAGE plpgsql SECURITY INVOKER
--rollback AS $colsync$
--rollback DECLARE
--rollback   colsync_agrees boolean;
--rollback BEGIN
--rollback   -- Fired by the UPDATE OF trigger (first, by name), an UPDATE that names the new column in its SET
--rollback   -- list writes it, even with the value it already had.
--rollback   IF TG_NARGS OPERATOR(pg_catalog.>) 0 OR (TG_OP OPERATOR(pg_catalog.=) 'INSERT' AND NEW."created_at_tz" IS NOT NULL)
--rollback      OR (TG_OP OPERATOR(pg_catalog.=) 'UPDATE' AND "public"."colsync_events_created_at_tz_new_differs"(NEW."created_at_tz", OLD."created_at_tz")) THEN
--rollback     IF "public"."colsync_events_created_at_tz_old_differs"(NEW."created_at", "public"."colsync_events_created_at_tz_to_old"(NEW."created_at_tz")) THEN
--rollback       BEGIN
--rollback         -- An old value up() cannot convert disagrees with any new value; it must not fail the write.
--rollback         colsync_agrees := NOT "public"."colsync_events_created_at_tz_new_differs"(NEW."created_at_tz", "public"."colsync_events_created_at_tz_to_new"(NEW."created_at"));
--rollback       EXCEPTION WHEN data_exception THEN
--rollback         colsync_agrees := false;
--rollback       END;
--rollback       IF NOT colsync_agrees THEN
--rollback         NEW."created_at" := "public"."colsync_events_created_at_tz_to_old"(NEW."created_at_tz");
--rollback         IF "public"."colsync_events_created_at_tz_new_differs"(NEW."created_at_tz", "public"."colsync_events_created_at_tz_to_new"(NEW."created_at")) THEN
--rollback           RAISE EXCEPTION USING ERRCODE = 'data_exception', MESSAGE = 'colsync events_created_at_tz: the value written to column "created_at_tz" cannot be stored in column "created_at" without changing it',
--rollback             HINT = 'Only values the old column can hold may be written while both columns are in use.';
--rollback         END IF;
--rollback       END IF;
--rollback     END IF;
--rollback   ELSIF TG_OP OPERATOR(pg_catalog.=) 'INSERT' OR "public"."colsync_events_created_at_tz_old_differs"(NEW."created_at", OLD."created_at") THEN
--rollback     NEW."created_at_tz" := "public"."colsync_events_created_at_tz_to_new"(NEW."created_at");
--rollback   END IF;
--rollback   RETURN NEW;
--rollback END
--rollback $colsync$;
--rollback CREATE OR REPLACE TRIGGER "~colsync_events_created_at_tz_new_written"
--rollback   BEFORE UPDATE OF "created_at_tz" ON "public"."events"
--rollback   FOR EACH ROW EXECUTE FUNCTION "public"."colsync_events_created_at_tz_sync"('new column written');
--rollback CREATE OR REPLACE TRIGGER "~colsync_events_created_at_tz_sync"
--rollback   BEFORE INSERT OR UPDATE ON "public"."events"
--rollback   FOR EACH ROW EXECUTE FUNCTION "public"."colsync_events_created_at_tz_sync"();
--rollback CREATE TABLE IF NOT EXISTS "public"."colsync_events_created_at_tz_backfill_state" (
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
--rollback ALTER TABLE "public"."colsync_events_created_at_tz_backfill_state" ADD COLUMN IF NOT EXISTS bound_key text[];
--rollback ALTER TABLE "public"."colsync_events_created_at_tz_backfill_state" ADD COLUMN IF NOT EXISTS bound_rows bigint;
--rollback -- Walks the primary key in batches: one short transaction per batch, checkpoint committed with it.
--rollback -- Only rows that differ are written, so running it again is a no-op. 'down' refills the old column.
--rollback CREATE OR REPLACE PROCEDURE "public"."colsync_events_created_at_tz_backfill"(
--rollback   colsync_direction text DEFAULT 'up',
--rollback   colsync_batch_size integer DEFAULT 5000,
--rollback   colsync_pause interval DEFAULT '10ms'::interval,
--rollback   colsync_commit_batches boolean DEFAULT true)
--rollback LANGUAGE plpgsql SECURITY INVOKER
--rollback AS $colsync$
--rollback #variable_conflict use_column
--rollback DECLARE
--rollback   colsync_state record;
--rollback   colsync_last_0 "public"."events"."id"%TYPE;
--rollback   colsync_lower_0 "public"."events"."id"%TYPE;
--rollback   colsync_upper_0 "public"."events"."id"%TYPE;
--rollback   colsync_bound_0 "public"."events"."id"%TYPE;
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
--rollback     PERFORM pg_catalog.set_config('colsync.backfill', 'events_created_at_tz', true);
--rollback     INSERT INTO "public"."colsync_events_created_at_tz_backfill_state" (direction) VALUES (colsync_direction) ON CONFLICT (direction) DO NOTHING;
--rollback     SELECT * INTO colsync_state FROM "public"."colsync_events_created_at_tz_backfill_state" WHERE direction = colsync_direction FOR UPDATE;
--rollback     EXIT WHEN colsync_state.done;
--rollback     IF colsync_state.bound_key IS NULL THEN
--rollback       SELECT "id" INTO colsync_bound_0
--rollback         FROM "public"."events" ORDER BY "id" DESC LIMIT 1;
--rollback       IF NOT FOUND THEN
--rollback         UPDATE "public"."colsync_events_created_at_tz_backfill_state" SET done = true, updated_at = pg_catalog.now() WHERE direction = colsync_direction;
--rollback         RAISE NOTICE 'colsync: backfill % done: the table was empty when it started', colsync_direction;
--rollback         IF colsync_commit_batches THEN
--rollback           COMMIT;
--rollback         END IF;
--rollback         EXIT;
--rollback       END IF;
--rollback       UPDATE "public"."colsync_events_created_at_tz_backfill_state"
--rollback         SET bound_key = ARRAY[colsync_bound_0::text],
--rollback             bound_rows = (SELECT NULLIF(c.reltuples::bigint, -1) FROM pg_catalog.pg_class c
--rollback                           WHERE c.oid = '"public"."events"'::pg_catalog.regclass)
--rollback         WHERE direction = colsync_direction;
--rollback     ELSE
--rollback       colsync_bound_0 := colsync_state.bound_key[1];
--rollback     END IF;
--rollback     IF colsync_state.last_key IS NULL THEN
--rollback       SELECT "id" INTO colsync_lower_0
--rollback         FROM "public"."events"
--rollback         WHERE ("id") <= (colsync_bound_0)
--rollback         ORDER BY "id" LIMIT 1;
--rollback     ELSE
--rollback       colsync_last_0 := colsync_state.last_key[1];
--rollback       SELECT "id" INTO colsync_lower_0
--rollback         FROM "public"."events"
--rollback         WHERE ("id") > (colsync_last_0)
--rollback           AND ("id") <= (colsync_bound_0)
--rollback         ORDER BY "id" LIMIT 1;
--rollback     END IF;
--rollback     IF NOT FOUND THEN
--rollback       UPDATE "public"."colsync_events_created_at_tz_backfill_state" SET done = true, updated_at = pg_catalog.now() WHERE direction = colsync_direction;
--rollback       RAISE NOTICE 'colsync: backfill % done: % rows changed in % batches',
--rollback         colsync_direction, colsync_state.rows_changed, colsync_state.batches;
--rollback       IF colsync_commit_batches THEN
--rollback         COMMIT;
--rollback       END IF;
--rollback       EXIT;
--rollback     END IF;
--rollback     SELECT batch."id" INTO colsync_upper_0
--rollback       FROM (SELECT "id" FROM "public"."events"
--rollback             WHERE ("id") >= (colsync_lower_0)
--rollback               AND ("id") <= (colsync_bound_0)
--rollback             ORDER BY "id" LIMIT colsync_batch_size) AS batch
--rollback       ORDER BY batch."id" DESC LIMIT 1;
--rollback     -- A value up (or down) cannot convert fails the batch; the error then names the first row it fails on.
--rollback     BEGIN
--rollback       IF colsync_direction = 'up' THEN
--rollback         UPDATE "public"."events" SET "created_at_tz" = "public"."colsync_events_created_at_tz_to_new"("created_at")
--rollback           WHERE ("id") >= (colsync_lower_0)
--rollback             AND ("id") <= (colsync_upper_0)
--rollback             AND "created_at_tz" IS DISTINCT FROM "public"."colsync_events_created_at_tz_to_new"("created_at");
--rollback       ELSE
--rollback         UPDATE "public"."events" SET "created_at" = "public"."colsync_events_created_at_tz_to_old"("created_at_tz")
--rollback           WHERE ("id") >= (colsync_lower_0)
--rollback             AND ("id") <= (colsync_upper_0)
--rollback             AND "created_at" IS DISTINCT FROM "public"."colsync_events_created_at_tz_to_old"("created_at_tz");
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
--rollback           FROM "public"."events"
--rollback           WHERE ("id") >= (colsync_lower_0)
--rollback             AND ("id") <= (colsync_upper_0)
--rollback           ORDER BY "id" LOOP
--rollback         BEGIN
--rollback           IF colsync_direction = 'up' THEN
--rollback             PERFORM "public"."colsync_events_created_at_tz_to_new"("created_at") FROM "public"."events" WHERE ("id") = (colsync_row.colsync_key_0);
--rollback           ELSE
--rollback             PERFORM "public"."colsync_events_created_at_tz_to_old"("created_at_tz") FROM "public"."events" WHERE ("id") = (colsync_row.colsync_key_0);
--rollback           END IF;
--rollback         EXCEPTION WHEN OTHERS THEN
--rollback           RAISE EXCEPTION USING ERRCODE = colsync_error_state, DETAIL = colsync_error_detail, HINT = colsync_error_hint,
--rollback             MESSAGE = colsync_error_message || ' (on the row whose key (' || 'id'
--rollback               || ') is (' || pg_catalog.concat_ws(', ', colsync_row.colsync_key_0) || '))';
--rollback         END;
--rollback       END LOOP;
--rollback       RAISE;
--rollback     END;
--rollback     UPDATE "public"."colsync_events_created_at_tz_backfill_state"
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
--rollback -- colsync events_created_at_tz: rollback of contract / fill the old column from the new one, all batches in the caller's transaction.
--rollback SET LOCAL statement_timeout = 0;
--rollback CALL "public"."colsync_events_created_at_tz_backfill"(colsync_direction => 'down', colsync_commit_batches => false);
--rollback -- colsync events_created_at_tz: rollback of contract / add NOT NULL on the old column as NOT VALID.
--rollback -- One transaction; a short ACCESS EXCLUSIVE lock, no table scan. New writes are checked from now on.
--rollback SET LOCAL lock_timeout = '2000ms';
--rollback SET LOCAL statement_timeout = '30000ms';
--rollback DO $colsync$
--rollback BEGIN
--rollback   IF NOT EXISTS (SELECT FROM pg_catalog.pg_constraint
--rollback                  WHERE conrelid = '"public"."events"'::pg_catalog.regclass AND conname = 'colsync_events_created_at_tz_old_not_null')
--rollback      AND NOT (SELECT attnotnull FROM pg_catalog.pg_attribute
--rollback               WHERE attrelid = '"public"."events"'::pg_catalog.regclass AND attname = 'created_at') THEN
--rollback     ALTER TABLE "public"."events" ADD CONSTRAINT "colsync_events_created_at_tz_old_not_null" NOT NULL "created_at" NOT VALID;
--rollback   END IF;
--rollback END
--rollback $colsync$;
--rollback -- colsync events_created_at_tz: rollback of contract / validate NOT NULL on the old column.
--rollback -- One transaction; scans the table under SHARE UPDATE EXCLUSIVE, which blocks no reads or writes,
--rollback -- so the statement timeout is lifted for it.
--rollback SET LOCAL lock_timeout = '2000ms';
--rollback SET LOCAL statement_timeout = 0;
--rollback DO $colsync$
--rollback BEGIN
--rollback   IF EXISTS (SELECT FROM pg_catalog.pg_constraint
--rollback              WHERE conrelid = '"public"."events"'::pg_catalog.regclass AND conname = 'colsync_events_created_at_tz_old_not_null' AND NOT convalidated) THEN
--rollback     ALTER TABLE "public"."events" VALIDATE CONSTRAINT "colsync_events_created_at_tz_old_not_null";
--rollback   END IF;
--rollback END
--rollback $colsync$;

--changeset colsync:events_created_at_tz-07-contract-drop-old-column labels:events_created_at_tz,contract runInTransaction:true rollbackSplitStatements:false splitStatements:false
-- colsync events_created_at_tz: contract / drop the sync trigger, its functions and the old column.
-- One transaction, so no write ever sees the column gone and the trigger still there.
-- Only N may be running. Takes ACCESS EXCLUSIVE on the table for milliseconds.
SET LOCAL lock_timeout = '2000ms';
SET LOCAL statement_timeout = '30000ms';
LOCK TABLE "public"."events" IN ACCESS EXCLUSIVE MODE;
-- The gate, whoever runs this script: it refuses unless a convergence check passed with the sync trigger
-- and its functions exactly as they are now, the read-path flag is NEW and no running instance
-- reports another read path. It runs under the table's
-- lock, so no write and no flag change can come between it and the drop. To contract anyway, on purpose:
-- SET colsync.contract_override = 'events_created_at_tz: <reason>' in the session first (recorded).
DO $colsync$
#variable_conflict use_column
DECLARE
  colsync_override text := pg_catalog.current_setting('colsync.contract_override', true);
  colsync_seal text;
  colsync_checked timestamptz;
  colsync_read_path text;
  colsync_instances text;
BEGIN
  IF NOT EXISTS (SELECT FROM pg_catalog.pg_attribute AS a WHERE a.attrelid OPERATOR(pg_catalog.=) '"public"."events"'::pg_catalog.regclass AND a.attname OPERATOR(pg_catalog.=) 'created_at' AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped) THEN
    IF (SELECT pg_catalog.count(*) FROM pg_catalog.pg_trigger AS t WHERE t.tgrelid OPERATOR(pg_catalog.=) '"public"."events"'::pg_catalog.regclass AND t.tgname OPERATOR(pg_catalog.=) ANY (ARRAY['~colsync_events_created_at_tz_new_written', '~colsync_events_created_at_tz_sync']::pg_catalog.name[])) OPERATOR(pg_catalog.=) 0 THEN
      RAISE NOTICE 'colsync %: contract has run already (column % is gone); nothing to do', 'events_created_at_tz',
        'created_at';
      RETURN;
    END IF;
    RAISE EXCEPTION USING ERRCODE = 'object_not_in_prerequisite_state',
      MESSAGE = pg_catalog.format('colsync %s: contract refused: column %s of %s does not exist, but the sync'
        ' trigger does', 'events_created_at_tz', 'created_at', '"public"."events"'::pg_catalog.regclass),
      HINT = 'The table is not as this migration left it; see the runbook.';
  END IF;
  IF colsync_override OPERATOR(pg_catalog.=) 'events_created_at_tz'
     OR pg_catalog.starts_with(colsync_override, 'events_created_at_tz:') THEN
    RAISE WARNING 'colsync %: contract gate overridden by % (%)', 'events_created_at_tz', CURRENT_USER, colsync_override;
    IF pg_catalog.to_regnamespace('colsync') IS NULL THEN
      CREATE SCHEMA colsync;
    END IF;
    CREATE TABLE IF NOT EXISTS colsync.gate_overrides (
      migration text NOT NULL,
      reason text NOT NULL,
      overridden_by text NOT NULL DEFAULT CURRENT_USER,
      overridden_at timestamptz NOT NULL DEFAULT pg_catalog.now()
    );
    INSERT INTO colsync.gate_overrides (migration, reason) VALUES ('events_created_at_tz', colsync_override);
    RETURN;
  END IF;
  IF pg_catalog.to_regclass('colsync.convergence_checks') IS NOT NULL THEN
    SELECT c.seal, c.checked_at INTO colsync_seal, colsync_checked FROM colsync.convergence_checks AS c
      WHERE c.migration OPERATOR(pg_catalog.=) 'events_created_at_tz' FOR SHARE;
  END IF;
  IF colsync_seal IS NULL THEN
    RAISE EXCEPTION USING ERRCODE = 'object_not_in_prerequisite_state',
      MESSAGE = pg_catalog.format('colsync %s: contract refused: no convergence check has passed, so column %s'
        ' is not known to be copied', 'events_created_at_tz', 'created_at'),
      HINT = 'Once the backfill is done, run the check-convergence script before this one (or colsync verify).';
  END IF;
  IF colsync_seal OPERATOR(pg_catalog.<>) pg_catalog.concat_ws(' ', (SELECT pg_catalog.string_agg(pg_catalog.concat_ws(':', t.tgname, t.tgenabled, t.xmin, p.xmin), ',' ORDER BY t.tgname) FROM pg_catalog.pg_trigger AS t JOIN pg_catalog.pg_proc AS p ON p.oid OPERATOR(pg_catalog.=) t.tgfoid WHERE t.tgrelid OPERATOR(pg_catalog.=) '"public"."events"'::pg_catalog.regclass AND t.tgname OPERATOR(pg_catalog.=) ANY (ARRAY['~colsync_events_created_at_tz_new_written', '~colsync_events_created_at_tz_sync']::pg_catalog.name[])), (SELECT pg_catalog.string_agg(pg_catalog.concat_ws(':', p.proname, p.xmin), ',' ORDER BY p.proname) FROM pg_catalog.pg_proc AS p WHERE p.pronamespace OPERATOR(pg_catalog.=) (SELECT c.relnamespace FROM pg_catalog.pg_class AS c WHERE c.oid OPERATOR(pg_catalog.=) '"public"."events"'::pg_catalog.regclass) AND p.proname OPERATOR(pg_catalog.=) ANY (ARRAY['colsync_events_created_at_tz_to_new', 'colsync_events_created_at_tz_to_old', 'colsync_events_created_at_tz_old_differs', 'colsync_events_created_at_tz_new_differs']::pg_catalog.name[]))) THEN
    RAISE EXCEPTION USING ERRCODE = 'object_not_in_prerequisite_state',
      MESSAGE = pg_catalog.format('colsync %s: contract refused: the sync trigger or its functions were'
        ' disabled, dropped or replaced after the convergence check of %s', 'events_created_at_tz', colsync_checked),
      HINT = 'Rows written since may disagree: run the backfill and the check-convergence script again.';
  END IF;
  IF pg_catalog.to_regclass('colsync.read_path_flags') IS NOT NULL THEN
    SELECT f.read_path INTO colsync_read_path FROM colsync.read_path_flags AS f
      WHERE f.migration OPERATOR(pg_catalog.=) 'events_created_at_tz' FOR SHARE;
  END IF;
  IF colsync_read_path IS NULL OR colsync_read_path OPERATOR(pg_catalog.<>) 'NEW' THEN
    RAISE EXCEPTION USING ERRCODE = 'object_not_in_prerequisite_state',
      MESSAGE = pg_catalog.format('colsync %s: contract refused: the read-path flag is %s, not NEW', 'events_created_at_tz',
        COALESCE(colsync_read_path, 'not set (OLD)')),
      HINT = pg_catalog.format('Set it once every instance reads the new column: colsync flag set %s NEW', 'events_created_at_tz');
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
        AND ((i.migration OPERATOR(pg_catalog.=) 'events_created_at_tz' AND i.read_path OPERATOR(pg_catalog.<>) 'NEW')
          OR (i.migration OPERATOR(pg_catalog.=) ''
            AND NOT EXISTS (SELECT FROM colsync.instances AS k WHERE k.instance OPERATOR(pg_catalog.=) i.instance
              AND k.migration OPERATOR(pg_catalog.=) 'events_created_at_tz')
            AND EXISTS (SELECT FROM colsync.instances AS a WHERE a.application OPERATOR(pg_catalog.=) i.application
              AND a.migration OPERATOR(pg_catalog.=) 'events_created_at_tz'
              AND a.expires_at OPERATOR(pg_catalog.>) pg_catalog.now())));
  END IF;
  IF colsync_instances IS NOT NULL THEN
    RAISE EXCEPTION USING ERRCODE = 'object_not_in_prerequisite_state',
      MESSAGE = pg_catalog.format('colsync %s: contract refused: running instances still use column %s: %s',
        'events_created_at_tz', 'created_at', colsync_instances),
      HINT = 'Stop them or let them follow the flag to NEW, then run contract again (a report of an instance'
        ' that stopped without closing expires by itself; colsync status lists the live ones).';
  END IF;
END
$colsync$;
DROP TRIGGER IF EXISTS "~colsync_events_created_at_tz_new_written" ON "public"."events";
DROP TRIGGER IF EXISTS "~colsync_events_created_at_tz_sync" ON "public"."events";
DROP FUNCTION IF EXISTS "public"."colsync_events_created_at_tz_sync"();
DROP FUNCTION IF EXISTS "public"."colsync_events_created_at_tz_to_new"(timestamp);
DROP FUNCTION IF EXISTS "public"."colsync_events_created_at_tz_to_old"(timestamptz);
DROP FUNCTION IF EXISTS "public"."colsync_events_created_at_tz_old_differs"(timestamp, timestamp);
DROP FUNCTION IF EXISTS "public"."colsync_events_created_at_tz_new_differs"(timestamptz, timestamptz);
ALTER TABLE "public"."events" DROP COLUMN IF EXISTS "created_at";
DROP PROCEDURE IF EXISTS "public"."colsync_events_created_at_tz_backfill"(text, integer, interval, boolean);
DROP TABLE IF EXISTS "public"."colsync_events_created_at_tz_backfill_state";
--rollback empty
