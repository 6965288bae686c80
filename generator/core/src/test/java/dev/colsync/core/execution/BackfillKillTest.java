package dev.colsync.core.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.colsync.runtime.execution.ExecutionSettings;
import dev.colsync.runtime.execution.MigrationExecutor;
import dev.colsync.runtime.execution.PhaseOutcome;
import dev.colsync.runtime.execution.StepFailedException;
import dev.colsync.runtime.execution.StepOutcome;
import dev.colsync.testing.EachPostgres;
import dev.colsync.testing.PostgresServer;
import dev.colsync.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.io.TempDir;

/**
 * The backfill is killed again and again at random moments, half the time by killing its process,
 * half the time by {@code pg_terminate_backend}, while an application writes both columns. Each run
 * resumes from the last committed batch; the last one finishes, every row has converged, and no
 * application write was lost.
 */
class BackfillKillTest {
  static final TestMigration MIGRATION = TestMigration.cents("killed", Duration.ofMillis(10));
  static final ExecutionSettings SETTINGS = TestMigration.quickSettings()
      .withBatches(ExecutionSettings.BatchSizing.fixed(20, Duration.ofMillis(100)));
  private static final int ROWS = 4_000;
  private static final int KILLS = 12;
  private static final String WORKER = "colsync killed";

  @TempDir
  Path directory;

  @EachPostgres
  void everyKilledRunResumesAndTheLastOneConverges(PostgresServer server) throws Exception {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    try (TestDatabase database = server.newDatabase(); Connection admin = database.connect()) {
      MIGRATION.createTable(admin, ROWS);
      RecordingListener listener = new RecordingListener();
      MigrationExecutor executor = MIGRATION.executor(database, SETTINGS, listener);
      executor.apply("expand");
      try (ColumnWriter writer = new ColumnWriter(database.connect(), ROWS, seed, List.of(
          new ColumnWriter.Target("amount", "numeric(12,2)",
              r -> String.format("%d.%02d", r.nextInt(10_000_000), r.nextInt(100))),
          new ColumnWriter.Target("amount_cents", "bigint", r -> Long.toString(r.nextLong(0, 999_999_999_999L)))))) {
        long start = System.nanoTime();
        long previous = -1;
        for (int kill = 1; kill <= KILLS; kill++) {
          long before = batches(admin);
          if (kill % 2 == 1) {
            killTheProcess(database, admin, before, random);
          } else {
            terminateTheBackend(executor, admin, before, random);
          }
          long after = batches(admin);
          assertThat(after).as("batches committed before kill %d", kill).isGreaterThan(Math.max(before, 0));
          assertThat(after).as("the checkpoint never goes back").isGreaterThanOrEqualTo(previous);
          assertThat(Sql.text(admin, "SELECT done::text FROM " + MIGRATION.stateTable()))
              .as("kill %d came before the end (seed %d)", kill, seed).isEqualTo("false");
          previous = after;
          awaitNoWorker(admin);
        }
        long batchesBeforeLastRun = batches(admin);
        long killing = System.nanoTime() - start;

        RecordingListener lastRun = new RecordingListener();
        PhaseOutcome last = MIGRATION.executor(database, TestMigration.quickSettings(), lastRun).apply("backfill");

        StepOutcome run = last.steps().get(last.steps().size() - 1);
        assertThat(run.result()).isEqualTo(StepOutcome.Result.DONE);
        assertThat(lastRun.progress.get(0).rowsAtStart()).as("the last run started from the checkpoint")
            .isEqualTo(batchesBeforeLastRun * 20);
        Thread.sleep(200);
        writer.stop();
        assertThat(writer.failures).isEmpty();
        assertThat(writer.writes.get()).isPositive();
        assertThat(writer.lostWrites(admin)).isEmpty();
        assertThat(executor.verify().divergentRows()).isZero();
        assertThat(MIGRATION.divergent(admin)).isZero();
        System.out.printf("kill test on %s (seed %d): %d kills in %.1f s, %d batches of 20 before the last run,"
                + " %d adaptive batches in it, %d application writes, %.1f s in all%n", server, seed, KILLS,
            killing / 1e9, batchesBeforeLastRun, lastRun.progress.get(lastRun.progress.size() - 1).batches(),
            writer.writes.get(), (System.nanoTime() - start) / 1e9);
      }
    }
  }

  private void killTheProcess(TestDatabase database, Connection admin, long before, Random random) throws Exception {
    Path log = Files.createTempFile(directory, "child", ".log");
    Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), BackfillChild.class.getName(),
        database.jdbcUrl())
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      await(() -> !child.isAlive() || batchesQuietly(admin) > Math.max(before, 0), Duration.ofSeconds(60));
      if (!child.isAlive()) {
        fail("the backfill process ended by itself (exit " + child.exitValue() + "): " + Files.readString(log));
      }
      Thread.sleep(random.nextInt(150));
    } finally {
      child.destroyForcibly();
      child.waitFor(30, TimeUnit.SECONDS);
    }
  }

  private static void terminateTheBackend(MigrationExecutor executor, Connection admin, long before, Random random)
      throws Exception {
    CompletableFuture<PhaseOutcome> run = CompletableFuture.supplyAsync(() -> {
      try {
        return executor.apply("backfill");
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    await(() -> run.isDone() || batchesQuietly(admin) > Math.max(before, 0), Duration.ofSeconds(30));
    Thread.sleep(random.nextInt(150));
    Sql.execute(admin, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
        + " WHERE datname = current_database() AND application_name = '" + WORKER + "'");
    try {
      run.get(30, TimeUnit.SECONDS);
      fail("the backfill finished before it was terminated");
    } catch (ExecutionException e) {
      assertThat(e.getCause()).hasCauseInstanceOf(StepFailedException.class);
    }
  }

  /** A killed process's backend may outlive it by a moment, holding the migration's lock. */
  private static void awaitNoWorker(Connection admin) throws Exception {
    await(() -> {
      try {
        return Sql.number(admin, "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
            + " AND application_name LIKE '" + WORKER + "%'") == 0;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }, Duration.ofSeconds(30));
  }

  private static long batches(Connection admin) throws Exception {
    if (Sql.text(admin, "SELECT to_regclass('" + MIGRATION.stateTable() + "')") == null) {
      return -1;
    }
    return Sql.number(admin, "SELECT coalesce(max(batches), 0) FROM " + MIGRATION.stateTable());
  }

  private static long batchesQuietly(Connection admin) {
    try {
      return batches(admin);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static void await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        fail("still waiting after " + timeout);
      }
      Thread.sleep(10);
    }
  }
}
