package dev.colsync.core.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.colsync.core.output.GeneratedFile;
import dev.colsync.core.output.Generator;
import dev.colsync.core.output.OutputFormat;
import dev.colsync.core.output.OutputWriter;
import dev.colsync.core.plan.Planner;
import dev.colsync.runtime.flag.InstanceReporter;
import dev.colsync.runtime.flag.JdbcFlagStore;
import dev.colsync.runtime.flag.ReadPath;
import dev.colsync.testing.EachPostgres;
import dev.colsync.testing.PostgresServer;
import dev.colsync.testing.Psql;
import dev.colsync.testing.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import liquibase.Scope;
import liquibase.command.CommandScope;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.DirectoryResourceAccessor;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.io.TempDir;

/**
 * Contract's drop gates itself, whoever runs it: through psql or Flyway, run too early, with the flag
 * short of NEW, while a running instance reports another read path, or after the sync trigger changed since
 * the convergence check, it refuses and every
 * value of the old column stays; an override is a deliberate session setting and is recorded.
 */
class ContractGateTest {
  private static final String CHECK = "contract-" + Planner.CHECK_CONVERGENCE;

  @EachPostgres
  void psqlRunsOfContractRefuseUntilTheCheckPassedAndTheFlagIsNew(PostgresServer server, @TempDir Path output)
      throws Exception {
    Psql psql = Psql.onPath();
    List<FormatCase> cases = FormatCase.all(server);
    new OutputWriter().write(output, new Generator().files(cases.stream().map(FormatCase::spec).toList(),
        OutputFormat.PLAIN));
    try (TestDatabase database = server.newDatabase(); Connection connection = database.connect()) {
      for (FormatCase change : cases) {
        PhaseFacts facts = new PhaseFacts(connection, change);
        facts.createTable();
        PsqlScripts scripts = new PsqlScripts(psql, database, output.resolve(change.migration()));
        scripts.runPhase("expand");
        List<String> oldValues = facts.values(change.quotedOld());
        List<String> expectedNew = facts.values(change.up());

        assertThat(scripts.run(CHECK).output()).as("%s check right after expand", change)
            .contains("rows have").contains("IS DISTINCT FROM up(");
        assertRefused(scripts, change, "no convergence check has passed");
        assertThat(facts.values(change.quotedOld())).as("%s old column after a refused contract", change)
            .isEqualTo(oldValues);

        scripts.runPhase("backfill");
        scripts.runPhase("validate");
        assertRefused(scripts, change, "no convergence check has passed");
        assertThat(scripts.run(CHECK).succeeded()).as("%s check after the backfill", change).isTrue();
        assertRefused(scripts, change, "the read-path flag is not set (OLD), not NEW");
        JdbcFlagStore.write(connection, change.migration(), ReadPath.SHADOW);
        assertRefused(scripts, change, "the read-path flag is SHADOW, not NEW");

        JdbcFlagStore.write(connection, change.migration(), ReadPath.NEW);
        String syncTrigger = change.plan().names().syncTrigger();
        facts.execute("ALTER TABLE " + change.table() + " DISABLE TRIGGER \"" + syncTrigger + "\"");
        assertRefused(scripts, change, "the sync trigger or its functions were disabled, dropped or replaced");
        facts.execute("ALTER TABLE " + change.table() + " ENABLE TRIGGER \"" + syncTrigger + "\"");
        assertRefused(scripts, change, "the sync trigger or its functions were disabled, dropped or replaced");
        assertThat(facts.values(change.quotedOld())).isEqualTo(oldValues);

        assertThat(scripts.run(CHECK).succeeded()).as("%s check again", change).isTrue();
        try (InstanceReporter versionNMinus1 = InstanceReporter.builder(database::connect).application("app-n-1")
            .interval(Duration.ofSeconds(5)).reading(change.migration(), ReadPath.OLD).start()) {
          assertThat(versionNMinus1.awaitFirstHeartbeat(Duration.ofSeconds(10))).isTrue();
          assertRefused(scripts, change, "running instances still use column");
        }
        try (InstanceReporter versionN = InstanceReporter.builder(database::connect).application("orders")
                .interval(Duration.ofSeconds(5)).reading(change.migration(), ReadPath.NEW).start();
            InstanceReporter otherApplication = InstanceReporter.builder(database::connect).application("billing")
                .interval(Duration.ofSeconds(5)).start()) {
          assertThat(versionN.awaitFirstHeartbeat(Duration.ofSeconds(10))).isTrue();
          assertThat(otherApplication.awaitFirstHeartbeat(Duration.ofSeconds(10))).isTrue();
          try (InstanceReporter builtBeforeTheMigration = InstanceReporter.builder(database::connect)
              .application("orders").instance("orders-n-1").interval(Duration.ofSeconds(5)).start()) {
            assertThat(builtBeforeTheMigration.awaitFirstHeartbeat(Duration.ofSeconds(10))).isTrue();
            Psql.Result refused = scripts.run("contract-drop-old-column");
            assertThat(refused.succeeded()).as("%s contract: %s", change, refused.output()).isFalse();
            assertThat(refused.output()).contains("contract refused: running instances still use column")
                .contains("orders-n-1 (orders, reads OLD: it does not know this migration").doesNotContain("billing");
          }
          Psql.Result drop = scripts.run("contract-drop-old-column");
          assertThat(drop.succeeded()).as("%s drop once checked and NEW, with an instance of another application"
              + " that does not know the migration: %s", change, drop.output()).isTrue();
        }
        assertThat(facts.columnNames()).doesNotContain(change.oldColumn());
        assertThat(facts.values(change.quotedNew())).as("%s new column after contract", change)
            .isEqualTo(expectedNew);

        assertThat(scripts.run(CHECK).output()).contains("contract has run already");
        assertThat(scripts.run("contract-drop-old-column").output()).contains("contract has run already");
      }
    }
  }

  @EachPostgres
  void anOverrideIsASessionSettingAndIsRecorded(PostgresServer server, @TempDir Path output) throws Exception {
    Psql psql = Psql.onPath();
    FormatCase change = FormatCase.all(server).get(0);
    new OutputWriter().write(output, new Generator().files(List.of(change.spec()), OutputFormat.PLAIN));
    try (TestDatabase database = server.newDatabase(); Connection connection = database.connect()) {
      PhaseFacts facts = new PhaseFacts(connection, change);
      facts.createTable();
      PsqlScripts scripts = new PsqlScripts(psql, database, output.resolve(change.migration()));
      scripts.runPhase("expand");

      Psql.Result otherMigration = scripts.run("contract-drop-old-column",
          Map.of("PGOPTIONS", "-c colsync.contract_override=another_migration:drill"));
      assertThat(otherMigration.output()).as("an override names its migration")
          .contains("no convergence check has passed");

      Psql.Result overridden = scripts.run("contract-drop-old-column",
          Map.of("PGOPTIONS", "-c colsync.contract_override=" + change.migration() + ":drill"));
      assertThat(overridden.succeeded()).as(overridden.output()).isTrue();
      assertThat(overridden.output()).contains("contract gate overridden by");
      assertThat(facts.columnNames()).doesNotContain(change.oldColumn());
      assertThat(facts.count("SELECT count(*) FROM colsync.gate_overrides WHERE migration = '" + change.migration()
          + "' AND reason = '" + change.migration() + ":drill' AND overridden_by = CURRENT_USER")).isEqualTo(1);
    }
  }

  @EachPostgres
  void flywayMigrateOfTheWholeLocationStopsBeforeTheDrop(PostgresServer server, @TempDir Path output)
      throws Exception {
    List<FormatCase> cases = FormatCase.all(server);
    List<GeneratedFile> files = new Generator().files(cases.stream().map(FormatCase::spec).toList(),
        OutputFormat.FLYWAY);
    new OutputWriter().write(output, files);
    try (TestDatabase database = server.newDatabase(); Connection connection = database.connect()) {
      FormatCase first = cases.get(0);
      PhaseFacts facts = new PhaseFacts(connection, first);
      for (FormatCase change : cases) {
        new PhaseFacts(connection, change).createTable();
      }
      List<String> oldValues = facts.values(first.quotedOld());

      assertThatThrownBy(() -> flyway(database, output).migrate())
          .as("no flag was ever set").isInstanceOf(FlywayException.class)
          .hasMessageContaining("the read-path flag is not set (OLD), not NEW");
      assertThat(facts.columnNames()).contains(first.oldColumn(), first.newColumn());
      assertThat(facts.values(first.quotedOld())).isEqualTo(oldValues);

      for (FormatCase change : cases) {
        JdbcFlagStore.write(connection, change.migration(), ReadPath.NEW);
      }
      List<String> expectedNew = facts.values(first.up());
      assertThat(flyway(database, output).migrate().success).isTrue();
      assertThat(facts.columnNames()).doesNotContain(first.oldColumn());
      assertThat(facts.values(first.quotedNew())).isEqualTo(expectedNew);
    }
  }

  @EachPostgres
  void liquibaseUpdateOfTheWholeChangelogStopsBeforeTheDrop(PostgresServer server, @TempDir Path output)
      throws Exception {
    FormatCase change = FormatCase.all(server).get(1);
    new OutputWriter().write(output, new Generator().files(List.of(change.spec()), OutputFormat.LIQUIBASE));
    try (TestDatabase database = server.newDatabase(); Connection connection = database.connect();
         Connection liquibaseConnection = database.connect()) {
      PhaseFacts facts = new PhaseFacts(connection, change);
      facts.createTable();
      List<String> oldValues = facts.values(change.quotedOld());
      Database liquibase = DatabaseFactory.getInstance()
          .findCorrectDatabaseImplementation(new JdbcConnection(liquibaseConnection));
      Map<String, Object> update = Map.of("database", liquibase, "changelogFile", change.migration() + "/changelog.sql");

      assertThatThrownBy(() -> liquibase(output, update)).as("no flag was ever set")
          .hasStackTraceContaining("the read-path flag is not set (OLD), not NEW");
      assertThat(facts.columnNames()).contains(change.oldColumn(), change.newColumn());
      assertThat(facts.values(change.quotedOld())).isEqualTo(oldValues);

      JdbcFlagStore.write(connection, change.migration(), ReadPath.NEW);
      List<String> expectedNew = facts.values(change.up());
      liquibase(output, update);
      assertThat(facts.columnNames()).doesNotContain(change.oldColumn());
      assertThat(facts.values(change.quotedNew())).isEqualTo(expectedNew);
    }
  }

  private static void liquibase(Path output, Map<String, Object> arguments) throws Exception {
    Scope.child(LiquibaseFormatTest.scope(new DirectoryResourceAccessor(output)), () -> {
      CommandScope update = new CommandScope("update");
      arguments.forEach(update::addArgumentValue);
      update.setOutput(java.io.OutputStream.nullOutputStream()); // its summary goes to the log, not the build output
      update.execute();
    });
  }

  private static void assertRefused(PsqlScripts scripts, FormatCase change, String reason) throws Exception {
    Psql.Result result = scripts.run("contract-drop-old-column");
    assertThat(result.succeeded()).as("%s contract: %s", change, result.output()).isFalse();
    assertThat(result.output()).contains("contract refused: " + reason);
  }

  private static Flyway flyway(TestDatabase database, Path output) {
    return Flyway.configure()
        .dataSource(database.jdbcUrl(), null, null)
        .locations("filesystem:" + output.toAbsolutePath())
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .cleanDisabled(true)
        .load();
  }
}
