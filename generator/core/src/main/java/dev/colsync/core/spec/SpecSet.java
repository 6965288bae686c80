package dev.colsync.core.spec;

import java.io.IOException;
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
 * Specs loaded together, before anything is done with any of them, with every problem of every
 * spec: the CLI and the build act only on a set without problems.
 */
public final class SpecSet {
  private static final String EXPECTED_PATH = "a spec file, or a directory of *.yaml / *.yml spec files";

  /** A spec and the file it came from. */
  public record LoadedSpec(Path file, MigrationSpec spec) {}

  private final List<LoadedSpec> specs = new ArrayList<>();
  private final List<SpecProblem> problems = new ArrayList<>();
  private final Map<String, Path> fileByMigration = new HashMap<>();
  private final SpecLoader loader = new SpecLoader();

  private SpecSet() {}

  /**
   * Loads the specs {@code paths} name: files as given, directories as their {@code *.yaml} and
   * {@code *.yml} files (sorted, not recursive). A file named twice is loaded once; two specs with
   * one migration name are a problem.
   *
   * @throws IOException when a spec exists but cannot be read
   */
  public static SpecSet load(List<Path> paths) throws IOException {
    SpecSet set = new SpecSet();
    Set<Path> seen = new HashSet<>();
    for (Path path : paths) {
      for (Path file : set.specFilesOf(path)) {
        if (seen.add(file.toAbsolutePath().normalize())) {
          set.loadFile(file);
        }
      }
    }
    return set;
  }

  public boolean hasProblems() {
    return !problems.isEmpty();
  }

  public List<SpecProblem> problems() {
    return List.copyOf(problems);
  }

  /** The specs, in the order their files were named; complete only when there are no problems. */
  public List<LoadedSpec> loaded() {
    return List.copyOf(specs);
  }

  /**
   * The specs of a set without problems.
   *
   * @throws SpecException with every problem, if there is any
   */
  public List<MigrationSpec> requireValid() throws SpecException {
    if (hasProblems()) {
      throw new SpecException(problems);
    }
    return specs.stream().map(LoadedSpec::spec).toList();
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
      files = entries.filter(SpecSet::isYamlFile).sorted().toList();
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
}
