package dev.colsync.core.plan;

import dev.colsync.core.spec.MigrationSpec;
import java.util.List;
import java.util.Objects;

/**
 * Everything one migration runs, phase by phase, with the names of the objects it creates.
 *
 * @param spec the spec it was planned from
 * @param names the generated object names
 * @param phases every phase in execution order
 */
public record Plan(MigrationSpec spec, ObjectNames names, List<PhasePlan> phases) {
  public Plan {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(names, "names");
    phases = List.copyOf(phases);
  }

  /** Every forward step in execution order. */
  public List<Step> steps() {
    return phases.stream().flatMap(phase -> phase.steps().stream()).toList();
  }

  /** The phase plan of {@code phase}. */
  public PhasePlan phase(Phase phase) {
    return phases.stream().filter(p -> p.phase() == phase).findFirst().orElseThrow();
  }
}
