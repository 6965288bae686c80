package dev.colsync.core.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hostile corpus ({@code specs/hostile/}, each file saying in its first line what it attempts):
 * spec text that would end a generated statement and start another, or that psql, Flyway or Liquibase
 * would act on before PostgreSQL sees it. Every one is refused while the spec is read, each problem
 * located by line and column.
 */
class HostileSpecsTest {
  static final Path CORPUS = Path.of("src/test/resources/specs/hostile");

  static Stream<Path> corpus() throws IOException {
    try (Stream<Path> files = Files.list(CORPUS)) {
      return files.filter(file -> file.toString().endsWith(".yaml")).sorted().toList().stream();
    }
  }

  @Test
  void theCorpusHoldsAtLeastSixtySpecs() throws IOException {
    assertThat(corpus().count()).isGreaterThanOrEqualTo(60);
  }

  @ParameterizedTest
  @MethodSource("corpus")
  void everyHostileSpecIsRefusedWithALocatedProblem(Path file) throws IOException {
    SpecException refused = catchThrowableOfType(SpecException.class, () -> new SpecLoader().load(file));
    assertThat(refused).as("%s: %s", file.getFileName(), Files.readAllLines(file).get(0)).isNotNull();
    List<SpecProblem> problems = refused.problems();
    assertThat(problems).isNotEmpty().allSatisfy(problem -> {
      assertThat(problem.line()).isPositive();
      assertThat(problem.column()).isPositive();
      assertThat(problem.message()).doesNotContain("Exception", "java.");
    });
  }
}
