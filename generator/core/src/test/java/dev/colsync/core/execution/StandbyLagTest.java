package dev.colsync.core.execution;

import static dev.colsync.core.execution.BackfillKillTest.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.colsync.runtime.execution.ExecutionSettings;
import dev.colsync.runtime.execution.PhaseOutcome;
import dev.colsync.runtime.execution.StepOutcome;
import dev.colsync.testing.EachReplicatedPostgres;
import dev.colsync.testing.ReplicationServers;
import dev.colsync.testing.Standby;
import dev.colsync.testing.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The backfill on a primary waits while a real streaming standby replays too far behind, and goes on once it
 * has caught up; the standby's copy of the table ends equal to the primary's.
 */
class StandbyLagTest {
  private static final int ROWS = 20_000;
  private static final Duration LAG_LIMIT = Duration.ofMillis(200);

  @EachReplicatedPostgres
  void theBackfillPausesWhileTheStandbyReplaysBehindTheLimitAndResumesAfter(ReplicationServers servers)
      throws Exception {
    TestMigration migration = TestMigration.cents("standby_lag");
    ExecutionSettings settings = TestMigration.quickSettings()
        .withBatches(ExecutionSettings.BatchSizing.fixed(100, Duration.ofMillis(100)))
        .withThrottle(new ExecutionSettings.Throttle(LAG_LIMIT, 50, Duration.ofMillis(200), Duration.ofMillis(50)));
    try (TestDatabase database = servers.primary().newDatabase(); Connection admin = database.connect()) {
      migration.createTable(admin, ROWS);
      RecordingListener listener = new RecordingListener();
      migration.executor(database, settings, listener).apply("expand");
      Standby standby = servers.standby();
      standby.awaitCaughtUp(Duration.ofSeconds(60));

      standby.pauseReplay();
      CompletableFuture<PhaseOutcome> backfill = CompletableFuture.supplyAsync(() -> {
        try {
          return migration.executor(database, settings, listener).apply("backfill");
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      await(() -> !listener.pauses.isEmpty() || backfill.isDone(), Duration.ofSeconds(60));
      assertThat(listener.pauses).first().asString()
          .matches("standby " + Standby.APPLICATION_NAME + " replays [0-9.]+m?s behind, over the limit of 200ms");
      long rowsAtPause = rowsDone(listener);
      Thread.sleep(1_000);
      assertThat(backfill).as("paused while the standby does not replay").isNotDone();
      assertThat(rowsDone(listener)).isEqualTo(rowsAtPause).isLessThan(ROWS);

      long resumedAt = System.nanoTime();
      standby.resumeReplay();
      StepOutcome run = backfill.get(120, TimeUnit.SECONDS).steps().get(1);
      Duration toFinish = Duration.ofNanos(System.nanoTime() - resumedAt);

      assertThat(run.result()).isEqualTo(StepOutcome.Result.DONE);
      assertThat(listener.resumes).isNotEmpty();
      assertThat(migration.divergent(admin)).isZero();
      standby.awaitCaughtUp(Duration.ofSeconds(60));
      try (Connection replica = DriverManager.getConnection(standby.jdbcUrl(database))) {
        assertThat(migration.divergent(replica)).isZero();
        assertThat(tableDigest(replica)).isEqualTo(tableDigest(admin));
      }
      System.out.printf("standby lag on %s: paused after %d of %d rows (%s), finished %d ms after replay resumed,"
          + " %d pauses%n", servers, rowsAtPause, ROWS, listener.pauses.get(0), toFinish.toMillis(),
          listener.pauses.size());
    }
  }

  private static long rowsDone(RecordingListener listener) {
    return listener.progress.isEmpty() ? 0 : listener.progress.get(listener.progress.size() - 1).rowsDone();
  }

  private static String tableDigest(Connection connection) throws Exception {
    return Sql.text(connection, "SELECT count(*) || ':' || md5(string_agg(id || '|' || amount || '|'"
        + " || coalesce(amount_cents::text, '-'), ',' ORDER BY id)) FROM public.items");
  }
}
