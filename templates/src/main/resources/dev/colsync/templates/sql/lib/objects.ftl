<#-- Macros shared by the forward scripts and the rollbacks that recreate what a later phase dropped. -->
<#macro timeouts table statement=table.statementTimeout>
SET LOCAL lock_timeout = ${table.lockTimeout};
SET LOCAL statement_timeout = ${statement};
</#macro>

<#-- The sync function and trigger (DESIGN.md, "The sync trigger"). -->
<#macro syncObjects s>
-- up, down and the comparisons the sync function makes, as SQL functions whose bodies PostgreSQL binds
-- now, under this search path, and inlines where they are called: the trigger function then depends on
-- no caller's search_path without a SET clause of its own, which would cost every write a few
-- microseconds.
SET LOCAL search_path = ${s.table.searchPath};
CREATE OR REPLACE FUNCTION ${s.toNew}(${s.oldType}) RETURNS ${s.newType}
LANGUAGE sql SECURITY INVOKER
RETURN (${s.upOfParameter});

CREATE OR REPLACE FUNCTION ${s.toOld}(${s.newType}) RETURNS ${s.oldType}
LANGUAGE sql SECURITY INVOKER
RETURN (${s.downOfParameter});

CREATE OR REPLACE FUNCTION ${s.oldDiffers}(${s.oldType}, ${s.oldType}) RETURNS boolean
LANGUAGE sql SECURITY INVOKER
RETURN $1 IS DISTINCT FROM $2;

CREATE OR REPLACE FUNCTION ${s.newDiffers}(${s.newType}, ${s.newType}) RETURNS boolean
LANGUAGE sql SECURITY INVOKER
RETURN $1 IS DISTINCT FROM $2;

<#if s.upFunctionNeeded>
-- up() with onUpError: null: a value it cannot convert becomes NULL instead of failing the write.
CREATE OR REPLACE FUNCTION ${s.upFunction}(${s.oldType}) RETURNS ${s.newType}
LANGUAGE plpgsql SECURITY INVOKER
AS ${s.quote}
BEGIN
  RETURN ${s.toNew}($1);
EXCEPTION WHEN data_exception THEN
  RETURN NULL;
END
${s.quote};

</#if>
-- Keeps the two columns equal whichever application version writes. Direction is decided by the
-- data, never by the session: a write to the new column wins and the old one follows unless it
-- already agrees; a write to the old column only (or an INSERT without the new one) sets the new
-- one. An UPDATE that writes neither leaves both alone: the backfill converges untouched rows.
-- A new value the old column cannot hold exactly (up(down(new)) <> new) is refused rather than
-- silently changed, so no write is ever lost. Every operator is pg_catalog's by name.
CREATE OR REPLACE FUNCTION ${s.function}() RETURNS trigger
LANGUAGE plpgsql SECURITY INVOKER
AS ${s.quote}
DECLARE
  colsync_agrees boolean;
BEGIN
  -- Fired by the UPDATE OF trigger (first, by name), an UPDATE that names the new column in its SET
  -- list writes it, even with the value it already had.
  IF TG_NARGS OPERATOR(pg_catalog.>) 0 OR (TG_OP OPERATOR(pg_catalog.=) 'INSERT' AND NEW.${s.newColumn} IS NOT NULL)
     OR (TG_OP OPERATOR(pg_catalog.=) 'UPDATE' AND ${s.newDiffers}(NEW.${s.newColumn}, OLD.${s.newColumn})) THEN
    IF ${s.oldDiffers}(NEW.${s.oldColumn}, ${s.downOfNew}) THEN
      BEGIN
        -- An old value up() cannot convert disagrees with any new value; it must not fail the write.
        colsync_agrees := NOT ${s.newDiffers}(NEW.${s.newColumn}, ${s.upOfNew});
      EXCEPTION WHEN data_exception THEN
        colsync_agrees := false;
      END;
      IF NOT colsync_agrees THEN
        NEW.${s.oldColumn} := ${s.downOfNew};
        IF ${s.newDiffers}(NEW.${s.newColumn}, ${s.upOfNew}) THEN
          RAISE EXCEPTION USING ERRCODE = 'data_exception', MESSAGE = ${s.lossMessage},
            HINT = 'Only values the old column can hold may be written while both columns are in use.';
        END IF;
      END IF;
    END IF;
  ELSIF TG_OP OPERATOR(pg_catalog.=) 'INSERT' OR ${s.oldDiffers}(NEW.${s.oldColumn}, OLD.${s.oldColumn}) THEN
    NEW.${s.newColumn} := ${s.upOfNew};
  END IF;
  RETURN NEW;
END
${s.quote};

CREATE OR REPLACE TRIGGER ${s.newWrittenTrigger}
  BEFORE UPDATE OF ${s.newColumn} ON ${s.table.qualified}
  FOR EACH ROW EXECUTE FUNCTION ${s.function}('new column written');

CREATE OR REPLACE TRIGGER ${s.trigger}
  BEFORE INSERT OR UPDATE ON ${s.table.qualified}
  FOR EACH ROW EXECUTE FUNCTION ${s.function}();
</#macro>

<#-- The checkpoint table and the batched, resumable backfill procedure. -->
<#macro backfillObjects b>
CREATE TABLE IF NOT EXISTS ${b.stateTable} (
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
ALTER TABLE ${b.stateTable} ADD COLUMN IF NOT EXISTS bound_key text[];
ALTER TABLE ${b.stateTable} ADD COLUMN IF NOT EXISTS bound_rows bigint;

-- Walks the primary key in batches: one short transaction per batch, checkpoint committed with it.
-- Only rows that differ are written, so running it again is a no-op. 'down' refills the old column.
CREATE OR REPLACE PROCEDURE ${b.procedure}(
  colsync_direction text DEFAULT 'up',
  colsync_batch_size integer DEFAULT ${b.batchSize?c},
  colsync_pause interval DEFAULT ${b.pause},
  colsync_commit_batches boolean DEFAULT true)
LANGUAGE plpgsql SECURITY INVOKER
AS ${b.quote}
#variable_conflict use_column
DECLARE
  colsync_state record;
<#list b.key as k>
  colsync_last_${k?index} ${k.type};
  colsync_lower_${k?index} ${k.type};
  colsync_upper_${k?index} ${k.type};
  colsync_bound_${k?index} ${k.type};
</#list>
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
<#if b.downKey?has_content>
  -- The key's column is renamed: 'up' walks it under its old name, 'down' (the old column being
  -- filled again) under its new one.
  IF colsync_direction = 'up' THEN
<@walk b b.key/>
  ELSE
<@walk b b.downKey/>
  END IF;
<#else>
<@walk b b.key/>
</#if>
END
${b.quote};
</#macro>

<#-- The backfill's loop over the key columns key (the spec's key, or for 'down' the renamed one). -->
<#macro walk b key>
  LOOP
    PERFORM pg_catalog.set_config('search_path', ${b.table.searchPathLiteral}, true);
    PERFORM pg_catalog.set_config('lock_timeout', ${b.table.lockTimeout}, true);
    -- The checkpoint keeps keys as text: read and write them in one fixed format.
    PERFORM pg_catalog.set_config('DateStyle', 'ISO, YMD', true);
    PERFORM pg_catalog.set_config('TimeZone', 'UTC', true);
    PERFORM pg_catalog.set_config('IntervalStyle', 'postgres', true);
    PERFORM pg_catalog.set_config('extra_float_digits', '3', true);
    -- The table's own triggers can tell the backfill's updates by this setting (see the runbook).
    PERFORM pg_catalog.set_config('colsync.backfill', ${b.migrationLiteral}, true);
    INSERT INTO ${b.stateTable} (direction) VALUES (colsync_direction) ON CONFLICT (direction) DO NOTHING;
    SELECT * INTO colsync_state FROM ${b.stateTable} WHERE direction = colsync_direction FOR UPDATE;
    EXIT WHEN colsync_state.done;
    IF colsync_state.bound_key IS NULL THEN
      SELECT <#list key as k>${k.name}<#sep>, </#list> INTO <#list key as k>colsync_bound_${k?index}<#sep>, </#list>
        FROM ${b.table.qualified} ORDER BY <#list key as k>${k.name} DESC<#sep>, </#list> LIMIT 1;
      IF NOT FOUND THEN
        UPDATE ${b.stateTable} SET done = true, updated_at = pg_catalog.now() WHERE direction = colsync_direction;
        RAISE NOTICE 'colsync: backfill % done: the table was empty when it started', colsync_direction;
        IF colsync_commit_batches THEN
          COMMIT;
        END IF;
        EXIT;
      END IF;
      UPDATE ${b.stateTable}
        SET bound_key = ARRAY[<#list key as k>colsync_bound_${k?index}::text<#sep>, </#list>],
            bound_rows = (SELECT NULLIF(c.reltuples::bigint, -1) FROM pg_catalog.pg_class c
                          WHERE c.oid = ${b.table.regclass})
        WHERE direction = colsync_direction;
    ELSE
<#list key as k>
      colsync_bound_${k?index} := colsync_state.bound_key[${k?index + 1}];
</#list>
    END IF;
    IF colsync_state.last_key IS NULL THEN
      SELECT <#list key as k>${k.name}<#sep>, </#list> INTO <#list key as k>colsync_lower_${k?index}<#sep>, </#list>
        FROM ${b.table.qualified}
        WHERE (<#list key as k>${k.name}<#sep>, </#list>) <= (<#list key as k>colsync_bound_${k?index}<#sep>, </#list>)
        ORDER BY <#list key as k>${k.name}<#sep>, </#list> LIMIT 1;
    ELSE
<#list key as k>
      colsync_last_${k?index} := colsync_state.last_key[${k?index + 1}];
</#list>
      SELECT <#list key as k>${k.name}<#sep>, </#list> INTO <#list key as k>colsync_lower_${k?index}<#sep>, </#list>
        FROM ${b.table.qualified}
        WHERE (<#list key as k>${k.name}<#sep>, </#list>) > (<#list key as k>colsync_last_${k?index}<#sep>, </#list>)
          AND (<#list key as k>${k.name}<#sep>, </#list>) <= (<#list key as k>colsync_bound_${k?index}<#sep>, </#list>)
        ORDER BY <#list key as k>${k.name}<#sep>, </#list> LIMIT 1;
    END IF;
    IF NOT FOUND THEN
      UPDATE ${b.stateTable} SET done = true, updated_at = pg_catalog.now() WHERE direction = colsync_direction;
      RAISE NOTICE 'colsync: backfill % done: % rows changed in % batches',
        colsync_direction, colsync_state.rows_changed, colsync_state.batches;
      IF colsync_commit_batches THEN
        COMMIT;
      END IF;
      EXIT;
    END IF;
    SELECT <#list key as k>batch.${k.name}<#sep>, </#list> INTO <#list key as k>colsync_upper_${k?index}<#sep>, </#list>
      FROM (SELECT <#list key as k>${k.name}<#sep>, </#list> FROM ${b.table.qualified}
            WHERE (<#list key as k>${k.name}<#sep>, </#list>) >= (<#list key as k>colsync_lower_${k?index}<#sep>, </#list>)
              AND (<#list key as k>${k.name}<#sep>, </#list>) <= (<#list key as k>colsync_bound_${k?index}<#sep>, </#list>)
            ORDER BY <#list key as k>${k.name}<#sep>, </#list> LIMIT colsync_batch_size) AS batch
      ORDER BY <#list key as k>batch.${k.name} DESC<#sep>, </#list> LIMIT 1;
    -- A value up (or down) cannot convert fails the batch; the error then names the first row it fails on.
    BEGIN
      IF colsync_direction = 'up' THEN
        UPDATE ${b.table.qualified} SET ${b.newColumn} = ${b.up}
          WHERE (<#list key as k>${k.name}<#sep>, </#list>) >= (<#list key as k>colsync_lower_${k?index}<#sep>, </#list>)
            AND (<#list key as k>${k.name}<#sep>, </#list>) <= (<#list key as k>colsync_upper_${k?index}<#sep>, </#list>)
            AND ${b.newColumn} IS DISTINCT FROM ${b.up};
      ELSE
        UPDATE ${b.table.qualified} SET ${b.oldColumn} = ${b.down}
          WHERE (<#list key as k>${k.name}<#sep>, </#list>) >= (<#list key as k>colsync_lower_${k?index}<#sep>, </#list>)
            AND (<#list key as k>${k.name}<#sep>, </#list>) <= (<#list key as k>colsync_upper_${k?index}<#sep>, </#list>)
            AND ${b.oldColumn} IS DISTINCT FROM ${b.down};
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
      FOR colsync_row IN SELECT <#list key as k>${k.name} AS colsync_key_${k?index}<#sep>, </#list>
          FROM ${b.table.qualified}
          WHERE (<#list key as k>${k.name}<#sep>, </#list>) >= (<#list key as k>colsync_lower_${k?index}<#sep>, </#list>)
            AND (<#list key as k>${k.name}<#sep>, </#list>) <= (<#list key as k>colsync_upper_${k?index}<#sep>, </#list>)
          ORDER BY <#list key as k>${k.name}<#sep>, </#list> LOOP
        BEGIN
          IF colsync_direction = 'up' THEN
            PERFORM ${b.up} FROM ${b.table.qualified} WHERE (<#list key as k>${k.name}<#sep>, </#list>) = (<#list key as k>colsync_row.colsync_key_${k?index}<#sep>, </#list>);
          ELSE
            PERFORM ${b.down} FROM ${b.table.qualified} WHERE (<#list key as k>${k.name}<#sep>, </#list>) = (<#list key as k>colsync_row.colsync_key_${k?index}<#sep>, </#list>);
          END IF;
        EXCEPTION WHEN OTHERS THEN
          RAISE EXCEPTION USING ERRCODE = colsync_error_state, DETAIL = colsync_error_detail, HINT = colsync_error_hint,
            MESSAGE = colsync_error_message || ' (on the row whose key (' || <#list key as k>${k.nameLiteral}<#sep> || ', ' || </#list>
              || ') is (' || pg_catalog.concat_ws(', ', <#list key as k>colsync_row.colsync_key_${k?index}<#sep>, </#list>) || '))';
        END;
      END LOOP;
      RAISE;
    END;
    UPDATE ${b.stateTable}
      SET last_key = ARRAY[<#list key as k>colsync_upper_${k?index}::text<#sep>, </#list>],
          rows_changed = rows_changed + colsync_changed,
          batches = batches + 1,
          updated_at = pg_catalog.now()
      WHERE direction = colsync_direction;
    IF colsync_commit_batches THEN
      COMMIT;
      PERFORM pg_catalog.pg_sleep_for(colsync_pause);
    END IF;
  END LOOP;
</#macro>

<#-- Adds NOT NULL without a long lock: a NOT VALID constraint now, validated in a later transaction. -->
<#macro addNotNull n>
DO ${n.quote}
BEGIN
  IF NOT EXISTS (SELECT FROM pg_catalog.pg_constraint
                 WHERE conrelid = ${n.table.regclass} AND conname = ${n.constraintLiteral})
     AND NOT (SELECT attnotnull FROM pg_catalog.pg_attribute
              WHERE attrelid = ${n.table.regclass} AND attname = ${n.columnLiteral}) THEN
<#if n.nativeNotNull>
    ALTER TABLE ${n.table.qualified} ADD CONSTRAINT ${n.constraint} NOT NULL ${n.column} NOT VALID;
<#else>
    ALTER TABLE ${n.table.qualified} ADD CONSTRAINT ${n.constraint} CHECK (${n.column} IS NOT NULL) NOT VALID;
</#if>
  END IF;
END
${n.quote};
</#macro>

<#macro validateNotNull n>
DO ${n.quote}
BEGIN
  IF EXISTS (SELECT FROM pg_catalog.pg_constraint
             WHERE conrelid = ${n.table.regclass} AND conname = ${n.constraintLiteral} AND NOT convalidated) THEN
    ALTER TABLE ${n.table.qualified} VALIDATE CONSTRAINT ${n.constraint};
  END IF;
END
${n.quote};
</#macro>

<#macro setNotNull n>
-- The validated check proves there is no NULL, so SET NOT NULL skips its table scan (PostgreSQL 12+).
ALTER TABLE ${n.table.qualified} ALTER COLUMN ${n.column} SET NOT NULL;
ALTER TABLE ${n.table.qualified} DROP CONSTRAINT IF EXISTS ${n.constraint};
</#macro>
