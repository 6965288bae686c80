<#-- @ftlvariable name="model" type="dev.colsync.core.output.RunbookModel" -->
# Runbook: ${model.migration}

${model.description}

Each phase is its own deploy. Run a phase's scripts in the order listed; a script marked
*no transaction* runs statement by statement in autocommit (`psql -f`), every other one in a
single transaction (`psql -1 -f`). Every script is safe to run twice. Before each locking step,
`lock_timeout` is ${model.lockTimeout} and `statement_timeout` is ${model.statementTimeout}; a step that
times out waiting for its lock has changed nothing and can simply be retried.

| # | phase | script | runs | application versions | lock | what it does |
|---|---|---|---|---|---|---|
<#list model.steps as s>
| ${s.number} | ${s.phase} | `${s.script}` | ${s.mode} | ${s.versions} | ${s.lock} | ${s.summary} |
</#list>

<#list model.phases as p>
## ${p.title}

Who may be running: ${p.versions}. When it is done: ${p.outcome}.

${p.instructions}

<#if p.rollback?has_content>
To roll it back, run in order:

<#list p.rollback as r>
1. `${r}`
</#list>
<#else>
Nothing to roll back: ${p.noRollbackReason}
</#if>

</#list>
## On standbys

${model.standbys}

## On logical-replication subscribers

${model.subscribers}
