package dev.colsync.runtime.execution;

import static dev.colsync.runtime.execution.Plans.phase;
import static dev.colsync.runtime.execution.Plans.step;
import static org.assertj.core.api.Assertions.assertThat;

import dev.colsync.testing.EachPostgres;
import dev.colsync.testing.PostgresServer;
import dev.colsync.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A long transaction holds a lock the DDL step needs: the step gives up within its lock timeout, retries,
 * names the session in its way, and succeeds once the lock is released, while another client is never
 * held up much longer than the lock timeout.
 */
class LockRetryTest {
  private static final Duration LOCK_TIMEOUT = Duration.ofMillis(300);
  private static final Duration MARGIN = Duration.ofMillis(400);
  private static final Duration HOLD = Duration.ofMillis(1_800);

  @EachPostgres
  void theStepRetriesUntilTheLongTransactionEndsWithoutStallingOthers(PostgresServer server) throws Exception {
    try (TestDatabase database = server.newDatabase(); Connection admin = database.connect()) {
      Sql.execute(admin, "CREATE TABLE public.items (id bigint PRIMARY KEY, name text)");
      Sql.execute(admin, "INSERT INTO public.items SELECT g, 'item ' || g FROM generate_series(1, 100) g");
      ExecutionPlan plan = Plans.scripts("lock_retry", LOCK_TIMEOUT,
          phase("expand", List.of(step("add-column", "ALTER TABLE public.items ADD COLUMN IF NOT EXISTS note text;\n")),
              List.of()));
      RecordingListener listener = new RecordingListener();
      MigrationExecutor executor = new MigrationExecutor(ConnectionSource.of(database.jdbcUrl()), plan,
          ExecutionSettings.defaults().withLockRetry(
              new ExecutionSettings.LockRetry(30, Duration.ofMillis(50), Duration.ofMillis(300))),
          listener);

      try (Connection holder = database.connect(); Connection client = database.connect()) {
        int holderPid = (int) Sql.number(holder, "SELECT pg_backend_pid()");
        holder.setAutoCommit(false);
        Sql.execute(holder, "SELECT count(*) FROM public.items /* the long report */");
        ReadingClient reader = new ReadingClient(client);
        CompletableFuture<Void> reading = CompletableFuture.runAsync(reader::run);
        long start = System.nanoTime();
        CompletableFuture<PhaseOutcome> applying = CompletableFuture.supplyAsync(() -> {
          try {
            return executor.apply("expand");
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
        Thread.sleep(HOLD.toMillis());
        holder.commit();
        PhaseOutcome outcome = applying.get(30, TimeUnit.SECONDS);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        reader.stop();
        reading.get(10, TimeUnit.SECONDS);

        StepOutcome step = outcome.steps().get(0);
        System.out.printf("lock retry on %s: %d attempts, applied after %d ms; reader: %d queries, longest %d ms%n",
            server, step.attempts(), took.toMillis(), reader.queries.get(), reader.longestNanos.get() / 1_000_000);
        assertThat(step.result()).isEqualTo(StepOutcome.Result.DONE);
        assertThat(step.attempts()).isGreaterThan(1);
        assertThat(took).isGreaterThanOrEqualTo(HOLD);
        assertThat(listener.retries).isNotEmpty().allSatisfy(retry -> {
          assertThat(retry.cause().getSQLState()).isEqualTo(LockFailures.LOCK_NOT_AVAILABLE);
          assertThat(retry.delay()).isLessThanOrEqualTo(Duration.ofMillis(300));
        });
        assertThat(listener.retries.get(0).blockers()).anySatisfy(blocker -> {
          assertThat(blocker.pid()).isEqualTo(holderPid);
          assertThat(blocker.state()).isEqualTo("idle in transaction");
          assertThat(blocker.query()).startsWith("SELECT count(*) FROM public.items");
          assertThat(blocker.queryStart()).isNotNull();
        });
        assertThat(reader.queries.get()).isPositive();
        assertThat(Duration.ofNanos(reader.longestNanos.get())).isLessThan(LOCK_TIMEOUT.plus(MARGIN));
        assertThat(reader.failures.get()).isZero();
        assertThat(Sql.number(admin, "SELECT count(*) FROM information_schema.columns"
            + " WHERE table_name = 'items' AND column_name = 'note'")).isEqualTo(1);
      }
    }
  }

  @EachPostgres
  void aStopRequestedWhileARetryWaitsEndsTheWaitAndTheFailureIsRecorded(PostgresServer server) throws Exception {
    try (TestDatabase database = server.newDatabase(); Connection admin = database.connect();
        Connection holder = database.connect()) {
      Sql.execute(admin, "CREATE TABLE public.items (id bigint PRIMARY KEY, name text)");
      ExecutionPlan plan = Plans.scripts("lock_retry_stop", LOCK_TIMEOUT,
          phase("expand", List.of(step("add-column", "ALTER TABLE public.items ADD COLUMN IF NOT EXISTS note text;\n")),
              List.of()));
      RecordingListener listener = new RecordingListener();
      MigrationExecutor executor = new MigrationExecutor(ConnectionSource.of(database.jdbcUrl()), plan,
          ExecutionSettings.defaults().withLockRetry(
              new ExecutionSettings.LockRetry(30, Duration.ofSeconds(20), Duration.ofSeconds(20))),
          listener);
      holder.setAutoCommit(false);
      Sql.execute(holder, "LOCK TABLE public.items IN ACCESS SHARE MODE");
      CompletableFuture<Throwable> applying = CompletableFuture.supplyAsync(() -> {
        try {
          executor.apply("expand");
          return null;
        } catch (Exception e) {
          return e;
        }
      });
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (listener.retries.isEmpty()) {
        assertThat(System.nanoTime()).as("a first lock timeout within 20 s").isLessThan(deadline);
        Thread.sleep(10);
      }
      long stop = System.nanoTime();
      executor.requestStop();
      Throwable failure = applying.get(10, TimeUnit.SECONDS);

      assertThat(Duration.ofNanos(System.nanoTime() - stop)).as("the 20 s wait ends at the stop")
          .isLessThan(Duration.ofSeconds(2));
      assertThat(failure).isInstanceOf(StepFailedException.class);
      assertThat(listener.retries).hasSize(1);
      assertThat(Sql.text(admin, "SELECT outcome FROM colsync.audit_log ORDER BY id DESC LIMIT 1")).isEqualTo("failed");
      holder.rollback();
    }
  }

  /** Reads one row again and again, remembering the slowest read. */
  private static final class ReadingClient {
    final AtomicLong longestNanos = new AtomicLong();
    final AtomicLong queries = new AtomicLong();
    final AtomicLong failures = new AtomicLong();
    private final Connection connection;
    private final AtomicBoolean stopped = new AtomicBoolean();

    ReadingClient(Connection connection) {
      this.connection = connection;
    }

    void run() {
      try (PreparedStatement read = connection.prepareStatement("SELECT name FROM public.items WHERE id = ?")) {
        while (!stopped.get()) {
          read.setLong(1, 1 + queries.get() % 100);
          long start = System.nanoTime();
          try (ResultSet row = read.executeQuery()) {
            row.next();
          } catch (Exception e) {
            failures.incrementAndGet();
          }
          longestNanos.accumulateAndGet(System.nanoTime() - start, Math::max);
          queries.incrementAndGet();
          Thread.sleep(5);
        }
      } catch (Exception e) {
        failures.incrementAndGet();
      }
    }

    void stop() {
      stopped.set(true);
    }
  }
}
