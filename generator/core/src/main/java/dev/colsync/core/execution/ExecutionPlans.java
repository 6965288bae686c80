package dev.colsync.core.execution;

import dev.colsync.core.plan.InPlaceColumns;
import dev.colsync.core.plan.Phase;
import dev.colsync.core.plan.PhasePlan;
import dev.colsync.core.plan.Plan;
import dev.colsync.core.plan.Planner;
import dev.colsync.core.plan.Step;
import dev.colsync.core.render.SqlFragments;
import dev.colsync.core.spec.MigrationSpec;
import dev.colsync.runtime.execution.BackfillTarget;
import dev.colsync.runtime.execution.ExecutionPhase;
import dev.colsync.runtime.execution.ExecutionPlan;
import dev.colsync.runtime.execution.ExecutionStep;
import dev.colsync.runtime.execution.QualifiedName;
import dev.colsync.runtime.sql.SqlIdentifiers;
import java.util.List;
import java.util.Optional;

/**
 * A {@link Plan} as the runtime executor takes it. The steps that {@code CALL} the generated backfill
 * procedure become backfill steps, which the executor runs with its own runner over the same checkpoint;
 * contract is the irreversible phase.
 */
public final class ExecutionPlans {
  /** The forward step that fills the new column ({@code CALL … 'up'}). */
  static final String BACKFILL_RUN = "run";
  /** The rollback-of-contract step that refills the old column ({@code CALL … 'down'}). */
  static final String REFILL_OLD_COLUMN = "refill-old-column";

  private ExecutionPlans() {}

  public static ExecutionPlan of(Plan plan) {
    MigrationSpec spec = plan.spec();
    if (plan.catalogOnly()) {
      return catalogOnly(plan);
    }
    Optional<InPlaceColumns> inPlace = InPlaceColumns.when(spec);
    BackfillTarget backfill = target(inPlace.map(InPlaceColumns::before).orElse(spec), plan);
    AppliedProbes probes = new AppliedProbes(plan, inPlace);
    List<ExecutionPhase> phases = plan.phases().stream().map(phase -> phase(phase, probes)).toList();
    // The gate's seal names the sync objects only, which keep their names through a cut-over.
    String seal = "SELECT " + new SqlFragments(spec, plan.names()).gate(false, false).seal();
    return new ExecutionPlan(spec.migration(), backfill.table(), phases, backfill, spec.timeouts().lock(),
        spec.timeouts().statement(), inPlace.map(columns -> target(columns.after(), plan))).withConvergenceSeal(seal);
  }

  /**
   * A catalog-only type change: one reversible phase of scripts. There is no backfill; its target names the
   * column as both old and new, so a verification compares the column with itself and finds nothing.
   */
  private static ExecutionPlan catalogOnly(Plan plan) {
    MigrationSpec spec = plan.spec();
    String column = SqlIdentifiers.quote(spec.change().from().name());
    QualifiedName table = new QualifiedName(spec.table().schema(), spec.table().name());
    BackfillTarget target = new BackfillTarget(table, spec.primaryKey(), spec.change().from().name(),
        spec.change().to().name(), column, column, new QualifiedName(spec.table().schema(),
        plan.names().backfillState()), spec.backfill().batchSize(), spec.backfill().pause());
    List<ExecutionPhase> phases = plan.phases().stream()
        .map(phase -> new ExecutionPhase(phase.phase().id(),
            phase.steps().stream().map(step -> step(step, ExecutionStep.Kind.SCRIPT)).toList(),
            phase.rollback().stream().map(step -> step(step, ExecutionStep.Kind.SCRIPT)).toList(), false))
        .toList();
    return new ExecutionPlan(spec.migration(), table, phases, target, spec.timeouts().lock(),
        spec.timeouts().statement());
  }

  private static BackfillTarget target(MigrationSpec spec, Plan plan) {
    SqlFragments sql = new SqlFragments(spec, plan.names());
    return new BackfillTarget(new QualifiedName(spec.table().schema(), spec.table().name()), spec.primaryKey(),
        spec.change().from().name(), spec.change().to().name(), sql.boundUpOfRow(), sql.boundDownOfRow(),
        new QualifiedName(spec.table().schema(), plan.names().backfillState()), spec.backfill().batchSize(),
        spec.backfill().pause());
  }

  private static ExecutionPhase phase(PhasePlan phase, AppliedProbes probes) {
    return new ExecutionPhase(phase.phase().id(),
        phase.steps().stream().map(step -> {
          ExecutionStep forward = step(step, forwardKind(phase.phase(), step));
          return probes.of(phase.phase(), step.name()).map(forward::withAppliedProbe).orElse(forward);
        }).toList(),
        phase.rollback().stream().map(step -> step(step, phase.phase() == Phase.CONTRACT
            && step.name().equals(REFILL_OLD_COLUMN) ? ExecutionStep.Kind.BACKFILL_DOWN : ExecutionStep.Kind.SCRIPT))
            .toList(),
        phase.phase() == Phase.CONTRACT);
  }

  private static ExecutionStep.Kind forwardKind(Phase phase, Step step) {
    if (phase == Phase.BACKFILL && step.name().equals(BACKFILL_RUN)) {
      return ExecutionStep.Kind.BACKFILL_UP;
    }
    if (phase == Phase.CONTRACT && step.name().equals(Planner.CHECK_CONVERGENCE)) {
      return ExecutionStep.Kind.CONVERGENCE_CHECK;
    }
    return ExecutionStep.Kind.SCRIPT;
  }

  private static ExecutionStep step(Step step, ExecutionStep.Kind kind) {
    return new ExecutionStep(step.name(), step.sql(), kind);
  }
}
