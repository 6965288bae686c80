package dev.colsync.benchmarks.pgbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.colsync.testing.PostgresServers;
import dev.colsync.testing.TestDatabase;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The pgbench runner on a tiny table, so the full run's pgbench parts cannot rot where pgbench is
 * installed. Without pgbench (a clean CI machine) there is nothing to run it with: the test says how
 * to install it and is skipped.
 */
class PgbenchTest {

  @Test
  void initialisesRunsAndReadsTheTransactionLog() throws Exception {
    assumeTrue(PgbenchBinary.onPath().isPresent(), PgbenchBinary.HOW_TO_INSTALL);
    try (TestDatabase database = PostgresServers.any().newDatabase()) {
      Pgbench pgbench = new Pgbench(PgbenchBinary.onPath().orElseThrow(), PgAddress.fromJdbcUrl(database.jdbcUrl()), 2);
      pgbench.initialize(1);
      PgbenchRun run = pgbench.start(List.of("-b", "simple-update"), Duration.ofSeconds(1), true).await();

      assertThat(run.tps()).isPositive();
      assertThat(run.transactions()).isNotEmpty().allSatisfy(t -> assertThat(t.latencyMicros()).isPositive());
      long from = run.firstEndMicros();
      assertThat(run.tpsBetween(from, from + 500_000)).isPositive();
    }
  }
}
