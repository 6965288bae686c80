package dev.colsync.core.formats;

import dev.colsync.core.testing.ContractReady;
import static org.assertj.core.api.Assertions.assertThat;

import dev.colsync.core.output.GeneratedFile;
import dev.colsync.core.output.Generator;
import dev.colsync.core.output.OutputFormat;
import dev.colsync.core.output.OutputWriter;
import dev.colsync.core.plan.Phase;
import dev.colsync.core.plan.PhasePlan;
import dev.colsync.core.plan.Plan;
import dev.colsync.core.plan.Step;
import dev.colsync.runtime.sql.ScriptRunner;
import dev.colsync.testing.EachPostgres;
import dev.colsync.testing.PostgresServer;
import dev.colsync.testing.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PLAIN output, run the way a shell loop would: every {@code NN-*.sql} of a migration's directory
 * in file-name order through {@link ScriptRunner}, so file-name order has to be execution order.
 * Then each phase's {@code rollback/<phase>/} in reverse phase order restores the table.
 */
class PlainFormatTest {
  private static final Pattern SCRIPT = Pattern.compile("[0-9]{2}-([a-z]+)-[a-z0-9-]+\\.sql");

  @EachPostgres
  void plainScriptsRunInFileNameOrder(PostgresServer server, @TempDir Path output) throws Exception {
    List<FormatCase> cases = FormatCase.all(server);
    List<GeneratedFile> files = new Generator().files(cases.stream().map(FormatCase::spec).toList(), OutputFormat.PLAIN);
    new OutputWriter().write(output, files);

    try (TestDatabase database = server.newDatabase(); Connection connection = database.connect()) {
      for (FormatCase change : cases) {
        PhaseFacts facts = new PhaseFacts(connection, change);
        List<String> original = facts.createTable();
        Plan plan = change.plan();
        Path directory = output.resolve(change.migration());
        List<Path> scripts = sqlFiles(directory);
        assertThat(scripts).extracting(script -> Files.readString(script, StandardCharsets.UTF_8))
            .as("%s scripts in file-name order are the plan's steps in execution order", change)
            .containsExactlyElementsOf(plan.steps().stream().map(Step::sql).toList());

        for (int i = 0; i < scripts.size(); i++) {
          Phase phase = phaseOf(scripts.get(i));
          if (phase == Phase.CONTRACT) {
            ContractReady.readPathNew(connection, change.migration());
          }
          ScriptRunner.run(connection, Files.readString(scripts.get(i), StandardCharsets.UTF_8));
          boolean lastOfPhase = i + 1 == scripts.size() || phaseOf(scripts.get(i + 1)) != phase;
          if (lastOfPhase) {
            facts.assertAfter(phase);
            if (phase != Phase.CONTRACT) {
              facts.assertOldWritesReachNewColumn(phase);
            }
          }
        }

        List<PhasePlan> phases = plan.phases();
        for (int p = phases.size() - 1; p >= 0; p--) {
          Path rollback = directory.resolve("rollback").resolve(phases.get(p).phase().id());
          List<Path> undo = Files.isDirectory(rollback) ? sqlFiles(rollback) : List.of();
          assertThat(undo).as("%s rollback scripts of %s", change, phases.get(p).phase().id())
              .hasSize(phases.get(p).rollback().size());
          for (Path script : undo) {
            ScriptRunner.run(connection, Files.readString(script, StandardCharsets.UTF_8));
          }
          if (phases.get(p).phase() == Phase.CONTRACT) {
            facts.assertOldColumnRestored();
          }
        }
        assertThat(facts.columns()).as("%s columns after every rollback", change).containsExactlyElementsOf(original);
        assertThat(facts.colsyncObjects()).as("%s objects after every rollback", change).isEmpty();
      }
    }
  }

  /** The {@code .sql} files directly in {@code directory}, sorted by name as {@code ls} would. */
  private static List<Path> sqlFiles(Path directory) throws IOException {
    try (Stream<Path> entries = Files.list(directory)) {
      return entries.filter(path -> Files.isRegularFile(path) && path.getFileName().toString().endsWith(".sql"))
          .sorted()
          .toList();
    }
  }

  private static Phase phaseOf(Path script) {
    Matcher matcher = SCRIPT.matcher(script.getFileName().toString());
    assertThat(matcher.matches()).as("plain script name %s", script.getFileName()).isTrue();
    return Phase.valueOf(matcher.group(1).toUpperCase(Locale.ROOT));
  }
}
