<#-- @ftlvariable name="model" type="dev.colsync.core.render.Models.ExpandModel" -->
<#import "lib/preflight.ftl" as pf>
<#assign s = model.sync>
<#assign p = model.preflight>
-- colsync ${model.migration}: what expand checks, without expanding: run by colsync validate --url in a
-- transaction it rolls back. up and down are bound into temporary functions and checked as expand checks them.
<#import "lib/objects.ftl" as o>
<@o.timeouts s.table/>
DO ${p.quote}
#variable_conflict use_column
DECLARE
<@pf.declarations/>
BEGIN
<@pf.checks p/>

  SET LOCAL search_path = ${s.table.searchPath};
  CREATE FUNCTION pg_temp.colsync_check_to_new(${s.oldType}) RETURNS ${s.newType}
  LANGUAGE sql SECURITY INVOKER
  RETURN (${s.upOfParameter});
  CREATE FUNCTION pg_temp.colsync_check_to_old(${s.newType}) RETURNS ${s.oldType}
  LANGUAGE sql SECURITY INVOKER
  RETURN (${s.downOfParameter});
<@pf.binding p p.checkFunctions/>
END
${p.quote};
