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
-- Once this migration has been contracted, this script has nothing left to do: it stops here, before it
-- changes anything (with psql, run it with -v ON_ERROR_STOP=1 so that nothing after runs).
DO ${model.quote}
DECLARE
  colsync_recorded boolean := false;
BEGIN
  IF ${model.contracted} THEN
<@pf.contractRecorded model.migration/>
    IF colsync_recorded THEN
      RAISE EXCEPTION USING ERRCODE = 'object_not_in_prerequisite_state',
        MESSAGE = pg_catalog.format('colsync %s: contract has run already; %s has nothing to do and stopped'
          ' before changing anything', ${model.migration}, ${model.step}),
        HINT = 'Nothing was changed. The migration is complete; see colsync status.';
    END IF;
  END IF;
END
${model.quote};
</#if>
