package dev.colsync.cli;

import dev.colsync.core.execution.ExecutionPlans;
import dev.colsync.core.output.Generator;
import dev.colsync.core.plan.Plan;
import dev.colsync.core.spec.MigrationSpec;
import dev.colsync.runtime.execution.ExecutionPlan;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Specs named on a command line, planned for the executor. */
final class MigrationFile {
  /** A spec, its plan, and the plan as the executor takes it. */
  record Loaded(Path file, MigrationSpec spec, Plan plan, ExecutionPlan execution) {}

  private MigrationFile() {}

  /**
   * Loads and plans every spec {@code paths} name; when any has a problem, reports every problem to
   * {@code err} and returns nothing.
   */
  static Optional<List<Loaded>> load(List<Path> paths, PrintWriter err) throws IOException {
    SpecBatch batch = SpecBatch.load(paths);
    if (batch.hasProblems()) {
      batch.reportProblems(err, "; nothing was done");
      return Optional.empty();
    }
    Generator generator = new Generator();
    List<Loaded> loaded = new ArrayList<>();
    for (SpecBatch.LoadedSpec spec : batch.specs()) {
      Plan plan = generator.plan(spec.spec());
      loaded.add(new Loaded(spec.file(), spec.spec(), plan, ExecutionPlans.of(plan)));
    }
    return Optional.of(loaded);
  }

  /** The one spec {@code path} names; a directory of several specs is reported as bad input. */
  static Optional<Loaded> loadOne(Path path, PrintWriter err) throws IOException {
    Optional<List<Loaded>> loaded = load(List.of(path), err);
    if (loaded.isPresent() && loaded.get().size() != 1) {
      err.println(path + " holds " + loaded.get().size() + " specs; name one spec file");
      err.flush();
      return Optional.empty();
    }
    return loaded.map(list -> list.get(0));
  }
}
