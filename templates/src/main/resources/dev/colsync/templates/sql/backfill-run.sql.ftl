<#-- @ftlvariable name="model" type="dev.colsync.core.render.Models.BackfillRunModel" -->
<#if model.commitBatches>
${model.noTransactionMarker}
-- colsync ${model.migration}: ${model.phase} / ${model.purpose}.
-- Batches of ${model.batchSize?c} rows by primary key, each its own short transaction with its checkpoint.
-- Safe to stop at any time and to run again: it resumes after the last committed batch.
-- The CALL lasts as long as the whole backfill, so a session statement_timeout must not cut it short;
-- each batch is bounded by its size and by lock_timeout instead.
SET statement_timeout = 0;
<#if model.contractedLiteral?has_content>
DO ${model.quote}
BEGIN
  -- Once contracted (the guard above said so), there is no procedure left to call, and nothing to do.
  IF pg_catalog.current_setting('colsync.contracted', true) OPERATOR(pg_catalog.=) ${model.contractedLiteral} THEN
    RETURN;
  END IF;
  CALL ${model.procedure}(colsync_direction => '${model.direction}');
END
${model.quote};
<#else>
CALL ${model.procedure}(colsync_direction => '${model.direction}');
</#if>
RESET statement_timeout;
<#else>
-- colsync ${model.migration}: ${model.phase} / ${model.purpose}, all batches in the caller's transaction.
SET LOCAL statement_timeout = 0;
CALL ${model.procedure}(colsync_direction => '${model.direction}', colsync_commit_batches => false);
</#if>
