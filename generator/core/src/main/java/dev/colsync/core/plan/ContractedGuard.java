package dev.colsync.core.plan;

import static dev.colsync.runtime.sql.SqlIdentifiers.literal;

import dev.colsync.core.render.Models.ContractedGuardModel;
import dev.colsync.core.render.Models.GateSql;
import dev.colsync.runtime.sql.SqlScript;
import java.util.List;
import java.util.Set;

/**
 * Puts a guard in front of every script, forward and rollback, of the phases between expand and contract:
 * run after contract (when the column it works on is gone, or carries the copy's constraints and indexes
 * under their original names), such a script would fail halfway or build a second copy. The guard stops
 * it before it changes anything.
 */
final class ContractedGuard {
  private static final Set<Phase> GUARDED = Set.of(Phase.BACKFILL, Phase.INDEXES, Phase.VALIDATE);

  private final Steps steps;
  private final String migration;
  private final GateSql gate;

  /** {@code gate}: contract's gate facts, of the side contract works on (after a cut-over, for in place). */
  ContractedGuard(Steps steps, String migration, GateSql gate) {
    this.steps = steps;
    this.migration = migration;
    this.gate = gate;
  }

  List<PhasePlan> guard(List<PhasePlan> phases) {
    return phases.stream().map(phase -> GUARDED.contains(phase.phase())
        ? new PhasePlan(phase.phase(), guardAll(phase.steps()), guardAll(phase.rollback()))
        : phase).toList();
  }

  /**
   * The backfill's run is left as it is: a single {@code CALL} of the procedure contract dropped, it fails at
   * once there, and a guard block would make Liquibase split it into one changeset per statement.
   */
  private List<Step> guardAll(List<Step> scripts) {
    return scripts.stream().map(step -> isBackfillRun(step) ? step : guard(step)).toList();
  }

  private static boolean isBackfillRun(Step step) {
    return step.phase() == Phase.BACKFILL && step.name().equals("run");
  }

  private Step guard(Step step) {
    String guard = steps.render(new ContractedGuardModel("sql/contracted-guard.sql.ftl", literal(migration),
        literal(step.phase().id() + "/" + step.name()),
        "NOT " + gate.oldColumnExists() + " AND " + gate.triggers() + " OPERATOR(pg_catalog.=) 0", gate.quote()));
    return new Step(step.phase(), step.name(), step.mode(), step.lock(), step.summary(), prepend(guard, step.sql()),
        prepend(guard, step.asOneTransaction()));
  }

  /** {@code guard} first, after the no-transaction marker when the script starts with it. */
  private static String prepend(String guard, String script) {
    if (SqlScript.isNoTransaction(script)) {
      int lineEnd = script.indexOf('\n') + 1;
      return script.substring(0, lineEnd) + guard + script.substring(lineEnd);
    }
    return guard + script;
  }
}
