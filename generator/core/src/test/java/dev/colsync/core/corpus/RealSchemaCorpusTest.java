package dev.colsync.core.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.colsync.testing.PostgresServer;
import dev.colsync.testing.PostgresServers;
import dev.colsync.testing.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The real-schema corpus (see {@link Corpus}): each change on a fresh copy of its sample database, on
 * every PostgreSQL version, with both application versions writing through every phase and rollback.
 * The walk proves 0 writer errors, 0 divergent rows and 0 lost acknowledged writes; this test then holds
 * the outcome to what was reviewed: the catalog diff from before the change to after contract, or the
 * refusal followed by a walk that succeeds once the team applied the remedy the refusal advises.
 *
 * <p>The expected outcomes live in {@code src/test/resources/corpus/expected/<change>.txt};
 * {@code -Dcolsync.golden.update=true} rewrites them.
 */
class RealSchemaCorpusTest {
  private static final Path MODULE = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
  private static final Path EXPECTED = MODULE.resolve("src/test/resources/corpus/expected");
  /** One line per run with its counts, for the reader of a build (not compared). */
  private static final Path COUNTS = MODULE.resolve("target/corpus-counts.txt");

  /** {@code -Dcolsync.corpus.only=REGEX} runs only the changes whose name matches. */
  static Stream<Arguments> changes() {
    String only = System.getProperty("colsync.corpus.only", "");
    List<Arguments> arguments = new ArrayList<>();
    for (CorpusChange change : Corpus.changes()) {
      if (!only.isEmpty() && !change.id().matches(only)) {
        continue;
      }
      for (PostgresServer server : PostgresServers.all()) {
        arguments.add(Arguments.of(change, server));
      }
    }
    return arguments.stream();
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("changes")
  void theChangeRunsWithBothVersionsWritingOrIsRefusedWithARemedyThatWorks(CorpusChange change,
      PostgresServer server) throws Exception {
    try (TestDatabase database = server.newDatabase(); Connection admin = database.connect()) {
      CorpusRun run = CorpusRun.on(database, change, admin);
      CorpusRun.Outcome outcome = run.walk();
      List<String> report = new ArrayList<>();
      if (change.refusal().isPresent()) {
        assertThat(outcome.refused()).as("%s: expected a refusal", change).isTrue();
        assertThat(String.join("\n", outcome.refusal())).as("%s: the refusal", change)
            .contains(change.refusal().get().messageContains());
        report.add("refused:");
        outcome.refusal().forEach(message -> report.add("  " + message));
        run.remedy();
        outcome = run.walk();
        report.add("after the remedy:");
      }
      assertThat(outcome.refusal()).as("%s: refused", change).isEmpty();
      assertThat(outcome.writes()).as("%s: writes by the applications", change).isPositive();
      report.addAll(outcome.catalogDiff());
      Files.createDirectories(COUNTS.getParent());
      Files.writeString(COUNTS, String.format("%s on PostgreSQL %s: %s, %d acknowledged writes on %d rows,"
              + " %d rows verified, 0 errors, 0 divergent, 0 lost%n", change, server.majorVersion(),
              change.refusal().isPresent() ? "refused, then done after the remedy" : "done", outcome.writes(),
              outcome.rowsWritten(), outcome.rowsChecked()), StandardCharsets.UTF_8,
          java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
      expect(change, server, report);
    }
  }

  /** Compares with the reviewed outcome, per major version where the catalog prints differently. */
  private static void expect(CorpusChange change, PostgresServer server, List<String> report) throws IOException {
    String text = String.join("\n", report) + "\n";
    Path versioned = EXPECTED.resolve(change.id() + ".pg" + server.majorVersion() + ".txt");
    Path shared = EXPECTED.resolve(change.id() + ".txt");
    Path file = Files.exists(versioned) ? versioned : shared;
    if (Boolean.getBoolean("colsync.golden.update")) {
      Files.createDirectories(EXPECTED);
      if (!Files.exists(shared) || Files.readString(shared, StandardCharsets.UTF_8).equals(text)) {
        Files.writeString(shared, text, StandardCharsets.UTF_8);
      } else {
        Files.writeString(versioned, text, StandardCharsets.UTF_8);
      }
      return;
    }
    assertThat(file).as("%s: no reviewed outcome yet; run with -Dcolsync.golden.update=true and review it", change)
        .exists();
    assertThat(text).as("%s: outcome (%s)", change, file.getFileName())
        .isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
  }
}
