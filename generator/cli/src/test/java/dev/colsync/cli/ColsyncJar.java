package dev.colsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The packaged {@code colsync.jar}, run as a user runs it: {@code java -jar}, output kept in files of a directory. */
final class ColsyncJar {
  /** What one run printed, and how it ended. */
  record Run(int exitCode, String out, String err) {}

  /** A run started in the background, and where its output goes. */
  record Started(Process process, Path stdout, Path stderr) {}

  private final Path directory;
  private int runs;

  ColsyncJar(Path directory) {
    this.directory = directory;
  }

  Run run(String... args) throws IOException, InterruptedException {
    return finish(start(Map.of(), args));
  }

  Run run(Map<String, String> environment, String... args) throws IOException, InterruptedException {
    return finish(start(environment, args));
  }

  Started start(Map<String, String> environment, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(requiredProperty("colsync.jar"));
    command.addAll(List.of(args));
    runs++;
    Path stdout = directory.resolve("stdout-" + runs + ".txt");
    Path stderr = directory.resolve("stderr-" + runs + ".txt");
    ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
    builder.environment().putAll(environment);
    return new Started(builder.start(), stdout, stderr);
  }

  static Run finish(Started started) throws IOException, InterruptedException {
    Process process = started.process();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("colsync did not finish within 120 s: " + process.info().commandLine().orElse(""));
    }
    return new Run(process.exitValue(), Files.readString(started.stdout(), StandardCharsets.UTF_8),
        Files.readString(started.stderr(), StandardCharsets.UTF_8));
  }

  static String requiredProperty(String name) {
    String value = System.getProperty(name);
    assertThat(value).as("system property %s, set by the build", name).isNotBlank();
    return value;
  }
}
