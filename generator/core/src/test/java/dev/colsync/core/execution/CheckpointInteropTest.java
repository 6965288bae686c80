package dev.colsync.core.execution;

import static dev.colsync.core.execution.BackfillKillTest.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.colsync.core.plan.Phase;
import dev.colsync.runtime.execution.BackfillControl;
import dev.colsync.runtime.execution.ExecutionSettings;
import dev.colsync.runtime.execution.MigrationExecutor;
import dev.colsync.runtime.execution.PhaseOutcome;
import dev.colsync.runtime.execution.StepOutcome;
import dev.colsync.runtime.sql.ScriptRunner;
import dev.colsync.testing.EachPostgres;
import dev.colsync.testing.PostgresServer;
import dev.colsync.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * The generated procedure and the executor's runner share one checkpoint: a backfill started by
 * {@code CALL} and stopped is finished by the executor, and one the executor started and cancelled is
 * finished by {@code CALL}, each row written exactly once.
 */
class CheckpointInteropTest {
  private static final int ROWS = 2_000;
  private static final int BATCH = 50;

  @EachPostgres
  void eitherRunnerFinishesWhatTheOtherStarted(PostgresServer server) throws Exception {
    TestMigration migration = TestMigration.cents("interop", Duration.ofMillis(20));
    ExecutionSettings settings = TestMigration.quickSettings()
        .withBatches(ExecutionSettings.BatchSizing.fixed(BATCH, Duration.ofMillis(100)));
    String procedure = "public." + migration.plan().names().backfillProcedure();
    try (TestDatabase database = server.newDatabase(); Connection admin = database.connect();
        Connection caller = database.connect()) {
      migration.createTable(admin, ROWS);
      RecordingListener listener = new RecordingListener();
      MigrationExecutor executor = migration.executor(database, settings, listener);
      executor.apply("expand");

      ScriptRunner.run(admin, migration.step(Phase.BACKFILL, "prepare").sql());
      int callerPid = (int) Sql.number(caller, "SELECT pg_backend_pid()");
      CompletableFuture<Void> call = CompletableFuture.runAsync(() -> {
        try {
          Sql.execute(caller, "CALL " + procedure + "(colsync_batch_size => " + BATCH
              + ", colsync_pause => '20 milliseconds')");
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      await(() -> batches(admin, migration) >= 5, Duration.ofSeconds(30));
      Sql.execute(admin, "SELECT pg_cancel_backend(" + callerPid + ")");
      assertThatThrownBy(() -> call.get(10, TimeUnit.SECONDS)).hasRootCauseInstanceOf(SQLException.class)
          .satisfies(e -> assertThat(((SQLException) rootCause(e)).getSQLState()).isEqualTo("57014"));
      long byCall = batches(admin, migration);
      assertThat(Sql.text(admin, "SELECT last_key::text FROM " + migration.stateTable()))
          .isEqualTo("{" + byCall * BATCH + "}");

      PhaseOutcome resumed = executor.apply("backfill");

      assertThat(resumed.steps()).extracting(StepOutcome::result)
          .containsExactly(StepOutcome.Result.DONE, StepOutcome.Result.DONE);
      assertThat(listener.progress.get(0).rowsDone()).isEqualTo(byCall * BATCH + BATCH);
      assertThat(Sql.text(admin, "SELECT rows_changed || ' ' || batches || ' ' || done FROM " + migration.stateTable()))
          .isEqualTo(ROWS + " " + ROWS / BATCH + " true");
      assertThat(migration.divergent(admin)).isZero();

      executor.rollback("backfill");
      Sql.execute(admin, "ALTER TABLE public.items DISABLE TRIGGER USER");
      Sql.execute(admin, "UPDATE public.items SET amount_cents = NULL");
      Sql.execute(admin, "ALTER TABLE public.items ENABLE TRIGGER USER");
      CompletableFuture<PhaseOutcome> run = CompletableFuture.supplyAsync(() -> {
        try {
          return executor.apply("backfill");
        } catch (Exception e) {
          throw new CompletionException(e);
        }
      });
      await(() -> batches(admin, migration) >= 5, Duration.ofSeconds(30));
      BackfillControl.request(admin, "interop", BackfillControl.Request.CANCEL);
      PhaseOutcome cancelled = run.get(30, TimeUnit.SECONDS);
      assertThat(cancelled.steps()).extracting(StepOutcome::result)
          .containsExactly(StepOutcome.Result.DONE, StepOutcome.Result.CANCELLED);
      assertThat(cancelled.complete()).isFalse();
      assertThat(executor.status().appliedSteps()).containsExactly("expand/add-column", "backfill/prepare");
      long byExecutor = batches(admin, migration);

      ScriptRunner.run(admin, migration.step(Phase.BACKFILL, "run").sql());

      assertThat(Sql.text(admin, "SELECT rows_changed || ' ' || done FROM " + migration.stateTable()))
          .isEqualTo(ROWS + " true");
      assertThat(batches(admin, migration)).isGreaterThan(byExecutor);
      assertThat(migration.divergent(admin)).isZero();
      assertThat(executor.apply("backfill").steps().get(1).detail()).startsWith("0 rows changed in 0 batches");
    }
  }

  private static Throwable rootCause(Throwable failure) {
    Throwable cause = failure;
    while (cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  private static long batches(Connection admin, TestMigration migration) {
    try {
      return Sql.number(admin, "SELECT coalesce(max(batches), 0) FROM " + migration.stateTable());
    } catch (Exception e) {
      return 0;
    }
  }
}
