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
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.io.TempDir;

/**
 * The FLYWAY output, run by Flyway itself: both migrations share one location and are deployed
 * phase by phase with {@code target} = the version of the phase's last script. The backfill's CALL
 * commits per batch, which only works because its {@code .sql.conf} takes it out of Flyway's
 * transaction; the rollback scripts beside the migrations must be ignored by Flyway.
 */
class FlywayFormatTest {

  @EachPostgres
  void flywayDeploysEachPhaseWithTarget(PostgresServer server, @TempDir Path output) throws Exception {
    List<FormatCase> cases = FormatCase.all(server);
    List<GeneratedFile> files = new Generator().files(cases.stream().map(FormatCase::spec).toList(), OutputFormat.FLYWAY);
    new OutputWriter().write(output, files);
    assertThat(files).filteredOn(file -> file.path().endsWith(".sql.conf"))
        .as("one .sql.conf per migration, for the backfill run")
        .hasSize(cases.size())
        .allSatisfy(file -> {
          assertThat(file.path()).contains("_backfill_run.sql.conf");
          assertThat(file.content()).isEqualTo("executeInTransaction=false\n");
        });

    try (TestDatabase database = server.newDatabase(); Connection connection = database.connect()) {
      int versionedScripts = 0;
      for (FormatCase change : cases) {
        PhaseFacts facts = new PhaseFacts(connection, change);
        facts.createTable();
        Plan plan = change.plan();
        Map<Phase, String> targets = targets(files, change);
        assertThat(targets.keySet()).as("%s phases with Flyway scripts", change)
            .containsExactlyElementsOf(plan.phases().stream()
                .filter(phase -> !phase.steps().isEmpty()).map(PhasePlan::phase).toList());

        for (Map.Entry<Phase, String> phase : targets.entrySet()) {
          if (phase.getKey() == Phase.CONTRACT) {
            ContractReady.readPathNew(connection, change.migration());
          }
          MigrateResult result = flyway(database, output).target(phase.getValue()).load().migrate();
          assertThat(result.success).isTrue();
          assertThat(result.migrationsExecuted).as("%s scripts run for %s", change, phase.getKey().id())
              .isEqualTo(plan.phase(phase.getKey()).steps().size());
          assertThat(result.targetSchemaVersion).isEqualTo(phase.getValue());
          versionedScripts += result.migrationsExecuted;
          facts.assertAfter(phase.getKey());
          if (phase.getKey() != Phase.CONTRACT) {
            facts.assertOldWritesReachNewColumn(phase.getKey());
          }
        }
      }

      MigrationInfo[] applied = flyway(database, output).load().info().all();
      assertThat(applied).filteredOn(info -> info.getType().isBaseline()).hasSize(1);
      assertThat(applied).filteredOn(info -> !info.getType().isSynthetic())
          .as("every versioned script, and nothing from rollback/")
          .hasSize(versionedScripts)
          .allSatisfy(info -> assertThat(info.getState()).isEqualTo(MigrationState.SUCCESS));
      assertThat(Files.exists(output.resolve("users_full_name/rollback/contract/01-restore-old-column.sql")))
          .as("rollback scripts were in the location Flyway scanned").isTrue();
    }
  }

  private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(TestDatabase database, Path output) {
    return Flyway.configure()
        .dataSource(database.jdbcUrl(), null, null)
        .locations("filesystem:" + output.toAbsolutePath())
        // The table exists before Flyway's history does, as in any database adopting Flyway late.
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .cleanDisabled(true);
  }

  /** Each phase's target: the version of its last script, read from the generated file names. */
  private static Map<Phase, String> targets(List<GeneratedFile> files, FormatCase change) {
    Pattern name = Pattern.compile(Pattern.quote(change.migration()) + "/V([0-9.]+)__"
        + Pattern.quote(change.migration()) + "_([a-z]+)_[a-z0-9_]+\\.sql");
    Map<Phase, String> targets = new LinkedHashMap<>();
    for (GeneratedFile file : files) {
      Matcher matcher = name.matcher(file.path());
      if (matcher.matches()) {
        targets.put(Phase.valueOf(matcher.group(2).toUpperCase(java.util.Locale.ROOT)), matcher.group(1));
      }
    }
    return targets;
  }
}
