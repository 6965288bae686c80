package dev.colsync.core.golden;

/*
 * Golden files: everything Generator#files produces for the specs in
 * src/test/resources/golden-specs/, in every output format, compared file by file with
 * src/test/resources/golden/<format>/<path>.
 *
 * After an intended change to the generated output, refresh the whole golden tree with ONE flag
 * (from the repository root), then review the change with `git diff`:
 *
 *   ./mvnw -B -ntp -pl runtime,generator/core -am install -Dtest='dev.colsync.core.golden.**' \
 *       -Dsurefire.failIfNoSpecifiedTests=false -Dcolsync.golden.update=true
 *
 * The update rewrites src/test/resources/golden/ in the source tree (not target/): files that are no
 * longer generated are deleted, every generated file is written, and the comparison then runs as usual.
 */

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.colsync.core.output.GeneratedFile;
import dev.colsync.core.output.Generator;
import dev.colsync.core.output.OutputFormat;
import dev.colsync.core.spec.MigrationSpec;
import dev.colsync.core.spec.SpecException;
import dev.colsync.core.spec.SpecLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class GoldenFilesTest {
  /** The one flag that rewrites the golden tree. */
  static final String UPDATE_PROPERTY = "colsync.golden.update";

  private static final Path MODULE = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
  private static final Path SPECS = MODULE.resolve("src/test/resources/golden-specs");
  private static final Path GOLDEN = MODULE.resolve("src/test/resources/golden");
  /** How messages name a golden file: relative to the repository root. */
  private static final String GOLDEN_SOURCE = "generator/core/src/test/resources/golden/";

  private static List<MigrationSpec> specs;

  @BeforeAll
  static void loadSpecs() throws Exception {
    specs = loadGoldenSpecs();
    if (Boolean.getBoolean(UPDATE_PROPERTY)) {
      for (OutputFormat format : OutputFormat.values()) {
        rewrite(format, generate(format));
      }
    }
  }

  /** The golden specs, in file-name order. */
  static List<MigrationSpec> loadGoldenSpecs() throws Exception {
    List<Path> files;
    try (Stream<Path> list = Files.list(SPECS)) {
      files = list.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
    }
    SpecLoader loader = new SpecLoader();
    List<MigrationSpec> loaded = new ArrayList<>();
    for (Path file : files) {
      loaded.add(loader.load(MODULE.relativize(file)));
    }
    return loaded;
  }

  @Test
  void coversEnoughSpecs() {
    assertThat(specs).hasSizeGreaterThanOrEqualTo(4);
    assertThat(specs).extracting(MigrationSpec::migration).doesNotHaveDuplicates();
  }

  @TestFactory
  Stream<DynamicNode> everyGeneratedFileMatchesItsGoldenFile() {
    return Stream.of(OutputFormat.values()).map(format -> {
      Map<String, String> generated = generate(format);
      List<DynamicNode> tests = new ArrayList<>();
      generated.forEach((path, content) ->
          tests.add(dynamicTest(path, () -> compare(format, path, content))));
      tests.add(dynamicTest("no golden file that is no longer generated", () -> noStaleGoldenFiles(format, generated)));
      return DynamicContainer.dynamicContainer(format.id(), tests);
    });
  }

  @Test
  void generationIsDeterministic() throws Exception {
    for (OutputFormat format : OutputFormat.values()) {
      List<GeneratedFile> first = new Generator().files(specs, format);
      List<GeneratedFile> second = new Generator().files(loadAgain(), format);
      assertThat(second).as("second generation of %s", format.id()).containsExactlyElementsOf(first);
    }
  }

  @Test
  void everyFormatIncludesARunbookPerMigration() throws Exception {
    for (OutputFormat format : OutputFormat.values()) {
      Map<String, String> generated = generate(format);
      for (MigrationSpec spec : specs) {
        assertThat(generated).as("%s runbook of %s", format.id(), spec.migration())
            .containsKey(spec.migration() + "/runbook.md");
      }
    }
  }

  private static List<MigrationSpec> loadAgain() {
    try {
      return loadGoldenSpecs();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, String> generate(OutputFormat format) {
    Map<String, String> files = new LinkedHashMap<>();
    List<GeneratedFile> generated;
    try {
      generated = new Generator().files(specs, format);
    } catch (SpecException e) {
      throw new IllegalStateException("the golden specs cannot be generated together: " + e.getMessage(), e);
    }
    for (GeneratedFile file : generated) {
      String previous = files.put(file.path(), file.content());
      if (previous != null) {
        fail(format.id() + ": " + file.path() + " is generated twice");
      }
    }
    return files;
  }

  private static void compare(OutputFormat format, String path, String actual) throws IOException {
    Path golden = GOLDEN.resolve(format.id()).resolve(path);
    String relative = GOLDEN_SOURCE + format.id() + "/" + path;
    if (!Files.exists(golden)) {
      fail("generated file has no golden file; create " + relative
          + " (run with -D" + UPDATE_PROPERTY + "=true to write it)");
    }
    String expected = Files.readString(golden, StandardCharsets.UTF_8);
    if (!expected.equals(actual)) {
      fail(relative + " differs from the generated file (run with -D" + UPDATE_PROPERTY
          + "=true to accept the generated one)\n" + Diffs.firstDifference(relative, expected, actual));
    }
  }

  private static void noStaleGoldenFiles(OutputFormat format, Map<String, String> generated) throws IOException {
    Path root = GOLDEN.resolve(format.id());
    TreeSet<String> stale = new TreeSet<>();
    for (String path : goldenPaths(root)) {
      if (!generated.containsKey(path)) {
        stale.add(GOLDEN_SOURCE + format.id() + "/" + path);
      }
    }
    if (!stale.isEmpty()) {
      fail("golden files no longer generated; delete them (or run with -D" + UPDATE_PROPERTY
          + "=true):\n  " + String.join("\n  ", stale));
    }
  }

  /** Every regular file under {@code root}, as a relative path with forward slashes. */
  private static List<String> goldenPaths(Path root) throws IOException {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile)
          .map(p -> root.relativize(p).toString().replace('\\', '/'))
          .sorted()
          .toList();
    }
  }

  private static void rewrite(OutputFormat format, Map<String, String> generated) throws IOException {
    Path root = GOLDEN.resolve(format.id());
    if (Files.exists(root)) {
      try (Stream<Path> walk = Files.walk(root)) {
        walk.sorted(Comparator.reverseOrder()).forEach(p -> {
          try {
            Files.delete(p);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
      }
    }
    for (Map.Entry<String, String> file : generated.entrySet()) {
      Path target = root.resolve(file.getKey());
      Files.createDirectories(target.getParent());
      Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
    }
  }
}
