<#-- @ftlvariable name="model" type="dev.colsync.core.render.Models.ContractedGuardModel" -->
<#import "lib/preflight.ftl" as pf>
<#if model.body?has_content>
-- Once this migration has been contracted this script has nothing left to do: it is one block, which
-- then returns at once with a notice and changes nothing.
DO ${model.outerQuote}
DECLARE
  colsync_recorded boolean := false;
BEGIN
  IF ${model.contracted} THEN
<@pf.contractRecorded model.migration/>
    IF colsync_recorded THEN
      RAISE NOTICE 'colsync %: contract has run already; % has nothing to do', ${model.migration}, ${model.step};
      RETURN;
    END IF;
  END IF;
${model.body}
END
${model.outerQuote};
<#else>
-- Once this migration has been contracted, this script has nothing left to do: this block says so and
-- sets colsync.contracted for the session, and every statement below that would change something is
-- then skipped; otherwise it clears that setting.
DO ${model.quote}
DECLARE
  colsync_recorded boolean := false;
BEGIN
  PERFORM pg_catalog.set_config('colsync.contracted', '', false);
  IF ${model.contracted} THEN
<@pf.contractRecorded model.migration/>
    IF colsync_recorded THEN
      RAISE NOTICE 'colsync %: contract has run already; % has nothing to do', ${model.migration}, ${model.step};
      PERFORM pg_catalog.set_config('colsync.contracted', ${model.migration}, false);
    END IF;
  END IF;
END
${model.quote};
</#if>
