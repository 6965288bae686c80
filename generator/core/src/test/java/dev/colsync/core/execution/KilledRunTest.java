package dev.colsync.core.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.colsync.runtime.execution.ExecutionSettings;
import dev.colsync.runtime.execution.MigrationExecutor;
import dev.colsync.runtime.execution.PhaseOutcome;
import dev.colsync.runtime.execution.StepOutcome;
import dev.colsync.testing.EachPostgres;
import dev.colsync.testing.PostgresServer;
import dev.colsync.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;

/**
 * The process running the backfill is killed in the middle of a batch that would run for seconds more. The
 * server ends that batch's session within about a second ({@code client_connection_check_interval}), and the
 * run started while the killed one still held the migration's lock waits for it instead of being refused,
 * then finishes the backfill.
 */
class KilledRunTest {
  static final TestMigration MIGRATION = TestMigration.cents("killed_run");
  /** Batches of 100 rows at 50 ms a row: each runs for about 5 s. */
  static final ExecutionSettings CHILD_SETTINGS = TestMigration.quickSettings()
      .withBatches(ExecutionSettings.BatchSizing.fixed(100, Duration.ofSeconds(5)));
  private static final int ROWS = 400;
  private static final String WORKER = "colsync killed_run";
  private static final Duration SESSION_END_LIMIT = Duration.ofMillis(2500);

  @TempDir
  Path directory;

  @EachPostgres
  void aKilledRunsStatementEndsWithinASecondAndTheNextRunWaitsForItsLock(PostgresServer server) throws Exception {
    try (TestDatabase database = server.newDatabase(); Connection admin = database.connect()) {
      MIGRATION.createTable(admin, ROWS);
      MigrationExecutor executor = MIGRATION.executor(database, TestMigration.quickSettings(), new RecordingListener());
      executor.apply("expand");
      slowDownUpdates(admin);

      Path log = Files.createTempFile(directory, "child", ".log");
      Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), KilledRunChild.class.getName(),
          database.jdbcUrl())
          .redirectErrorStream(true).redirectOutput(log.toFile()).start();
      CompletableFuture<PhaseOutcome> nextRun;
      long killed;
      int batchPid;
      try {
        BackfillKillTest.await(() -> !child.isAlive() || sleepingBatch(admin) != 0, Duration.ofSeconds(60));
        if (!child.isAlive()) {
          fail("the backfill process ended by itself (exit " + child.exitValue() + "): " + Files.readString(log));
        }
        batchPid = sleepingBatch(admin);
        nextRun = CompletableFuture.supplyAsync(() -> {
          try {
            return executor.apply("backfill");
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
        BackfillKillTest.await(() -> nextRun.isDone() || workSessions(admin) == 2, Duration.ofSeconds(30));
        Thread.sleep(200);
        assertThat(nextRun).as("the next run waits for the lock").isNotDone();
      } finally {
        child.destroyForcibly();
        child.waitFor(30, TimeUnit.SECONDS);
      }
      killed = System.nanoTime();

      BackfillKillTest.await(() -> !sessionAlive(admin, batchPid), Duration.ofSeconds(30));
      Duration sessionEnded = Duration.ofNanos(System.nanoTime() - killed);
      Sql.execute(admin, "DELETE FROM public.slowdown");

      assertThat(sessionEnded).as("the killed batch's session ended").isLessThan(SESSION_END_LIMIT);
      PhaseOutcome outcome = nextRun.get(60, TimeUnit.SECONDS);
      assertThat(outcome.steps().get(outcome.steps().size() - 1).result()).isEqualTo(StepOutcome.Result.DONE);
      assertThat(MIGRATION.divergent(admin)).isZero();
      assertThat(Sql.number(admin, "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
          + " AND application_name LIKE '" + WORKER + "%'")).as("colsync sessions left").isZero();
      System.out.printf("on %s the killed batch's session ended %d ms after its process; the next run waited for"
          + " its lock and finished%n", server, sessionEnded.toMillis());
    }
  }

  /** Every row an UPDATE touches sleeps 50 ms while {@code public.slowdown} has a row. */
  private static void slowDownUpdates(Connection admin) throws Exception {
    Sql.execute(admin, "CREATE TABLE public.slowdown (active boolean)");
    Sql.execute(admin, "INSERT INTO public.slowdown VALUES (true)");
    Sql.execute(admin, "CREATE FUNCTION public.slow_update() RETURNS trigger LANGUAGE plpgsql AS $$"
        + " BEGIN IF EXISTS (SELECT FROM public.slowdown) THEN PERFORM pg_catalog.pg_sleep(0.05); END IF;"
        + " RETURN NEW; END $$");
    Sql.execute(admin, "CREATE TRIGGER zz_slow BEFORE UPDATE ON public.items FOR EACH ROW"
        + " EXECUTE FUNCTION public.slow_update()");
  }

  /** The pid of the child's work session while it sleeps in a batch, or 0. */
  private static int sleepingBatch(Connection admin) {
    try {
      return (int) Sql.number(admin, "SELECT coalesce(max(pid), 0) FROM pg_stat_activity"
          + " WHERE datname = current_database() AND application_name = '" + WORKER + "' AND state = 'active'"
          + " AND wait_event = 'PgSleep'");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The work sessions of colsync runs: the killed one's, and the next one's once it waits for the lock. */
  private static long workSessions(Connection admin) {
    try {
      return Sql.number(admin, "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
          + " AND application_name = '" + WORKER + "'");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean sessionAlive(Connection admin, int pid) {
    try {
      return Sql.number(admin, "SELECT count(*) FROM pg_stat_activity WHERE pid = " + pid) > 0;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
