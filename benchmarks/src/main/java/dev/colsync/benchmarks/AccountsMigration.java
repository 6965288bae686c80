package dev.colsync.benchmarks;

import dev.colsync.core.execution.ExecutionPlans;
import dev.colsync.core.output.Generator;
import dev.colsync.core.plan.Plan;
import dev.colsync.core.spec.MigrationSpec;
import dev.colsync.core.spec.SpecException;
import dev.colsync.core.spec.SpecLoader;
import dev.colsync.runtime.execution.BackfillProgress;
import dev.colsync.runtime.execution.ConnectionSource;
import dev.colsync.runtime.execution.ExecutionListener;
import dev.colsync.runtime.execution.ExecutionSettings;
import dev.colsync.runtime.execution.LockRetryEvent;
import dev.colsync.runtime.execution.MigrationExecutor;
import dev.colsync.runtime.execution.PhaseOutcome;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The change every database benchmark makes: pgbench's {@code pgbench_accounts.abalance} renamed to
 * {@code balance}, planned by the real generator and applied by the real executor with the CLI's
 * default settings.
 */
final class AccountsMigration {
  static final String NAME = "pgbench_accounts_balance";
  static final Duration LOCK_TIMEOUT = Duration.ofSeconds(1);
  /** The {@code application_name} of the executor's work session (the runtime's {@code Session}). */
  static final String WORK_SESSION = "colsync " + NAME;

  private static final String SPEC = """
      migration: pgbench_accounts_balance
      table: public.pgbench_accounts
      primaryKey: [aid]
      rename: { from: abalance, to: balance, type: integer, notNull: true }
      backfill: { batchSize: 10000, pause: 0ms }
      timeouts: { lock: 1s, statement: 10min }
      """;

  private final Plan plan;
  private final MigrationExecutor executor;
  private final List<Duration> batchDurations = new ArrayList<>();
  private final List<Duration> batchTransactions = new ArrayList<>();
  private Duration paused = Duration.ZERO;
  private Duration yielded = Duration.ZERO;
  private final List<String> lockEvents = new CopyOnWriteArrayList<>();

  AccountsMigration(String jdbcUrl) throws SpecException {
    this(jdbcUrl, new SpecLoader().load("pgbench_accounts_balance.yaml", SPEC));
  }

  /** Another change of {@code pgbench_accounts}, applied the same way. */
  AccountsMigration(String jdbcUrl, MigrationSpec spec) {
    this.plan = new Generator().plan(spec);
    this.executor = new MigrationExecutor(ConnectionSource.of(jdbcUrl), ExecutionPlans.of(plan),
        ExecutionSettings.defaults(), new BatchTimer());
  }

  /** The sync triggers' names (the one every write fires, the one an UPDATE naming the new column fires). */
  List<String> syncTriggers() {
    return List.of(plan.names().syncTrigger(), plan.names().newWrittenTrigger());
  }

  /** Applies {@code phase}, timing each backfill batch. */
  PhaseOutcome apply(String phase) throws SQLException {
    batchDurations.clear();
    batchTransactions.clear();
    paused = Duration.ZERO;
    yielded = Duration.ZERO;
    lockEvents.clear();
    return executor.apply(phase);
  }

  MigrationExecutor executor() {
    return executor;
  }

  /**
   * How long each batch of the last backfill took: the time from the batch before, less any pause the
   * throttle made in between (which {@link #pausedTime()} counts).
   */
  List<Duration> batchDurations() {
    return List.copyOf(batchDurations);
  }

  /**
   * How long each batch's transaction of the last backfill took, first statement to commit, as the
   * executor timed it: how long the batch held its row locks.
   */
  List<Duration> batchTransactions() {
    return List.copyOf(batchTransactions);
  }

  /** What the last phase's steps met on their way to their locks: retries, with who held the lock, and waits. */
  List<String> lockEvents() {
    return List.copyOf(lockEvents);
  }

  /** How long the last backfill slept to leave the processors to busy sessions (the nice ratio). */
  Duration yieldedTime() {
    return yielded;
  }

  /** How long the last backfill stood paused by its throttle (load, lock waiters it caused). */
  Duration pausedTime() {
    return paused;
  }

  private final class BatchTimer implements ExecutionListener {
    private Duration previous = Duration.ZERO;
    private Duration pausedSincePrevious = Duration.ZERO;
    private Duration previousYielded = Duration.ZERO;

    @Override
    public void lockRetry(LockRetryEvent event) {
      lockEvents.add(event.step() + " attempt " + event.attempt() + " failed (" + event.cause().getSQLState()
          + "), held by " + (event.blockers().isEmpty() ? "no session seen" : event.blockers().toString()));
    }

    @Override
    public void notice(String message) {
      if (message.contains("maintenance operation")) {
        lockEvents.add(message);
      }
    }

    @Override
    public void backfillResumed(Duration pausedFor) {
      pausedSincePrevious = pausedSincePrevious.plus(pausedFor);
      paused = paused.plus(pausedFor);
    }

    @Override
    public void backfillProgress(BackfillProgress progress) {
      if (progress.batches() <= 1 && batchDurations.isEmpty()) {
        previous = Duration.ZERO;
        previousYielded = Duration.ZERO;
      }
      batchDurations.add(progress.elapsed().minus(previous).minus(pausedSincePrevious)
          .minus(progress.yielded().minus(previousYielded)));
      if (!progress.done()) {
        batchTransactions.add(progress.lastBatch());
      }
      previous = progress.elapsed();
      previousYielded = progress.yielded();
      yielded = progress.yielded();
      pausedSincePrevious = Duration.ZERO;
    }
  }
}
