package dev.colsync.core.golden;

/*
 * Golden files of the generated Java: Generator#javaFiles for the specs in
 * src/test/resources/java-specs/, compared file by file with src/test/resources/golden/java/<path>.
 * Refreshed with the same one flag as the other golden files (see GoldenFilesTest):
 *
 *   ./mvnw -B -ntp -pl runtime,generator/core -am install -Dtest='dev.colsync.core.golden.**' \
 *       -Dsurefire.failIfNoSpecifiedTests=false -Dcolsync.golden.update=true
 */

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.colsync.core.java.JavaSpecs;
import dev.colsync.core.output.GeneratedFile;
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
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class JavaGoldenFilesTest {
  private static final Path GOLDEN = JavaSpecs.MODULE.resolve("src/test/resources/golden/java");
  /** How messages name a golden file: relative to the repository root. */
  private static final String GOLDEN_SOURCE = "generator/core/src/test/resources/golden/java/";

  @BeforeAll
  static void updateWhenAsked() throws IOException {
    if (Boolean.getBoolean(GoldenFilesTest.UPDATE_PROPERTY)) {
      rewrite(generated());
    }
  }

  @TestFactory
  Stream<DynamicTest> everyGeneratedClassMatchesItsGoldenFile() throws IOException {
    Map<String, String> generated = generated();
    List<DynamicTest> tests = new ArrayList<>();
    generated.forEach((path, content) -> tests.add(dynamicTest(path, () -> compare(path, content))));
    tests.add(dynamicTest("no golden file that is no longer generated", () -> noStaleGoldenFiles(generated)));
    return tests.stream();
  }

  @Test
  void onlySpecsWithJavaGetAShim() {
    assertThat(generated().keySet()).containsExactly(
        "com/example/events/EventsCreatedAtTzShim.java",
        "com/example/sales/OrderLinesExtUuidShim.java",
        "com/example/orders/OrderAmounts.java",
        "com/example/users/UsersFullNameShim.java");
  }

  private static Map<String, String> generated() {
    Map<String, String> files = new LinkedHashMap<>();
    for (GeneratedFile file : JavaSpecs.generated()) {
      files.put(file.path(), file.content());
    }
    return files;
  }

  private static void compare(String path, String actual) throws IOException {
    Path golden = GOLDEN.resolve(path);
    if (!Files.exists(golden)) {
      fail("generated file has no golden file; create " + GOLDEN_SOURCE + path
          + " (run with -D" + GoldenFilesTest.UPDATE_PROPERTY + "=true to write it)");
    }
    String expected = Files.readString(golden, StandardCharsets.UTF_8);
    if (!expected.equals(actual)) {
      fail(GOLDEN_SOURCE + path + " differs from the generated file (run with -D" + GoldenFilesTest.UPDATE_PROPERTY
          + "=true to accept the generated one)\n" + Diffs.firstDifference(GOLDEN_SOURCE + path, expected, actual));
    }
  }

  private static void noStaleGoldenFiles(Map<String, String> generated) throws IOException {
    TreeSet<String> stale = new TreeSet<>();
    if (Files.isDirectory(GOLDEN)) {
      try (Stream<Path> walk = Files.walk(GOLDEN)) {
        walk.filter(Files::isRegularFile).map(p -> GOLDEN.relativize(p).toString().replace('\\', '/'))
            .filter(path -> !generated.containsKey(path))
            .forEach(path -> stale.add(GOLDEN_SOURCE + path));
      }
    }
    if (!stale.isEmpty()) {
      fail("golden files no longer generated; delete them (or run with -D" + GoldenFilesTest.UPDATE_PROPERTY
          + "=true):\n  " + String.join("\n  ", stale));
    }
  }

  private static void rewrite(Map<String, String> generated) throws IOException {
    if (Files.exists(GOLDEN)) {
      try (Stream<Path> walk = Files.walk(GOLDEN)) {
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
      Path target = GOLDEN.resolve(file.getKey());
      Files.createDirectories(target.getParent());
      Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
    }
  }
}
