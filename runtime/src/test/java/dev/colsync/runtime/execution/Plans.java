package dev.colsync.runtime.execution;

import java.time.Duration;
import java.util.List;

/** Hand-made plans of script steps on table {@code public.items}, for tests that need no generated SQL. */
final class Plans {
  static final QualifiedName ITEMS = new QualifiedName("public", "items");

  private Plans() {}

  static ExecutionPlan scripts(String migration, Duration lockTimeout, ExecutionPhase... phases) {
    BackfillTarget backfill = new BackfillTarget(ITEMS, List.of("id"), "name", "name", "name", "name",
        new QualifiedName("public", "colsync_" + migration + "_backfill_state"), 100, Duration.ZERO);
    return new ExecutionPlan(migration, ITEMS, List.of(phases), backfill, lockTimeout, Duration.ofSeconds(30));
  }

  static ExecutionPhase phase(String id, List<ExecutionStep> steps, List<ExecutionStep> rollback) {
    return new ExecutionPhase(id, steps, rollback, false);
  }

  static ExecutionStep step(String name, String sql) {
    return ExecutionStep.script(name, sql);
  }
}
