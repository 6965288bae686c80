package dev.colsync.core.plan;

import java.util.List;
import java.util.Objects;

/**
 * The scripts of one phase and the scripts that undo it.
 *
 * @param phase the phase
 * @param steps its scripts in execution order (empty for a phase without DDL, such as the switch)
 * @param rollback the scripts that restore the state before the phase, in execution order
 */
public record PhasePlan(Phase phase, List<Step> steps, List<Step> rollback) {
  public PhasePlan {
    Objects.requireNonNull(phase, "phase");
    steps = List.copyOf(steps);
    rollback = List.copyOf(rollback);
  }
}
