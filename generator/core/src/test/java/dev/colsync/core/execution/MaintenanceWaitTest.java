package dev.colsync.core.execution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.colsync.runtime.execution.StepOutcome;
import dev.colsync.testing.EachPostgres;
import dev.colsync.testing.PostgresServer;
import dev.colsync.testing.TestDatabase;
import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A locking step does not queue behind a maintenance operation (here a transaction holding the table's
 * SHARE UPDATE EXCLUSIVE lock, as VACUUM and autovacuum do): it waits for it first, so the application's
 * writes, which that lock does not block, are not held up behind the step's request.
 */
class MaintenanceWaitTest {

  @EachPostgres
  void aLockingStepWaitsForAMaintenanceOperationInsteadOfQueueingBehindIt(PostgresServer server) throws Exception {
    TestMigration migration = TestMigration.cents("maintenance");
    try (TestDatabase database = server.newDatabase(); Connection admin = database.connect();
        Connection maintenance = database.connect(); Connection writer = database.connect()) {
      migration.createTable(admin, 100);
      maintenance.setAutoCommit(false);
      Sql.execute(maintenance, "LOCK TABLE public.items IN SHARE UPDATE EXCLUSIVE MODE");
      RecordingListener listener = new RecordingListener();
      CompletableFuture<StepOutcome> expand = CompletableFuture.supplyAsync(() -> {
        try {
          return migration.executor(database, TestMigration.quickSettings(), listener).apply("expand").steps()
              .get(0);
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      BackfillKillTest.await(() -> listener.notices.stream().anyMatch(n -> n.contains("maintenance operation")),
          Duration.ofSeconds(10));

      long started = System.nanoTime();
      Sql.execute(writer, "INSERT INTO public.items (amount) VALUES (1.25)");
      Duration insert = Duration.ofNanos(System.nanoTime() - started);
      Thread.sleep(300);
      assertThat(expand).isNotDone();
      maintenance.commit();
      StepOutcome outcome = expand.get(20, TimeUnit.SECONDS);

      assertThat(insert).as("a write while expand waits").isLessThan(Duration.ofMillis(500));
      assertThat(outcome.result()).isEqualTo(StepOutcome.Result.DONE);
      assertThat(outcome.attempts()).isOne();
      assertThat(listener.retries).isEmpty();
      assertThat(listener.notices).anySatisfy(notice -> assertThat(notice)
          .startsWith("expand / add-column: waiting up to 5min 0s before requesting the lock on public.items:"
              + " a maintenance operation holds it (pid ")
          .endsWith("and clients would queue behind the request"));
      assertThat(listener.notices).anySatisfy(notice -> assertThat(notice)
          .startsWith("expand / add-column: the maintenance operation is over after"));
      System.out.printf("maintenance wait on %s: %s%n", server, listener.notices);
    }
  }
}
