package dev.colsync.core.execution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.colsync.runtime.execution.MigrationExecutor;
import dev.colsync.runtime.flag.JdbcFlagStore;
import dev.colsync.runtime.flag.ReadPath;
import dev.colsync.testing.EachPostgres;
import dev.colsync.testing.PgBouncer;
import dev.colsync.testing.PostgresServer;
import dev.colsync.testing.TestDatabase;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An application that reaches the database through PgBouncer in transaction pooling, with
 * {@code prepareThreshold=0} as its users set it, writes one by one and in explicit transactions while the
 * executor, on a direct connection, applies every phase: no write fails and none is lost. The old version writes
 * the old column through expand, backfill and validate; the new one writes the new column through contract.
 */
class WritesThroughPgBouncerTest {
  private static final TestMigration MIGRATION = TestMigration.cents("pooled_writes");
  private static final int ROWS = 2_000;
  private static final int WRITES_AFTER_EACH_PHASE = 30;
  private static final ColumnWriter.Target OLD_COLUMN = new ColumnWriter.Target("amount", "numeric(12,2)",
      r -> String.format("%d.%02d", r.nextInt(10_000_000), r.nextInt(100)));
  private static final ColumnWriter.Target NEW_COLUMN = new ColumnWriter.Target("amount_cents", "bigint",
      r -> Long.toString(r.nextLong(0, 999_999_999_999L)));

  @EachPostgres
  void writesThroughPgBouncerKeepWorkingInEveryPhase(PostgresServer server) throws Exception {
    long seed = System.nanoTime();
    Map<String, Long> writesAfter = new TreeMap<>();
    try (TestDatabase database = server.newDatabase(); Connection admin = database.connect();
        PgBouncer pgBouncer = PgBouncer.inFrontOf(server)) {
      MIGRATION.createTable(admin, ROWS);
      MigrationExecutor executor = MIGRATION.executor(database, TestMigration.quickSettings(), new RecordingListener());

      ColumnWriter oldVersion = ColumnWriter.inTransactions(pgBouncer.connect(database), ROWS, seed,
          List.of(OLD_COLUMN), 3);
      ColumnWriter newVersion;
      try (oldVersion) {
        for (String phase : List.of("expand", "backfill", "validate")) {
          executor.apply(phase);
          writesAfter.put(phase, awaitMoreWrites(oldVersion));
        }
        oldVersion.stop();
        assertThat(oldVersion.failures).as("writes of the old version (seed %d)", seed).isEmpty();
        assertThat(oldVersion.lostWrites(admin)).isEmpty();

        newVersion = ColumnWriter.inTransactions(pgBouncer.connect(database), ROWS, seed + 1, List.of(NEW_COLUMN), 3);
      }
      try (newVersion) {
        awaitMoreWrites(newVersion);
        JdbcFlagStore.write(admin, MIGRATION.spec().migration(), ReadPath.NEW);
        executor.apply("contract");
        writesAfter.put("contract", awaitMoreWrites(newVersion));
        newVersion.stop();
        assertThat(newVersion.failures).as("writes of the new version (seed %d)", seed).isEmpty();
        assertThat(newVersion.lostWrites(admin)).isEmpty();
      }
      assertThat(Sql.text(admin, "SELECT string_agg(attname, ',' ORDER BY attname) FROM pg_attribute"
          + " WHERE attrelid = 'public.items'::regclass AND attnum > 0 AND NOT attisdropped"))
          .isEqualTo("amount_cents,id,note");
      System.out.printf("through PgBouncer on %s (seed %d): writes counted after each phase %s%n", server, seed,
          writesAfter);
    }
  }

  /** Waits until the writer has committed a few more writes, and returns how many it has in all. */
  private static long awaitMoreWrites(ColumnWriter writer) throws InterruptedException {
    long target = writer.writes.get() + WRITES_AFTER_EACH_PHASE;
    BackfillKillTest.await(() -> writer.writes.get() >= target || !writer.failures.isEmpty(), Duration.ofSeconds(30));
    return writer.writes.get();
  }
}
