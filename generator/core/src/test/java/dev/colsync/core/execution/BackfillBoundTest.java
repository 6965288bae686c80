package dev.colsync.core.execution;

import static dev.colsync.core.execution.BackfillKillTest.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.colsync.core.plan.Phase;
import dev.colsync.runtime.execution.BackfillProgress;
import dev.colsync.runtime.execution.ExecutionSettings;
import dev.colsync.runtime.execution.MigrationExecutor;
import dev.colsync.runtime.execution.PhaseOutcome;
import dev.colsync.runtime.sql.ScriptRunner;
import dev.colsync.testing.EachPostgres;
import dev.colsync.testing.PostgresServer;
import dev.colsync.testing.TestDatabase;
import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The backfill walks only the rows there were when it started: rows inserted while it runs are written by
 * the sync trigger, so neither the executor's runner nor the generated procedure chases the writers, and
 * progress counts toward that bound.
 */
class BackfillBoundTest {
  private static final int ROWS = 1_000;
  private static final int BATCH = 50;
  private static final int INSERTED = 3_000;

  @EachPostgres
  void theExecutorStopsAtTheHighestKeyItFoundWhenItStarted(PostgresServer server) throws Exception {
    TestMigration migration = TestMigration.cents("bounded", Duration.ofMillis(1));
    ExecutionSettings settings = TestMigration.quickSettings()
        .withBatches(ExecutionSettings.BatchSizing.fixed(BATCH, Duration.ofMillis(100)));
    try (TestDatabase database = server.newDatabase(); Connection admin = database.connect();
        Connection writer = database.connect()) {
      migration.createTable(admin, ROWS);
      Sql.execute(admin, "ANALYZE public.items");
      AtomicBoolean inserted = new AtomicBoolean();
      RecordingListener listener = new RecordingListener() {
        @Override
        public void backfillProgress(BackfillProgress p) {
          super.backfillProgress(p);
          if (inserted.compareAndSet(false, true)) {
            insertRows(writer, migration);
          }
        }
      };
      MigrationExecutor executor = migration.executor(database, settings, listener);
      executor.apply("expand");

      PhaseOutcome backfill = executor.apply("backfill");

      assertThat(backfill.complete()).isTrue();
      assertThat(backfill.steps().get(1).detail()).contains("(" + ROWS + " rows walked)");
      assertThat(Sql.text(admin, "SELECT batches || ' ' || rows_changed || ' ' || bound_key::text || ' ' || bound_rows"
          + " FROM " + migration.stateTable())).isEqualTo(ROWS / BATCH + " " + ROWS + " {" + ROWS + "} " + ROWS);
      assertThat(listener.progress).allSatisfy(p -> assertThat(p.estimatedTotal()).isEqualTo(ROWS));
      assertThat(listener.progress).allSatisfy(p -> assertThat(p.rowsDone()).isLessThanOrEqualTo(ROWS));
      BackfillProgress halfway = listener.progress.get(ROWS / BATCH / 2 - 1);
      assertThat(halfway.rowsDone()).isEqualTo(ROWS / 2);
      assertThat(halfway.eta()).isPresent().get().isNotEqualTo(Duration.ZERO);
      assertThat(Sql.number(admin, "SELECT count(*) FROM public.items")).isEqualTo((long) ROWS + INSERTED);
      assertThat(migration.divergent(admin)).isZero();
    }
  }

  @EachPostgres
  void theGeneratedProcedureStopsThereToo(PostgresServer server) throws Exception {
    TestMigration migration = TestMigration.cents("bounded_call", Duration.ofMillis(1));
    String procedure = "public." + migration.plan().names().backfillProcedure();
    try (TestDatabase database = server.newDatabase(); Connection admin = database.connect();
        Connection caller = database.connect(); Connection writer = database.connect()) {
      migration.createTable(admin, ROWS);
      migration.executor(database, TestMigration.quickSettings(), new RecordingListener()).apply("expand");
      ScriptRunner.run(admin, migration.step(Phase.BACKFILL, "prepare").sql());
      CompletableFuture<Void> call = CompletableFuture.runAsync(() -> {
        try {
          Sql.execute(caller, "CALL " + procedure + "(colsync_batch_size => " + BATCH
              + ", colsync_pause => '20 milliseconds')");
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      await(() -> boundRecorded(admin, migration), Duration.ofSeconds(30));
      insertRows(writer, migration);
      call.get(60, TimeUnit.SECONDS);

      assertThat(Sql.text(admin, "SELECT batches || ' ' || rows_changed || ' ' || done || ' ' || bound_key::text"
          + " FROM " + migration.stateTable())).isEqualTo(ROWS / BATCH + " " + ROWS + " true {" + ROWS + "}");
      assertThat(migration.divergent(admin)).isZero();
    }
  }

  @EachPostgres
  void anEmptyTableIsDoneAtOnceAndLaterRowsAreTheTriggers(PostgresServer server) throws Exception {
    TestMigration migration = TestMigration.cents("bounded_empty", Duration.ofMillis(1));
    try (TestDatabase database = server.newDatabase(); Connection admin = database.connect()) {
      migration.createTable(admin, 1);
      Sql.execute(admin, "DELETE FROM public.items");
      MigrationExecutor executor = migration.executor(database, TestMigration.quickSettings(), new RecordingListener());
      executor.apply("expand");
      insertRows(admin, migration);

      assertThat(executor.apply("backfill").complete()).isTrue();
      assertThat(migration.divergent(admin)).isZero();
    }
  }

  private static void insertRows(Connection writer, TestMigration migration) {
    try {
      Sql.execute(writer, "INSERT INTO public.items (" + migration.oldColumn() + ") SELECT g * 0.5"
          + " FROM generate_series(1, " + INSERTED + ") AS g");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean boundRecorded(Connection admin, TestMigration migration) {
    try {
      return Sql.text(admin, "SELECT to_regclass('" + migration.stateTable() + "')") != null
          && Sql.number(admin, "SELECT count(*) FROM " + migration.stateTable() + " WHERE bound_key IS NOT NULL") > 0;
    } catch (Exception e) {
      return false;
    }
  }
}
