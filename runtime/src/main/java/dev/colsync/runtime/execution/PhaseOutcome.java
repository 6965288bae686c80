package dev.colsync.runtime.execution;

import java.util.List;
import java.util.Objects;

/**
 * What became of one phase.
 *
 * @param phase the phase's id
 * @param action apply or rollback
 * @param steps each step's outcome, in order (empty for a phase without SQL)
 * @param note a sentence for a phase that ran nothing, empty otherwise
 */
public record PhaseOutcome(String phase, Action action, List<StepOutcome> steps, String note) {
  public PhaseOutcome {
    Objects.requireNonNull(phase, "phase");
    Objects.requireNonNull(action, "action");
    steps = List.copyOf(steps);
    Objects.requireNonNull(note, "note");
  }

  /** Whether every step is done (or had been), so the phase is complete. */
  public boolean complete() {
    return steps.stream().noneMatch(step -> step.result() == StepOutcome.Result.CANCELLED);
  }
}
