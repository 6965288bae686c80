package dev.colsync.core.execution;

import static dev.colsync.core.execution.BackfillKillTest.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.colsync.core.plan.Phase;
import dev.colsync.runtime.execution.ExecutionSettings;
import dev.colsync.runtime.execution.StepOutcome;
import dev.colsync.runtime.sql.ScriptRunner;
import dev.colsync.testing.EachPostgres;
import dev.colsync.testing.PostgresServer;
import dev.colsync.testing.TestDatabase;
import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** The backfill pauses while the database is busy or its batches make others wait, and says why. */
class ThrottleTest {

  @EachPostgres
  void itWaitsWhileMoreSessionsAreActiveThanAllowed(PostgresServer server) throws Exception {
    TestMigration migration = TestMigration.cents("busy");
    ExecutionSettings settings = TestMigration.quickSettings().withThrottle(
        new ExecutionSettings.Throttle(Duration.ofSeconds(10), 1, Duration.ofMillis(200), Duration.ofMillis(50)));
    try (TestDatabase database = server.newDatabase(); Connection admin = database.connect();
        Connection first = database.connect(); Connection second = database.connect()) {
      migration.createTable(admin, 1_000);
      RecordingListener listener = new RecordingListener();
      migration.executor(database, settings, listener).apply("expand");
      CompletableFuture<Void> busy = CompletableFuture.allOf(sleep(first, 1.5), sleep(second, 1.5));
      await(() -> activeSessions(admin) >= 2, Duration.ofSeconds(10));

      StepOutcome run = migration.executor(database, settings, listener).apply("backfill").steps().get(1);

      busy.get(10, TimeUnit.SECONDS);
      assertThat(run.result()).isEqualTo(StepOutcome.Result.DONE);
      assertThat(listener.pauses).first().asString()
          .isEqualTo("2 other sessions are active in the database, over the limit of 1");
      assertThat(listener.resumes).singleElement().satisfies(paused ->
          assertThat(paused).isBetween(Duration.ofMillis(800), Duration.ofSeconds(5)));
      assertThat(migration.divergent(admin)).isZero();
      System.out.printf("throttle on %s: paused %d ms for: %s%n", server, listener.resumes.get(0).toMillis(),
          listener.pauses.get(0));
    }
  }

  @EachPostgres
  void itBacksOffWhenABatchMadeAnotherSessionWait(PostgresServer server) throws Exception {
    TestMigration migration = TestMigration.cents("blocking");
    ExecutionSettings settings = TestMigration.quickSettings()
        .withBatches(ExecutionSettings.BatchSizing.fixed(40, Duration.ofMillis(100)))
        .withThrottle(new ExecutionSettings.Throttle(Duration.ofSeconds(10), 50, Duration.ofMillis(150),
            Duration.ofMillis(50)));
    try (TestDatabase database = server.newDatabase(); Connection admin = database.connect();
        Connection client = database.connect()) {
      migration.createTable(admin, 400);
      RecordingListener listener = new RecordingListener();
      migration.executor(database, settings, listener).apply("expand");
      // Each row the backfill writes takes 4 ms, so a batch holds its row locks for about 160 ms.
      Sql.execute(admin, "CREATE FUNCTION public.slow_down() RETURNS trigger LANGUAGE plpgsql"
          + " AS $$ BEGIN PERFORM pg_sleep(0.004); RETURN NEW; END $$");
      Sql.execute(admin, "CREATE TRIGGER slow_down BEFORE UPDATE OF amount_cents ON public.items"
          + " FOR EACH ROW EXECUTE FUNCTION public.slow_down()");
      ScriptRunner.run(admin, migration.step(Phase.BACKFILL, "prepare").sql());
      int clientPid = (int) Sql.number(client, "SELECT pg_backend_pid()");
      AtomicBoolean stop = new AtomicBoolean();
      CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> {
        try {
          while (!stop.get()) {
            // A row just ahead of the checkpoint: inside the batch that runs next.
            Sql.execute(client, "UPDATE public.items SET note = 'touched' WHERE id = (SELECT last_key[1]::bigint + 20"
                + " FROM " + migration.stateTable() + " WHERE direction = 'up')");
            Thread.sleep(5);
          }
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });

      StepOutcome run = migration.executor(database, settings, listener).apply("backfill").steps().get(1);

      stop.set(true);
      writing.get(10, TimeUnit.SECONDS);
      assertThat(run.result()).isEqualTo(StepOutcome.Result.DONE);
      assertThat(listener.pauses).anySatisfy(reason -> assertThat(reason)
          .startsWith("the last batch made 1 session wait for its locks (pid " + clientPid + " (")
          .contains("UPDATE public.items SET note = 'touched'")
          .endsWith("); backing off 150ms"));
      assertThat(listener.resumes).isNotEmpty();
      assertThat(migration.divergent(admin)).isZero();
      System.out.printf("lock-wait throttle on %s: %d pauses, e.g.: %s%n", server, listener.pauses.size(),
          listener.pauses.get(0));
    }
  }

  @EachPostgres
  void theBackoffAfterABatchThatMadeSomeoneWaitLastsAboutAsLongAsThatBatch(PostgresServer server) throws Exception {
    TestMigration migration = TestMigration.cents("proportional");
    ExecutionSettings settings = TestMigration.quickSettings()
        .withBatches(ExecutionSettings.BatchSizing.fixed(40, Duration.ofMillis(100)))
        .withThrottle(new ExecutionSettings.Throttle(Duration.ofSeconds(10), 50, Duration.ofSeconds(30),
            Duration.ofMillis(50)));
    try (TestDatabase database = server.newDatabase(); Connection admin = database.connect();
        Connection client = database.connect()) {
      migration.createTable(admin, 200);
      RecordingListener listener = new RecordingListener();
      migration.executor(database, settings, listener).apply("expand");
      // Each row the backfill writes takes 4 ms, so a batch of 40 holds its row locks for about 160 ms.
      Sql.execute(admin, "CREATE FUNCTION public.slow_down() RETURNS trigger LANGUAGE plpgsql"
          + " AS $$ BEGIN PERFORM pg_sleep(0.004); RETURN NEW; END $$");
      Sql.execute(admin, "CREATE TRIGGER slow_down BEFORE UPDATE OF amount_cents ON public.items"
          + " FOR EACH ROW EXECUTE FUNCTION public.slow_down()");
      ScriptRunner.run(admin, migration.step(Phase.BACKFILL, "prepare").sql());
      AtomicBoolean stop = new AtomicBoolean();
      CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> {
        try {
          while (!stop.get()) {
            Sql.execute(client, "UPDATE public.items SET note = 'touched' WHERE id = (SELECT last_key[1]::bigint + 20"
                + " FROM " + migration.stateTable() + " WHERE direction = 'up')");
            Thread.sleep(5);
          }
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });

      long started = System.nanoTime();
      StepOutcome run = migration.executor(database, settings, listener).apply("backfill").steps().get(1);
      Duration took = Duration.ofNanos(System.nanoTime() - started);

      stop.set(true);
      writing.get(10, TimeUnit.SECONDS);
      assertThat(run.result()).isEqualTo(StepOutcome.Result.DONE);
      assertThat(listener.pauses).isNotEmpty().allSatisfy(reason -> {
        assertThat(reason).startsWith("the last batch made 1 session wait for its locks");
        String backoff = reason.replaceAll("^.*backing off ", "");
        assertThat(backoff).matches("[0-9]+m?s");
        long millis = backoff.endsWith("ms") ? Long.parseLong(backoff.replace("ms", ""))
            : 1000 * Long.parseLong(backoff.replace("s", ""));
        assertThat(millis).isBetween(100L, 5_000L);
      });
      // Five batches of ~160 ms, each followed by a pause of about as long: far less than one 30 s backoff.
      assertThat(took).isLessThan(Duration.ofSeconds(25));
      assertThat(migration.divergent(admin)).isZero();
      System.out.printf("proportional lock-wait backoff on %s: %d pauses in %d ms, e.g.: %s%n", server,
          listener.pauses.size(), took.toMillis(), listener.pauses.get(0));
    }
  }

  @EachPostgres
  void theFirstBatchProbesWithATenthOfThePlannedSizeAndTheSecondIsNoLarger(PostgresServer server) throws Exception {
    TestMigration migration = TestMigration.cents("probe");
    ExecutionSettings settings = TestMigration.quickSettings()
        .withBatches(new ExecutionSettings.BatchSizing(1, 10_000, Duration.ofSeconds(5)));
    try (TestDatabase database = server.newDatabase(); Connection admin = database.connect()) {
      migration.createTable(admin, 1_000);
      RecordingListener listener = new RecordingListener();
      migration.executor(database, settings, listener).apply("expand");

      migration.executor(database, settings, listener).apply("backfill");

      // The plan's batch size is 100; a batch of 10 rows takes far less than the 5 s target.
      assertThat(listener.progress.get(0).rowsDone()).isEqualTo(10);
      assertThat(listener.progress.get(0).batchSize()).isEqualTo(100);
      assertThat(listener.progress.get(1).rowsDone()).isEqualTo(110);
      assertThat(listener.progress.get(listener.progress.size() - 1).rowsDone()).isEqualTo(1_000);
      // Each event says how long its batch's transaction took; the batches were all there was to the run.
      assertThat(listener.progress).allSatisfy(p -> assertThat(p.lastBatch()).isPositive());
      assertThat(listener.progress.stream().map(p -> p.lastBatch()).reduce(Duration.ZERO, Duration::plus))
          .isLessThanOrEqualTo(listener.progress.get(listener.progress.size() - 1).elapsed());
      assertThat(migration.divergent(admin)).isZero();
    }
  }

  @EachPostgres
  void whileOtherSessionsRunStatementsEachBatchIsFollowedByTheNiceRatioOfItsDuration(PostgresServer server)
      throws Exception {
    RecordingListener idle = niceBackfill(server, Busy.NONE);
    assertThat(idle.progress).last().satisfies(last -> assertThat(last.yielded()).isZero());
    assertThat(idle.notices).noneMatch(notice -> notice.contains("nice ratio"));

    RecordingListener loaded = niceBackfill(server, Busy.RUNNING_A_STATEMENT);
    Duration batches = loaded.progress.stream().filter(p -> !p.done()).map(p -> p.lastBatch())
        .reduce(Duration.ZERO, Duration::plus);
    Duration yielded = loaded.progress.get(loaded.progress.size() - 1).yielded();
    assertThat(yielded.toMillis()).as("slept, against half of %s in batches", batches)
        .isBetween((long) (batches.toMillis() * 0.35), (long) (batches.toMillis() * 0.65));
    assertThat(loaded.notices).anySatisfy(notice -> assertThat(notice)
        .contains("other sessions are at work").contains("0.5 times its duration (the nice ratio)"));
    assertThat(loaded.pauses).as("yielding is not a pause").isEmpty();
    System.out.printf("nice ratio 0.5 on %s: %d ms in batches, %d ms yielded%n", server, batches.toMillis(),
        yielded.toMillis());

    RecordingListener inTransaction = niceBackfill(server, Busy.INSIDE_A_TRANSACTION);
    assertThat(inTransaction.progress).last().satisfies(last -> assertThat(last.yielded()).isPositive());
  }

  /** What another session of the database does while the backfill runs. */
  private enum Busy { NONE, RUNNING_A_STATEMENT, INSIDE_A_TRANSACTION }

  /** A backfill of 8 batches of about 100 ms at a nice ratio of 0.5, while another session does {@code others}. */
  private static RecordingListener niceBackfill(PostgresServer server, Busy others) throws Exception {
    TestMigration migration = TestMigration.cents("nice");
    ExecutionSettings settings = TestMigration.quickSettings()
        .withBatches(ExecutionSettings.BatchSizing.fixed(25, Duration.ofMillis(100)))
        .withThrottle(new ExecutionSettings.Throttle(Duration.ofSeconds(10), 50, Duration.ofMillis(150),
            Duration.ofMillis(50), 0.5));
    try (TestDatabase database = server.newDatabase(); Connection admin = database.connect();
        Connection busy = database.connect()) {
      migration.createTable(admin, 200);
      RecordingListener listener = new RecordingListener();
      migration.executor(database, settings, listener).apply("expand");
      slowDownBackfillWrites(admin);
      CompletableFuture<Void> statement = others == Busy.RUNNING_A_STATEMENT ? sleep(busy, 4)
          : CompletableFuture.completedFuture(null);
      if (others == Busy.RUNNING_A_STATEMENT) {
        await(() -> activeSessions(admin) >= 1, Duration.ofSeconds(10));
      }
      if (others == Busy.INSIDE_A_TRANSACTION) {
        busy.setAutoCommit(false);
        Sql.execute(busy, "SELECT 1");
      }
      StepOutcome run = migration.executor(database, settings, listener).apply("backfill").steps().get(1);
      statement.get(10, TimeUnit.SECONDS);
      if (others == Busy.INSIDE_A_TRANSACTION) {
        busy.commit();
      }
      assertThat(run.result()).isEqualTo(StepOutcome.Result.DONE);
      assertThat(migration.divergent(admin)).isZero();
      return listener;
    }
  }

  /** Each row the backfill writes takes 4 ms, so a batch of 25 rows takes about 100 ms. */
  private static void slowDownBackfillWrites(Connection admin) throws Exception {
    Sql.execute(admin, "CREATE FUNCTION public.slow_down() RETURNS trigger LANGUAGE plpgsql"
        + " AS $$ BEGIN PERFORM pg_sleep(0.004); RETURN NEW; END $$");
    Sql.execute(admin, "CREATE TRIGGER slow_down BEFORE UPDATE OF amount_cents ON public.items"
        + " FOR EACH ROW EXECUTE FUNCTION public.slow_down()");
  }

  private static CompletableFuture<Void> sleep(Connection connection, double seconds) {
    return CompletableFuture.runAsync(() -> {
      try {
        Sql.execute(connection, "SELECT pg_sleep(" + seconds + ")");
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
  }

  private static long activeSessions(Connection admin) {
    try {
      return Sql.number(admin, "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
          + " AND state = 'active' AND query LIKE 'SELECT pg_sleep(%'");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
