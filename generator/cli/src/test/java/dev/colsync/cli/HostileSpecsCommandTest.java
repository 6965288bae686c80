package dev.colsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The core module's hostile corpus through the command line: validate and generate each exit 2 with a
 * located message, and generate writes nothing.
 */
class HostileSpecsCommandTest {
  private static final Path CORPUS = Path.of("../core/src/test/resources/specs/hostile");

  static Stream<Path> corpus() throws IOException {
    try (Stream<Path> files = Files.list(CORPUS)) {
      return files.filter(file -> file.toString().endsWith(".yaml")).sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("corpus")
  void validateAndGenerateRefuseIt(Path spec, @TempDir Path out) throws IOException {
    String located = spec.getFileName() + ":[0-9]+:[0-9]+: ";
    CommandRun validate = CommandRun.of("validate", spec.toString());
    assertThat(validate.exitCode()).as("validate %s", spec.getFileName()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(validate.err()).containsPattern(located).doesNotContain("Exception");

    Path target = out.resolve("generated");
    CommandRun generate = CommandRun.of("generate", spec.toString(), "--out", target.toString());
    assertThat(generate.exitCode()).as("generate %s", spec.getFileName()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(generate.err()).containsPattern(located).doesNotContain("Exception");
    assertThat(Files.exists(target) ? Files.list(target).count() : 0L).as("files written").isZero();
  }
}
