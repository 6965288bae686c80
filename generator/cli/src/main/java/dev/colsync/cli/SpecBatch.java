package dev.colsync.cli;

import dev.colsync.core.spec.MigrationSpec;
import dev.colsync.core.spec.SpecProblem;
import dev.colsync.core.spec.SpecSet;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * Every spec named on a command line, loaded before anything is done with any of them (see
 * {@link SpecSet}), and how the CLI reports their problems.
 */
final class SpecBatch {
  /** A spec and the file it came from. */
  record LoadedSpec(Path file, MigrationSpec spec) {}

  private final SpecSet set;

  private SpecBatch(SpecSet set) {
    this.set = set;
  }

  /**
   * Loads the specs {@code paths} name: files as given, directories as their {@code *.yaml} and
   * {@code *.yml} files (sorted, not recursive). A file named twice is loaded once.
   *
   * @throws IOException when a spec exists but cannot be read
   */
  static SpecBatch load(List<Path> paths) throws IOException {
    return new SpecBatch(SpecSet.load(paths));
  }

  boolean hasProblems() {
    return set.hasProblems();
  }

  /** The specs, in the order their files were named; complete only when there are no problems. */
  List<LoadedSpec> specs() {
    return set.loaded().stream().map(loaded -> new LoadedSpec(loaded.file(), loaded.spec())).toList();
  }

  List<MigrationSpec> migrationSpecs() {
    return set.loaded().stream().map(SpecSet.LoadedSpec::spec).toList();
  }

  /**
   * Prints every problem, one per line, then a summary such as {@code 2 problems in 1 spec}
   * followed by {@code consequence} (for example {@code "; nothing was written"}).
   */
  void reportProblems(PrintWriter err, String consequence) {
    List<SpecProblem> problems = set.problems();
    problems.forEach(err::println);
    long files = problems.stream().map(SpecProblem::file).distinct().count();
    err.println(count(problems.size(), "problem") + " in " + count(files, "spec") + consequence);
    err.flush();
  }

  private static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
