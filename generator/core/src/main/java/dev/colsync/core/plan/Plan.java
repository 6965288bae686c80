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
 * @param strategy why the change is planned the way it is ({@code strategy: auto}); empty when the spec left
 *     nothing to choose
 */
public record Plan(MigrationSpec spec, ObjectNames names, List<PhasePlan> phases, String strategy) {
  public Plan {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(names, "names");
    phases = List.copyOf(phases);
    Objects.requireNonNull(strategy, "strategy");
  }

  /** A plan whose spec left nothing to choose. */
  public Plan(MigrationSpec spec, ObjectNames names, List<PhasePlan> phases) {
    this(spec, names, phases, "");
  }

  /** Whether the whole change is one catalog-only {@code ALTER … TYPE} (phase {@code alter-type}). */
  public boolean catalogOnly() {
    return phases.stream().anyMatch(phase -> phase.phase() == Phase.ALTER_TYPE);
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
