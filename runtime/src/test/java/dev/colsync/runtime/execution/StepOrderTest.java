package dev.colsync.runtime.execution;

import static dev.colsync.runtime.execution.Plans.phase;
import static dev.colsync.runtime.execution.Plans.step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.colsync.testing.EachPostgres;
import dev.colsync.testing.PostgresServer;
import dev.colsync.testing.TestDatabase;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Steps run in order and once; rollbacks run newest phase first; one run of a migration at a time. */
class StepOrderTest {
  private static ExecutionPlan plan() {
    return Plans.scripts("ordered", Duration.ofSeconds(2),
        phase("first", List.of(
                step("add-a", "ALTER TABLE public.items ADD COLUMN IF NOT EXISTS a int;\n"),
                step("add-b", "ALTER TABLE public.items ADD COLUMN IF NOT EXISTS b int;\n")),
            List.of(step("drop-a-b", "ALTER TABLE public.items DROP COLUMN IF EXISTS a, DROP COLUMN IF EXISTS b;\n"))),
        phase("switch", List.of(), List.of()),
        phase("second", List.of(step("add-c", "ALTER TABLE public.items ADD COLUMN IF NOT EXISTS c int;\n")),
            List.of(step("drop-c", "ALTER TABLE public.items DROP COLUMN IF EXISTS c;\n"))));
  }

  @EachPostgres
  void stepsRunInOrderOnceAndRollBackNewestFirst(PostgresServer server) throws Exception {
    try (TestDatabase database = server.newDatabase(); Connection admin = database.connect()) {
      Sql.execute(admin, "CREATE TABLE public.items (id bigint PRIMARY KEY, name text)");
      MigrationExecutor executor = new MigrationExecutor(ConnectionSource.of(database.jdbcUrl()), plan(),
          ExecutionSettings.defaults(), new RecordingListener());

      assertThatThrownBy(() -> executor.apply("second"))
          .isInstanceOf(ExecutionRefusedException.class)
          .hasMessage("second/add-c cannot run yet: first/add-a must be applied first (phase first)");
      assertThatThrownBy(() -> executor.apply("cutover"))
          .isInstanceOf(ExecutionRefusedException.class)
          .hasMessage("migration ordered has no cutover phase (its phases: first, switch, second)");

      assertThat(executor.apply("first").steps()).extracting(StepOutcome::result)
          .containsExactly(StepOutcome.Result.DONE, StepOutcome.Result.DONE);
      assertThat(executor.apply("first").steps()).extracting(StepOutcome::result)
          .containsExactly(StepOutcome.Result.ALREADY_DONE, StepOutcome.Result.ALREADY_DONE);
      assertThat(executor.apply("switch").note()).isEqualTo("phase switch runs no SQL");
      executor.apply("second");
      assertThat(columns(admin)).isEqualTo("a,b,c,id,name");
      assertThat(executor.status().appliedSteps()).containsExactly("first/add-a", "first/add-b", "second/add-c");
      assertThat(executor.status().lastApplied()).hasValueSatisfying(last ->
          assertThat(last.step()).isEqualTo("second/add-c"));

      assertThatThrownBy(() -> executor.rollback("first"))
          .isInstanceOf(ExecutionRefusedException.class)
          .hasMessageStartingWith("roll back second first: its step second/add-c is applied");
      executor.rollback("second");
      assertThat(executor.rollback("second").note()).isEqualTo("nothing to roll back: no step of second is applied");
      executor.rollback("first");
      assertThat(columns(admin)).isEqualTo("id,name");
      assertThat(executor.status().appliedSteps()).isEmpty();
      assertThat(Sql.text(admin, "SELECT string_agg(action || ' ' || phase || '/' || step || ' ' || outcome, '; '"
          + " ORDER BY id) FROM colsync.audit_log")).isEqualTo("apply first/add-a ok; apply first/add-b ok;"
          + " apply second/add-c ok; rollback second/drop-c ok; rollback first/drop-a-b ok");
    }
  }

  @EachPostgres
  void anotherRunOfTheSameMigrationIsRefusedOnceTheWaitForItIsOver(PostgresServer server) throws Exception {
    try (TestDatabase database = server.newDatabase(); Connection admin = database.connect();
        Connection other = database.connect()) {
      Sql.execute(admin, "CREATE TABLE public.items (id bigint PRIMARY KEY, name text)");
      MigrationExecutor executor = new MigrationExecutor(ConnectionSource.of(database.jdbcUrl()), plan(),
          ExecutionSettings.defaults().withOtherRunWait(Duration.ofMillis(300)), new RecordingListener());
      Sql.execute(other, "SELECT pg_advisory_lock(hashtextextended('colsync migration ordered', 0))");
      int otherPid = (int) Sql.number(other, "SELECT pg_backend_pid()");

      long start = System.nanoTime();
      assertThatThrownBy(() -> executor.apply("first"))
          .isInstanceOf(ExecutionRefusedException.class)
          .hasMessageStartingWith("another colsync run of ordered is in progress (backend pid " + otherPid + "),"
              + " still after 300 ms; wait for it to finish");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(300), Duration.ofSeconds(3));
      assertThat(executor.status().runningBackend()).contains(otherPid);
      assertThatThrownBy(() -> new MigrationExecutor(ConnectionSource.of(database.jdbcUrl()), plan(),
          ExecutionSettings.defaults().withOtherRunWait(Duration.ZERO), new RecordingListener()).apply("first"))
          .isInstanceOf(ExecutionRefusedException.class)
          .hasMessage("another colsync run of ordered is in progress (backend pid " + otherPid + "); wait for it to"
              + " finish, or pause or cancel its backfill");

      Sql.execute(other, "SELECT pg_advisory_unlock_all()");
      executor.apply("first");
      assertThat(executor.status().runningBackend()).isEmpty();
    }
  }

  /** A run that ends while the next one waits for it hands the lock over: the next one is not refused. */
  @EachPostgres
  void aRunWaitsForTheLockOfARunThatIsFinishing(PostgresServer server) throws Exception {
    try (TestDatabase database = server.newDatabase(); Connection admin = database.connect();
        Connection other = database.connect()) {
      Sql.execute(admin, "CREATE TABLE public.items (id bigint PRIMARY KEY, name text)");
      MigrationExecutor executor = new MigrationExecutor(ConnectionSource.of(database.jdbcUrl()), plan(),
          ExecutionSettings.defaults(), new RecordingListener());
      assertThat(ExecutionSettings.defaults().otherRunWait()).isEqualTo(Duration.ofSeconds(5));
      Sql.execute(other, "SELECT pg_advisory_lock(hashtextextended('colsync migration ordered', 0))");
      Thread finishing = new Thread(() -> {
        try {
          Thread.sleep(500);
          Sql.execute(other, "SELECT pg_advisory_unlock_all()");
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });

      long start = System.nanoTime();
      finishing.start();
      executor.apply("first");
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      finishing.join();

      assertThat(took).isBetween(Duration.ofMillis(500), Duration.ofSeconds(5));
      assertThat(executor.status().appliedSteps()).hasSize(2);
      System.out.printf("on %s the next run took the lock %d ms after the first was asked to end%n", server,
          took.toMillis() - 500);
      assertThat(Sql.number(admin, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"
          + " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())")).isZero();
    }
  }

  /**
   * The run holding the lock builds an index CONCURRENTLY, which waits for every open transaction: the run
   * waiting for the lock keeps none open, so the build finishes and the waiting run follows.
   */
  @EachPostgres
  void aRunWaitingForTheLockDoesNotHoldUpAConcurrentIndexBuildOfTheRunThatHasIt(PostgresServer server)
      throws Exception {
    try (TestDatabase database = server.newDatabase(); Connection admin = database.connect();
        Connection other = database.connect()) {
      Sql.execute(admin, "CREATE TABLE public.items (id bigint PRIMARY KEY, name text)");
      MigrationExecutor executor = new MigrationExecutor(ConnectionSource.of(database.jdbcUrl()), plan(),
          ExecutionSettings.defaults().withOtherRunWait(Duration.ofSeconds(10)), new RecordingListener());
      Sql.execute(other, "SELECT pg_advisory_lock(hashtextextended('colsync migration ordered', 0))");
      CompletableFuture<PhaseOutcome> waiting = CompletableFuture.supplyAsync(() -> {
        try {
          return executor.apply("first");
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      Thread.sleep(500);
      assertThat(waiting).isNotDone();

      long start = System.nanoTime();
      Sql.execute(other, "CREATE INDEX CONCURRENTLY items_name ON public.items (name)");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).as("the index build").isLessThan(Duration.ofSeconds(3));
      Sql.execute(other, "SELECT pg_advisory_unlock_all()");

      assertThat(waiting.get(10, TimeUnit.SECONDS).steps()).hasSize(2);
    }
  }

  @EachPostgres
  void aStepThatLocksTwoTablesExclusivelyIsRolledBack(PostgresServer server) throws Exception {
    try (TestDatabase database = server.newDatabase(); Connection admin = database.connect()) {
      Sql.execute(admin, "CREATE TABLE public.items (id bigint PRIMARY KEY, name text)");
      Sql.execute(admin, "CREATE TABLE public.other (id bigint PRIMARY KEY)");
      ExecutionPlan plan = Plans.scripts("two_locks", Duration.ofSeconds(2),
          phase("expand", List.of(step("one-table-and-a-new-one",
                  "ALTER TABLE public.items ADD COLUMN a int;\nCREATE TABLE public.fresh (id int PRIMARY KEY);\n"),
              step("two-tables",
                  "ALTER TABLE public.items ADD COLUMN b int;\nALTER TABLE public.other ADD COLUMN b int;\n")),
              List.of()));
      MigrationExecutor executor = new MigrationExecutor(ConnectionSource.of(database.jdbcUrl()), plan,
          ExecutionSettings.defaults(), new RecordingListener());

      assertThatThrownBy(() -> executor.apply("expand"))
          .isInstanceOf(StepFailedException.class)
          .hasMessageContaining("expand/two-tables failed: the step takes ACCESS EXCLUSIVE locks on 2 tables in one"
              + " transaction (public.items, public.other)");
      assertThat(columns(admin)).isEqualTo("a,id,name");
      assertThat(executor.status().appliedSteps()).containsExactly("expand/one-table-and-a-new-one");
    }
  }

  private static String columns(Connection connection) throws Exception {
    return Sql.text(connection, "SELECT string_agg(column_name, ',' ORDER BY column_name) FROM information_schema.columns"
        + " WHERE table_schema = 'public' AND table_name = 'items'");
  }
}
