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
import dev.colsync.testing.EachPostgres;
import dev.colsync.testing.PostgresServer;
import dev.colsync.testing.TestDatabase;
import java.nio.file.Path;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import liquibase.Scope;
import liquibase.command.CommandScope;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.DirectoryResourceAccessor;
import liquibase.resource.ResourceAccessor;
import liquibase.ui.LoggerUIService;
import org.junit.jupiter.api.io.TempDir;

/**
 * The LIQUIBASE output, run by Liquibase itself: {@code update} with a label filter per phase, then
 * {@code rollbackCount} phase by phase back to the table as it was, using the {@code --rollback}
 * lines attached to each phase's first changeset.
 */
class LiquibaseFormatTest {

  @EachPostgres
  void liquibaseDeploysEachPhaseByLabelAndRollsBack(PostgresServer server, @TempDir Path output) throws Exception {
    List<FormatCase> cases = FormatCase.all(server);
    List<GeneratedFile> files = new Generator().files(cases.stream().map(FormatCase::spec).toList(), OutputFormat.LIQUIBASE);
    new OutputWriter().write(output, files);

    try (TestDatabase database = server.newDatabase(); Connection connection = database.connect();
         Connection liquibaseConnection = database.connect()) {
      Database liquibase = DatabaseFactory.getInstance()
          .findCorrectDatabaseImplementation(new JdbcConnection(liquibaseConnection));
      // One migration at a time: rollbackCount undoes the most recently run changesets of any migration.
      for (FormatCase change : cases) {
        PhaseFacts facts = new PhaseFacts(connection, change);
        List<String> original = facts.createTable();
        Plan plan = change.plan();
        String changelog = change.migration() + "/changelog.sql";
        List<PhasePlan> deployed = new ArrayList<>();

        for (PhasePlan phase : plan.phases()) {
          if (phase.steps().isEmpty()) {
            continue;
          }
          if (phase.phase() == Phase.CONTRACT) {
            ContractReady.readPathNew(connection, change.migration());
          }
          run(output, "update", Map.of(
              "database", liquibase,
              "changelogFile", changelog,
              "labelFilter", change.migration() + " and " + phase.phase().id()));
          assertThat(facts.count("SELECT count(*) FROM public.databasechangelog WHERE labels LIKE '%"
              + change.migration() + "," + phase.phase().id() + "%'"))
              .as("%s changesets run for %s", change, phase.phase().id())
              .isEqualTo(changeSets(output.resolve(changelog), change.migration() + "," + phase.phase().id()))
              .isGreaterThanOrEqualTo(phase.steps().size());
          facts.assertAfter(phase.phase());
          if (phase.phase() != Phase.CONTRACT) {
            facts.assertOldWritesReachNewColumn(phase.phase());
          }
          deployed.add(0, phase);
        }

        for (PhasePlan phase : deployed) {
          run(output, "rollbackCount", Map.of(
              "database", liquibase,
              "changelogFile", changelog,
              "count", changeSets(output.resolve(changelog), change.migration() + "," + phase.phase().id())));
          switch (phase.phase()) {
            case CONTRACT -> {
              facts.assertOldColumnRestored();
              facts.assertOldWritesReachNewColumn(Phase.CONTRACT);
            }
            case VALIDATE -> assertThat(facts.columns()).as("%s columns after rolling back validate", change)
                .contains(change.newColumn() + " " + change.spec().change().to().type());
            case BACKFILL -> assertThat(facts.colsyncObjects()).as("%s objects after rolling back backfill", change)
                .noneMatch(object -> object.contains("backfill"));
            case EXPAND -> {
              assertThat(facts.columns()).as("%s columns after rolling back expand", change)
                  .containsExactlyElementsOf(original);
              assertThat(facts.colsyncObjects()).as("%s objects after rolling back expand", change).isEmpty();
            }
            default -> throw new IllegalStateException("unexpected phase " + phase.phase());
          }
        }
        assertThat(facts.count("SELECT count(*) FROM public.databasechangelog WHERE labels LIKE '"
            + change.migration() + ",%'")).as("%s changesets recorded after rolling back everything", change).isZero();
      }
    }
  }

  /** Runs a Liquibase command with the output directory as its resources. */
  private static void run(Path output, String command, Map<String, Object> arguments) throws Exception {
    Scope.child(scope(new DirectoryResourceAccessor(output)), () -> {
      CommandScope commandScope = new CommandScope(command);
      arguments.forEach(commandScope::addArgumentValue);
      commandScope.setOutput(java.io.OutputStream.nullOutputStream()); // no update summary in the build output
      commandScope.execute();
    });
  }

  /** How many changesets of {@code changelog} carry {@code labels} (a script with dollar quotes has one per statement). */
  private static long changeSets(Path changelog, String labels) throws IOException {
    return Files.readAllLines(changelog).stream()
        .filter(line -> line.startsWith("--changeset ") && line.contains(" labels:" + labels + " ")).count();
  }

  /** Liquibase's scope: {@code resources} as the changelog's files, messages to the log, no usage analytics sent. */
  static Map<String, Object> scope(ResourceAccessor resources) {
    return Map.of(
        Scope.Attr.resourceAccessor.name(), resources,
        Scope.Attr.ui.name(), new LoggerUIService(),
        "liquibase.analytics.enabled", false);
  }
}
