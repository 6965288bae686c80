package dev.colsync.runtime.execution;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the executor needs to run one migration: its phases in order, its backfill, its timeouts.
 *
 * @param migration the migration's name, unique per database
 * @param table the table whose column changes
 * @param phases every phase in execution order
 * @param backfill what the backfill walks and verification compares
 * @param lockTimeout how long one attempt of a step may wait for a lock
 * @param statementTimeout how long one statement may run (each backfill batch is one such statement group)
 * @param afterCutover for an in-place type change, what the backfill and verification use once cut-over
 *     has swapped the columns' names
 * @param convergenceSeal a query of one text value: the seal of the sync trigger and its functions as the
 *     catalog has them (see {@link ContractGate}); a passed convergence check is recorded with it
 */
public record ExecutionPlan(
    String migration, QualifiedName table, List<ExecutionPhase> phases, BackfillTarget backfill,
    Duration lockTimeout, Duration statementTimeout, Optional<BackfillTarget> afterCutover,
    Optional<String> convergenceSeal) {

  public ExecutionPlan(String migration, QualifiedName table, List<ExecutionPhase> phases, BackfillTarget backfill,
      Duration lockTimeout, Duration statementTimeout, Optional<BackfillTarget> afterCutover) {
    this(migration, table, phases, backfill, lockTimeout, statementTimeout, afterCutover, Optional.empty());
  }

  /** A plan whose columns keep their names throughout. */
  public ExecutionPlan(String migration, QualifiedName table, List<ExecutionPhase> phases, BackfillTarget backfill,
      Duration lockTimeout, Duration statementTimeout) {
    this(migration, table, phases, backfill, lockTimeout, statementTimeout, Optional.empty());
  }

  public ExecutionPlan {
    Objects.requireNonNull(afterCutover, "afterCutover");
    Objects.requireNonNull(convergenceSeal, "convergenceSeal");
    Objects.requireNonNull(migration, "migration");
    Objects.requireNonNull(table, "table");
    phases = List.copyOf(phases);
    Objects.requireNonNull(backfill, "backfill");
    Objects.requireNonNull(lockTimeout, "lockTimeout");
    Objects.requireNonNull(statementTimeout, "statementTimeout");
    if (migration.isEmpty()) {
      throw new IllegalArgumentException("a migration needs a name");
    }
    if (phases.stream().map(ExecutionPhase::id).distinct().count() != phases.size()) {
      throw new IllegalArgumentException("two phases of one name in " + migration);
    }
  }

  /** The same plan, recording its convergence checks with the seal {@code sealQuery} selects. */
  public ExecutionPlan withConvergenceSeal(String sealQuery) {
    return new ExecutionPlan(migration, table, phases, backfill, lockTimeout, statementTimeout, afterCutover,
        Optional.of(sealQuery));
  }

  /** The backfill's columns before cut-over, or after it (the same unless the change is in place). */
  public BackfillTarget backfill(boolean cutOver) {
    return cutOver ? afterCutover.orElse(backfill) : backfill;
  }

  /** The phase called {@code id}, if the migration has one. */
  public Optional<ExecutionPhase> phase(String id) {
    return phases.stream().filter(phase -> phase.id().equals(id)).findFirst();
  }

  /** The ids of every phase, in order. */
  public List<String> phaseIds() {
    return phases.stream().map(ExecutionPhase::id).toList();
  }

  /** Every forward step with its phase, in execution order. */
  List<PhaseStep> forwardSteps() {
    List<PhaseStep> steps = new ArrayList<>();
    for (ExecutionPhase phase : phases) {
      for (ExecutionStep step : phase.steps()) {
        steps.add(new PhaseStep(phase.id(), step));
      }
    }
    return steps;
  }

  /** A step and the phase it belongs to. */
  record PhaseStep(String phase, ExecutionStep step) {
    String id() {
      return phase + "/" + step.name();
    }
  }
}
