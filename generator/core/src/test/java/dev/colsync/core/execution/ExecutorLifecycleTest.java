package dev.colsync.core.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.colsync.runtime.execution.AuditChain;
import dev.colsync.runtime.execution.AuditRecord;
import dev.colsync.runtime.execution.ConvergenceReport;
import dev.colsync.runtime.execution.ExecutionListener;
import dev.colsync.runtime.execution.ExecutionRefusedException;
import dev.colsync.runtime.execution.GateOverride;
import dev.colsync.runtime.execution.LockRetryEvent;
import dev.colsync.runtime.execution.MigrationExecutor;
import dev.colsync.runtime.execution.PhaseOutcome;
import dev.colsync.runtime.execution.StepFailedException;
import dev.colsync.runtime.execution.StepOutcome;
import dev.colsync.runtime.flag.JdbcFlagStore;
import dev.colsync.runtime.flag.ReadPath;
import dev.colsync.testing.EachPostgres;
import dev.colsync.testing.PostgresServer;
import dev.colsync.testing.TestDatabase;
import java.sql.Connection;
import java.util.List;

/**
 * Every phase of a generated migration through the executor: the contract gate refuses while planted
 * divergent rows exist or the read path is not NEW, opens once both are right, and a named override is
 * recorded; the rollback of contract refills the old column with the Java runner.
 */
class ExecutorLifecycleTest {
  private static final int ROWS = 2_000;

  @EachPostgres
  void contractWaitsForConvergenceAndTheNewReadPath(PostgresServer server) throws Exception {
    TestMigration migration = TestMigration.cents("orders_cents");
    try (TestDatabase database = server.newDatabase(); Connection admin = database.connect()) {
      migration.createTable(admin, ROWS);
      RecordingListener listener = new RecordingListener();
      MigrationExecutor executor = migration.executor(database, TestMigration.quickSettings(), listener);

      assertThatThrownBy(() -> executor.apply("cutover")).isInstanceOf(ExecutionRefusedException.class)
          .hasMessageStartingWith("migration orders_cents has no cutover phase");
      assertThatThrownBy(() -> executor.apply("contract")).isInstanceOf(ExecutionRefusedException.class)
          .hasMessage("contract/check-convergence cannot run yet: expand/add-column must be applied first (phase expand)");
      executor.apply("expand");
      PhaseOutcome backfill = executor.apply("backfill");
      assertThat(backfill.steps()).extracting(StepOutcome::step, StepOutcome::result).containsExactly(
          tuple("prepare", StepOutcome.Result.DONE),
          tuple("run", StepOutcome.Result.DONE));
      assertThat(backfill.steps().get(1).detail()).startsWith(ROWS + " rows changed in ");
      assertThat(listener.progress.get(listener.progress.size() - 1)).satisfies(last -> {
        assertThat(last.done()).isTrue();
        assertThat(last.rowsDone()).isEqualTo(ROWS);
      });
      executor.apply("validate");
      assertThat(executor.verify().converged()).isTrue();

      Sql.execute(admin, "ALTER TABLE public.items DISABLE TRIGGER USER");
      Sql.execute(admin, "UPDATE public.items SET amount_cents = amount_cents + 1 WHERE id IN (5, 17, 1300)");
      Sql.execute(admin, "ALTER TABLE public.items ENABLE TRIGGER USER");
      ConvergenceReport report = executor.verify();
      assertThat(report.rowsChecked()).isEqualTo(ROWS);
      assertThat(report.divergentRows()).isEqualTo(3);
      assertThat(report.sampleKeys()).containsExactly(List.of("5"), List.of("17"), List.of("1300"));

      JdbcFlagStore.write(admin, "orders_cents", ReadPath.NEW);
      assertThatThrownBy(() -> executor.apply("contract")).isInstanceOf(ExecutionRefusedException.class)
          .hasMessageStartingWith("contract refused: 3 of 2000 rows have amount_cents IS DISTINCT FROM up(amount),"
              + " keys [5], [17], [1300]. It cannot be undone without loss");
      Sql.execute(admin, "UPDATE public.items SET amount_cents = round(amount * 100)::bigint WHERE id IN (5, 17, 1300)");
      JdbcFlagStore.write(admin, "orders_cents", ReadPath.SHADOW);
      assertThatThrownBy(() -> executor.apply("contract")).isInstanceOf(ExecutionRefusedException.class)
          .hasMessageStartingWith("contract refused: the read-path flag is SHADOW, not NEW.");
      assertThat(columns(admin)).contains("amount");

      JdbcFlagStore.write(admin, "orders_cents", ReadPath.NEW);
      assertThat(executor.apply("contract").steps()).extracting(StepOutcome::step, StepOutcome::detail).containsExactly(
          tuple("check-convergence", "gate: 2000 rows converged, read path NEW"),
          tuple("drop-old-column", "gate: 2000 rows converged, read path NEW"));
      assertThat(columns(admin)).isEqualTo("amount_cents,id,note");
      assertThatThrownBy(executor::verify).as("verify once only the new column is left")
          .isInstanceOf(ExecutionRefusedException.class)
          .hasMessage("verify: orders_cents has been contracted: \"public\".\"items\" has no column amount any more,"
              + " only amount_cents, so there is nothing left to compare (colsync status shows when contract ran)");

      Sql.execute(admin, "UPDATE public.items SET amount_cents = amount_cents * 2 WHERE id <= 10");
      assertThat(executor.rollback("contract").steps()).extracting(StepOutcome::step).containsExactly(
          "restore-old-column", "refill-old-column", "add-old-not-null", "validate-old-not-null", "set-old-not-null");
      assertThat(Sql.number(admin, "SELECT count(*) FROM public.items WHERE amount IS DISTINCT FROM amount_cents / 100.0"))
          .isZero();
      assertThat(Sql.number(admin, "SELECT count(*) FROM public.items WHERE id <= 10 AND amount = (id * 1.25) * 2"))
          .isEqualTo(10);

      JdbcFlagStore.write(admin, "orders_cents", ReadPath.SHADOW);
      assertThat(executor.apply("contract", new GateOverride("INC-42: every reader moved already")).steps())
          .extracting(StepOutcome::result).containsExactly(StepOutcome.Result.DONE, StepOutcome.Result.DONE);
      assertThat(Sql.text(admin, "SELECT reason FROM colsync.gate_overrides WHERE migration = 'orders_cents'"))
          .as("the script's own gate recorded the override it let through")
          .isEqualTo("orders_cents: INC-42: every reader moved already");
      List<AuditRecord> records = AuditChain.records(admin, "orders_cents");
      assertThat(records.get(records.size() - 1).detail()).matches(
          "gate overridden by .+@.+ \\(INC-42: every reader moved already\\): the read-path flag is SHADOW, not NEW");
      assertThat(records).extracting(r -> r.action() + " " + r.phase() + "/" + r.step() + " " + r.outcome())
          .containsExactly("apply expand/add-column ok", "apply backfill/prepare ok", "apply backfill/run ok",
              "apply validate/add-new-not-null ok", "apply validate/validate-new-not-null ok",
              "apply validate/set-new-not-null ok", "apply contract/check-convergence ok",
              "apply contract/drop-old-column ok",
              "rollback contract/restore-old-column ok", "rollback contract/refill-old-column ok",
              "rollback contract/add-old-not-null ok", "rollback contract/validate-old-not-null ok",
              "rollback contract/set-old-not-null ok", "apply contract/check-convergence ok",
              "apply contract/drop-old-column ok");
      assertThat(AuditChain.verify(admin).intact()).isTrue();
    }
  }

  /**
   * The executor's own gate passes, then the drop waits behind a reader's lock; meanwhile the flag goes back
   * to SHADOW. The script's gate, under the table's lock, sees that and refuses: the column stays.
   */
  @EachPostgres
  void aFlagMovedBackWhileContractWaitsForItsLockIsSeenUnderTheLock(PostgresServer server) throws Exception {
    TestMigration migration = TestMigration.cents("orders_cents");
    try (TestDatabase database = server.newDatabase(); Connection admin = database.connect();
         Connection reader = database.connect()) {
      migration.createTable(admin, 200);
      MigrationExecutor prepare = migration.executor(database, TestMigration.quickSettings(), new RecordingListener());
      prepare.apply("expand");
      prepare.apply("backfill");
      prepare.apply("validate");
      JdbcFlagStore.write(admin, "orders_cents", ReadPath.NEW);

      reader.setAutoCommit(false);
      Sql.execute(reader, "SELECT count(*) FROM public.items");
      List<Integer> retries = new java.util.concurrent.CopyOnWriteArrayList<>();
      ExecutionListener flipsBack = new ExecutionListener() {
        @Override
        public void lockRetry(LockRetryEvent event) {
          retries.add(event.attempt());
          if (retries.size() == 1) {
            try {
              JdbcFlagStore.write(admin, "orders_cents", ReadPath.SHADOW);
              reader.commit();
            } catch (java.sql.SQLException e) {
              throw new IllegalStateException(e);
            }
          }
        }
      };
      MigrationExecutor executor = migration.executor(database, TestMigration.quickSettings(), flipsBack);
      assertThatThrownBy(() -> executor.apply("contract")).isInstanceOf(StepFailedException.class)
          .hasMessageContaining("contract refused: the read-path flag is SHADOW, not NEW");
      assertThat(retries).as("the drop waited for the reader's lock first").hasSize(1);
      assertThat(columns(admin)).isEqualTo("amount,amount_cents,id,note");
      assertThat(Sql.number(admin, "SELECT count(*) FROM public.items WHERE amount_cents IS DISTINCT FROM round(amount * 100)::bigint"))
          .isZero();
    }
  }

  private static String columns(Connection connection) throws Exception {
    return Sql.text(connection, "SELECT string_agg(column_name, ',' ORDER BY column_name)"
        + " FROM information_schema.columns WHERE table_schema = 'public' AND table_name = 'items'");
  }
}
