package dev.colsync.runtime.execution;

import dev.colsync.runtime.sql.ScriptRunner;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Runs one script step: under the plan's lock and statement timeouts, retried with jittered backoff
 * while it times out on a lock or deadlocks, with the sessions that blocked it watched, at most one
 * ACCESS EXCLUSIVE table lock per transaction, INVALID leftovers of concurrent index builds dropped,
 * and its state change and audit record committed with its work.
 */
final class StepRunner {
  /** How often a retry's wait looks for a stop request. */
  private static final Duration STOP_CHECK = Duration.ofMillis(50);

  /** What a step changes in colsync's state tables when it succeeds, in the transaction that commits it. */
  interface StateChange {
    StateChange NONE = connection -> {};

    void apply(Connection connection) throws SQLException;
  }

  private final Session session;
  private final ExecutionPlan plan;
  private final ExecutionListener listener;
  private final RetrySchedule retries;
  private final Set<QualifiedName> ownTables;
  private final Duration maintenanceWait;

  StepRunner(Session session, ExecutionPlan plan, ExecutionSettings settings, ExecutionListener listener,
      RandomGenerator random) {
    this.session = session;
    this.plan = plan;
    this.listener = listener;
    this.retries = new RetrySchedule(settings.lockRetry(), random);
    this.maintenanceWait = settings.lockRetry().maintenanceWait();
    this.ownTables = Set.of(plan.backfill().stateTable());
  }

  StepOutcome run(String phase, ExecutionStep step, Action action, String detail, StateChange change)
      throws SQLException {
    listener.stepStarted(phase, step.name(), action);
    Instant startedAt = Instant.now();
    long start = System.nanoTime();
    for (int attempt = 1; ; attempt++) {
      int thisAttempt = attempt;
      String fullDetail = join(detail, attempt > 1 ? attempt + " attempts" : "");
      if (MaintenanceWait.locksTable(step, plan.table())) {
        MaintenanceWait.untilClear(session.monitor, plan.table(), List.of(session.workPid, session.monitorPid),
            maintenanceWait, phase + " / " + step.name(), listener);
      }
      sessionTimeouts(session.work);
      SessionWatch watch = SessionWatch.blockersOf(session.monitor, session.workPid, watchInterval());
      try {
        ScriptRunner.run(session.work, step.sql(), new ScriptRunner.Hooks() {
          @Override
          public void beforeStatement(Connection connection, String statement) throws SQLException {
            if (!step.runsInOneTransaction()) {
              InvalidIndexRepair.beforeStatement(connection, statement, listener);
            }
          }

          @Override
          public void warning(String message) {
            listener.notice(phase + "/" + step.name() + ": " + message);
          }

          @Override
          public void afterStatements(Connection connection) throws SQLException {
            watch.stop();
            ExclusiveLockGuard.check(connection, session.monitor, ownTables);
            change.apply(connection);
            AuditLog.append(connection,
                entry(phase, step.name(), step.sql(), action, startedAt, elapsed(start), AuditLog.OK, fullDetail));
          }
        });
        watch.stop();
        StepOutcome outcome = new StepOutcome(phase, step.name(), action, StepOutcome.Result.DONE,
            elapsed(start), thisAttempt, fullDetail);
        listener.stepFinished(outcome);
        return outcome;
      } catch (SQLException failure) {
        watch.stop();
        List<BlockingSession> blockers = watch.lastSeen();
        if (LockFailures.isLockFailure(failure) && attempt < retries.maxAttempts()
            && !session.stopRequested.getAsBoolean()) {
          Duration delay = retries.delayBefore(attempt + 1);
          listener.lockRetry(new LockRetryEvent(phase, step.name(), attempt, retries.maxAttempts(), delay, blockers,
              failure));
          if (sleepUnlessStopped(delay)) {
            continue;
          }
        }
        StepFailedException failed = new StepFailedException(phase, step.name(), attempt, blockers, failure);
        recordFailure(phase, step.name(), step.sql(), action, startedAt, elapsed(start), failed);
        throw failed;
      }
    }
  }

  /** Records a finished step that did not run through {@link #run} (a backfill), with its state change. */
  void recordSuccess(String phase, String step, String sqlThatRan, Action action, Instant startedAt, Duration took,
      String outcome, String detail, StateChange change) throws SQLException {
    Jdbc.inTransaction(session.work, connection -> {
      change.apply(connection);
      return AuditLog.append(connection, entry(phase, step, sqlThatRan, action, startedAt, took, outcome, detail));
    });
  }

  /**
   * Records a failed step. The work connection may be the reason (terminated, lost); then a new one is
   * used. A failure to record is attached to {@code failure}, never thrown instead of it.
   */
  void recordFailure(String phase, String step, String sqlThatRan, Action action, Instant startedAt, Duration took,
      SQLException failure) {
    AuditEntry entry = entry(phase, step, sqlThatRan, action, startedAt, took, AuditLog.FAILED, describe(failure));
    try {
      Connection connection = session.usableWork();
      try {
        AuditLog.appendAlone(connection, entry);
      } finally {
        if (connection != session.work) {
          connection.close();
        }
      }
    } catch (SQLException | RuntimeException e) {
      failure.addSuppressed(e);
    }
  }

  AuditEntry entry(String phase, String step, String sqlThatRan, Action action, Instant startedAt, Duration took,
      String outcome, String detail) {
    return new AuditEntry(plan.migration(), phase, step, action, Checksums.sha256(sqlThatRan), session.actor,
        startedAt, took.toMillis(), outcome, detail);
  }

  /** Every locking statement waits at most the plan's lock timeout; scripts may set their own, stricter. */
  void sessionTimeouts(Connection connection) throws SQLException {
    Jdbc.execute(connection, "SELECT pg_catalog.set_config('lock_timeout', ?, false),"
            + " pg_catalog.set_config('statement_timeout', ?, false)",
        plan.lockTimeout().toMillis() + "ms", plan.statementTimeout().toMillis() + "ms");
  }

  /** Often enough to see a wait that ends with the lock timeout. */
  private Duration watchInterval() {
    long millis = Math.max(10, Math.min(250, plan.lockTimeout().toMillis() / 5));
    return Duration.ofMillis(millis);
  }

  private static String describe(SQLException failure) {
    String state = failure.getSQLState() == null ? "" : "SQLSTATE " + failure.getSQLState() + ": ";
    return state + StepFailedException.firstLine(failure.getMessage());
  }

  static String join(String first, String second) {
    if (first.isEmpty()) {
      return second;
    }
    return second.isEmpty() ? first : first + "; " + second;
  }

  static Duration elapsed(long startNanos) {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }

  /** Sleeps {@code duration} in short slices; false, and at once, when a stop is requested meanwhile. */
  private boolean sleepUnlessStopped(Duration duration) throws SQLException {
    long end = System.nanoTime() + duration.toNanos();
    while (!session.stopRequested.getAsBoolean()) {
      long left = end - System.nanoTime();
      if (left <= 0) {
        return true;
      }
      sleep(Duration.ofNanos(Math.min(left, STOP_CHECK.toNanos())));
    }
    return false;
  }

  static void sleep(Duration duration) throws SQLException {
    if (duration.isZero() || duration.isNegative()) {
      return;
    }
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("interrupted", "57014", e);
    }
  }
}
