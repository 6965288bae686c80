package dev.colsync.core.execution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.colsync.runtime.execution.ExecutionSettings;
import dev.colsync.runtime.execution.MigrationExecutor;
import dev.colsync.testing.EachPostgres;
import dev.colsync.testing.PostgresServer;
import dev.colsync.testing.TestDatabase;
import java.sql.Connection;
import java.time.Duration;

/**
 * A whole-table backfill leaves the old version of every row behind; with its pages full, each new version goes
 * to the table's end and the table doubles. Vacuumed in windows between batches, the space of the rows already
 * written takes the next batches' versions: the table grows by about a window.
 */
class BackfillReclaimTest {
  private static final int ROWS = 100_000;

  @EachPostgres
  void vacuumBetweenBatchWindowsKeepsTheTableFromDoubling(PostgresServer server) throws Exception {
    ExecutionSettings batches = TestMigration.quickSettings()
        .withBatches(ExecutionSettings.BatchSizing.fixed(2_000, Duration.ofMillis(100)));
    double reclaimed = growth(server, "reclaimed", batches);
    double left = growth(server, "left_to_autovacuum", batches.withReclaim(ExecutionSettings.Reclaim.OFF));

    System.out.printf("PostgreSQL %s, %d rows: table after the backfill ÷ before: %.3f vacuumed in windows,"
        + " %.3f without%n", server.version(), ROWS, reclaimed, left);
    assertThat(left).as("without vacuum between windows").isGreaterThan(1.6);
    assertThat(reclaimed).as("vacuumed every tenth of the rows").isLessThanOrEqualTo(1.25);
  }

  /** The table's size after the backfill ÷ before it. */
  private static double growth(PostgresServer server, String name, ExecutionSettings settings) throws Exception {
    TestMigration migration = TestMigration.cents(name, Duration.ZERO);
    try (TestDatabase database = server.newDatabase(); Connection admin = database.connect()) {
      migration.createTable(admin, ROWS);
      // Rows as wide as pgbench's accounts, so that the new column's own bytes are not what is measured.
      Sql.execute(admin, "UPDATE public.items SET note = pg_catalog.repeat('x', 80)");
      Sql.execute(admin, "ALTER TABLE public.items SET (autovacuum_enabled = false)");
      Sql.execute(admin, "VACUUM FULL public.items");
      Sql.execute(admin, "ANALYZE public.items");
      MigrationExecutor executor = migration.executor(database, settings, new RecordingListener());
      executor.apply("expand");
      long before = Sql.number(admin, "SELECT pg_catalog.pg_table_size('public.items')");
      assertThat(executor.apply("backfill").complete()).isTrue();
      long after = Sql.number(admin, "SELECT pg_catalog.pg_table_size('public.items')");
      assertThat(migration.divergent(admin)).isZero();
      return (double) after / before;
    }
  }
}
