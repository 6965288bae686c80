package dev.colsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the packaged, shaded {@code colsync.jar} the way a user does: {@code java -jar}. Failsafe runs
 * it after {@code package}; the tag keeps surefire from running it before the jar exists.
 */
@Tag("packaged-jar")
class ColsyncJarIT {
  @TempDir
  Path dir;

  @Test
  void printsTheProjectVersion() throws Exception {
    JarRun run = runJar("--version");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
    assertThat(run.out().strip()).isEqualTo("colsync " + requiredProperty("colsync.expected.version"));
  }

  @Test
  void validatesAGoodSpecAndRejectsABadOne() throws Exception {
    Path good = SpecFiles.rename(dir, "good.yaml", "users_full_name");
    Path bad = SpecFiles.twoProblems(dir, "bad.yaml");

    JarRun ok = runJar("validate", good.toString());
    JarRun rejected = runJar("validate", bad.toString());

    assertThat(ok.exitCode()).as(ok.toString()).isEqualTo(ExitCodes.OK);
    assertThat(ok.out()).contains("ok: " + good + " (users_full_name)");
    assertThat(rejected.exitCode()).as(rejected.toString()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(rejected.err()).contains(bad + ":4:1: /colour: ", "2 problems in 1 spec");
  }

  @Test
  void generatesFromASpec() throws Exception {
    Path spec = SpecFiles.retype(dir, "retype.yaml", "orders_amount_cents");
    Path out = dir.resolve("out");

    JarRun run = runJar("generate", spec.toString(), "--out", out.toString(), "--format", "flyway");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
    assertThat(out.resolve("orders_amount_cents/runbook.md")).isRegularFile();
  }

  private record JarRun(int exitCode, String out, String err) {}

  private JarRun runJar(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(requiredProperty("colsync.jar"));
    command.addAll(List.of(args));
    Path stdout = dir.resolve("stdout.txt");
    Path stderr = dir.resolve("stderr.txt");
    Process process = new ProcessBuilder(command)
        .redirectOutput(stdout.toFile())
        .redirectError(stderr.toFile())
        .start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("colsync " + String.join(" ", args) + " did not finish within 60 s");
    }
    return new JarRun(process.exitValue(),
        Files.readString(stdout, StandardCharsets.UTF_8),
        Files.readString(stderr, StandardCharsets.UTF_8));
  }

  private static String requiredProperty(String name) {
    String value = System.getProperty(name);
    assertThat(value).as("system property %s, set by the build", name).isNotBlank();
    return value;
  }
}
