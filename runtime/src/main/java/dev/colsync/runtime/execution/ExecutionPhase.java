package dev.colsync.runtime.execution;

import java.util.List;
import java.util.Objects;

/**
 * One phase of a migration: its steps in order and the steps that undo it.
 *
 * @param id the phase's lower-case name ({@code expand}, {@code contract})
 * @param steps its steps in execution order; empty for a phase without SQL (the read-path switch)
 * @param rollback the steps that restore the state before the phase, in execution order
 * @param irreversible whether the phase destroys what its rollback cannot bring back exactly (the old
 *     column's data): the executor then applies it only once every row has converged and the
 *     read-path flag is NEW, unless the caller names an override
 */
public record ExecutionPhase(String id, List<ExecutionStep> steps, List<ExecutionStep> rollback, boolean irreversible) {
  public ExecutionPhase {
    Objects.requireNonNull(id, "id");
    steps = List.copyOf(steps);
    rollback = List.copyOf(rollback);
    long distinct = steps.stream().map(ExecutionStep::name).distinct().count();
    if (distinct != steps.size()) {
      throw new IllegalArgumentException("phase " + id + " has two steps of one name");
    }
  }
}
