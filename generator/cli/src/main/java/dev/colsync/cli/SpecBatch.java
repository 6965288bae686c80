package dev.colsync.cli;

import dev.colsync.core.spec.MigrationSpec;
import dev.colsync.core.spec.SpecException;
import dev.colsync.core.spec.SpecLoader;
import dev.colsync.core.spec.SpecProblem;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Every spec named on a command line, loaded before anything is done with any of them, with every
 * problem of every spec: a command acts only on a batch without problems.
 */
final class SpecBatch {
  private static final String EXPECTED_PATH = "a spec file, or a directory of *.yaml / *.yml spec files";

  /** A spec and the file it came from. */
  record LoadedSpec(Path file, MigrationSpec spec) {}

  private final List<LoadedSpec> specs = new ArrayList<>();
  private final List<SpecProblem> problems = new ArrayList<>();
  private final Map<String, Path> fileByMigration = new HashMap<>();
  private final SpecLoader loader = new SpecLoader();

  private SpecBatch() {}

  /**
   * Loads the specs {@code paths} name: files as given, directories as their {@code *.yaml} and
   * {@code *.yml} files (sorted, not recursive). A file named twice is loaded once.
   *
   * @throws IOException when a spec exists but cannot be read
   */
  static SpecBatch load(List<Path> paths) throws IOException {
    SpecBatch batch = new SpecBatch();
    Set<Path> seen = new HashSet<>();
    for (Path path : paths) {
      for (Path file : batch.specFilesOf(path)) {
        if (seen.add(file.toAbsolutePath().normalize())) {
          batch.loadFile(file);
        }
      }
    }
    return batch;
  }

  boolean hasProblems() {
    return !problems.isEmpty();
  }

  /** The specs, in the order their files were named; complete only when there are no problems. */
  List<LoadedSpec> specs() {
    return List.copyOf(specs);
  }

  List<MigrationSpec> migrationSpecs() {
    return specs.stream().map(LoadedSpec::spec).toList();
  }

  /**
   * Prints every problem, one per line, then a summary such as {@code 2 problems in 1 spec}
   * followed by {@code consequence} (for example {@code "; nothing was written"}).
   */
  void reportProblems(PrintWriter err, String consequence) {
    problems.forEach(err::println);
    long files = problems.stream().map(SpecProblem::file).distinct().count();
    err.println(count(problems.size(), "problem") + " in " + count(files, "spec") + consequence);
    err.flush();
  }

  private void loadFile(Path file) throws IOException {
    try {
      MigrationSpec spec = loader.load(file);
      Path sameName = fileByMigration.putIfAbsent(spec.migration(), file);
      if (sameName == null) {
        specs.add(new LoadedSpec(file, spec));
      } else {
        problems.add(new SpecProblem(file.toString(), 0, 0, "/migration",
            "migration " + spec.migration() + " is already defined in " + sameName,
            "a migration name no other spec uses"));
      }
    } catch (SpecException e) {
      problems.addAll(e.problems());
    }
  }

  private List<Path> specFilesOf(Path path) throws IOException {
    if (!Files.exists(path)) {
      problems.add(new SpecProblem(path.toString(), 0, 0, "", "no such file or directory", EXPECTED_PATH));
      return List.of();
    }
    if (!Files.isDirectory(path)) {
      return List.of(path);
    }
    List<Path> files;
    try (Stream<Path> entries = Files.list(path)) {
      files = entries.filter(SpecBatch::isYamlFile).sorted().toList();
    }
    if (files.isEmpty()) {
      problems.add(new SpecProblem(path.toString(), 0, 0, "", "the directory has no *.yaml or *.yml file",
          EXPECTED_PATH));
    }
    return files;
  }

  private static boolean isYamlFile(Path file) {
    String name = file.getFileName().toString();
    return (name.endsWith(".yaml") || name.endsWith(".yml")) && Files.isRegularFile(file);
  }

  private static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
