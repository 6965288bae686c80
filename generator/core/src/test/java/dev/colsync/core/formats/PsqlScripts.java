package dev.colsync.core.formats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.colsync.testing.Psql;
import dev.colsync.testing.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** One migration's plain scripts, run by psql as its runbook says. */
record PsqlScripts(Psql psql, TestDatabase database, Path directory) {
  void runPhase(String phase) throws Exception {
    for (Path script : files()) {
      if (script.getFileName().toString().matches("[0-9]{2}-" + phase + "-.*")) {
        Psql.Result result = run(script, Map.of());
        assertThat(result.succeeded()).as("%s: %s", script.getFileName(), result.output()).isTrue();
      }
    }
  }

  Psql.Result run(String step) throws Exception {
    return run(step, Map.of());
  }

  Psql.Result run(String step, Map<String, String> environment) throws Exception {
    return run(files().stream().filter(file -> file.getFileName().toString().matches("[0-9]{2}-" + step + "\\.sql"))
        .findFirst().orElseThrow(), environment);
  }

  /** A script by its path under the migration's directory, e.g. {@code rollback/expand/01-drop-column.sql}. */
  Psql.Result runFile(String relative) throws Exception {
    return run(directory.resolve(relative), Map.of());
  }

  private Psql.Result run(Path script, Map<String, String> environment) throws Exception {
    boolean noTransaction = Files.readString(script, StandardCharsets.UTF_8).contains("-- colsync:no-transaction");
    return psql.run(database, script, !noTransaction, environment);
  }

  private List<Path> files() throws IOException {
    try (Stream<Path> entries = Files.list(directory)) {
      return entries.filter(path -> path.getFileName().toString().endsWith(".sql")).sorted().toList();
    }
  }
}
