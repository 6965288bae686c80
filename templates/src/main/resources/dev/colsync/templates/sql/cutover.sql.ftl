<#-- @ftlvariable name="model" type="dev.colsync.core.render.Models.CutoverModel" -->
<#import "lib/objects.ftl" as o>
<#assign s = model.sync>
-- colsync ${model.migration}: ${model.phase} / ${model.purpose}.
-- One transaction, so every statement sees the columns either before or after the swap, never between.
-- Takes ACCESS EXCLUSIVE on the table (and on each table whose foreign key moves) for milliseconds,
-- under lock_timeout. Once the names are swapped a second run changes nothing.
<@o.timeouts s.table/>
<#if model.viewLocks?has_content>
-- The views over the column first, as their readers lock them (a view's lock takes its tables' too).
</#if>
<#list model.viewLocks as lock>
${lock}
</#list>
LOCK TABLE ${s.table.qualified} IN ACCESS EXCLUSIVE MODE;
<#if model.referencing?has_content>
-- Other tables only if free at once: waiting for one while holding the table's lock could deadlock with
-- a writer that takes them the other way round (an insert into a referencing table, a cascading delete).
-- The step then fails with lock_not_available, having changed nothing, and is retried.
</#if>
<#list model.referencing as table>
LOCK TABLE ${table} IN ACCESS EXCLUSIVE MODE NOWAIT;
</#list>
DO ${s.quote}
<#if model.declarations?has_content>
DECLARE
<#list model.declarations as declaration>
  ${declaration}
</#list>
</#if>
BEGIN
  IF EXISTS (SELECT FROM pg_catalog.pg_attribute
             WHERE attrelid = ${s.table.regclass} AND attname = ${model.guardLiteral} AND attnum > 0
               AND NOT attisdropped) THEN
<#list model.statements as statement>
    ${statement}
</#list>
  END IF;
END
${s.quote};

-- The trigger and the backfill name the columns as they are called from now on.
<@o.syncObjects s/>

<@o.backfillObjects model.backfill/>
