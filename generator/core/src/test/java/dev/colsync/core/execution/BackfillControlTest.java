package dev.colsync.core.execution;

import static dev.colsync.core.execution.BackfillKillTest.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.colsync.runtime.execution.AuditChain;
import dev.colsync.runtime.execution.AuditRecord;
import dev.colsync.runtime.execution.BackfillControl;
import dev.colsync.runtime.execution.ExecutionSettings;
import dev.colsync.runtime.execution.MigrationExecutor;
import dev.colsync.runtime.execution.PhaseOutcome;
import dev.colsync.runtime.execution.StepOutcome;
import dev.colsync.testing.EachPostgres;
import dev.colsync.testing.PostgresServer;
import dev.colsync.testing.TestDatabase;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/** Another session pauses, resumes and cancels a running backfill; a cancelled one goes on next time. */
class BackfillControlTest {

  @EachPostgres
  void pauseResumeAndCancelFromAnotherSession(PostgresServer server) throws Exception {
    TestMigration migration = TestMigration.cents("controlled", Duration.ofMillis(10));
    ExecutionSettings settings = TestMigration.quickSettings()
        .withBatches(ExecutionSettings.BatchSizing.fixed(20, Duration.ofMillis(100)));
    try (TestDatabase database = server.newDatabase(); Connection admin = database.connect()) {
      migration.createTable(admin, 1_500);
      RecordingListener listener = new RecordingListener();
      MigrationExecutor executor = migration.executor(database, settings, listener);
      executor.apply("expand");
      CompletableFuture<PhaseOutcome> run = CompletableFuture.supplyAsync(() -> {
        try {
          return executor.apply("backfill");
        } catch (Exception e) {
          throw new CompletionException(e);
        }
      });
      await(() -> batches(admin, migration) >= 3, Duration.ofSeconds(30));

      BackfillControl.request(admin, "controlled", BackfillControl.Request.PAUSE);
      await(() -> !listener.pauses.isEmpty(), Duration.ofSeconds(10));
      long paused = batches(admin, migration);
      Thread.sleep(400);
      assertThat(batches(admin, migration)).as("no batch while paused").isEqualTo(paused);
      assertThat(listener.pauses).singleElement().asString().startsWith("paused on request of "
          + System.getProperty("user.name") + "@").endsWith("(resume it with: colsync backfill resume SPEC, SPEC being"
          + " controlled's spec)");
      assertThat(executor.status().control()).hasValueSatisfying(state ->
          assertThat(state.request()).isEqualTo(BackfillControl.Request.PAUSE));
      assertThat(executor.status().runningBackend()).isPresent();

      BackfillControl.request(admin, "controlled", BackfillControl.Request.RESUME);
      assertThat(executor.status().control()).as("a resume leaves nothing standing").isEmpty();
      await(() -> batches(admin, migration) > paused, Duration.ofSeconds(10));
      assertThat(listener.resumes).singleElement().satisfies(pause ->
          assertThat(pause).isGreaterThanOrEqualTo(Duration.ofMillis(400)));

      BackfillControl.request(admin, "controlled", BackfillControl.Request.CANCEL);
      PhaseOutcome cancelled = run.get(30, TimeUnit.SECONDS);
      assertThat(cancelled.steps().get(1).result()).isEqualTo(StepOutcome.Result.CANCELLED);
      assertThat(cancelled.steps().get(1).detail()).endsWith("; cancelled, the checkpoint is kept");
      assertThat(executor.status().appliedSteps()).doesNotContain("backfill/run");
      assertThat(executor.status().control()).as("a cancel acted on leaves nothing standing").isEmpty();
      assertThat(executor.status().checkpoints()).singleElement().satisfies(checkpoint -> {
        assertThat(checkpoint.done()).isFalse();
        assertThat(checkpoint.lastKey()).containsExactly(Long.toString(checkpoint.batches() * 20));
      });
      List<AuditRecord> records = AuditChain.records(admin, "controlled");
      assertThat(records.get(records.size() - 1).outcome()).isEqualTo("cancelled");

      PhaseOutcome finished = executor.apply("backfill");
      assertThat(finished.steps()).extracting(StepOutcome::result)
          .containsExactly(StepOutcome.Result.ALREADY_DONE, StepOutcome.Result.DONE);
      assertThat(migration.divergent(admin)).isZero();
    }
  }

  private static long batches(Connection admin, TestMigration migration) {
    try {
      return Sql.number(admin, "SELECT coalesce(max(batches), 0) FROM " + migration.stateTable());
    } catch (Exception e) {
      return 0;
    }
  }
}
