package dev.colsync.runtime.execution;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Decides, before each backfill batch, whether it may start: not while a pause is requested, not while
 * the database is under strain (a lagging standby, too many active sessions), not while the last batch's
 * lock-wait backoff lasts. Each pause and each change of its reason is reported once. While other
 * sessions run statements it also yields: it sleeps the nice ratio times the last batch's duration, so
 * that the backfill, whose batches are mostly processor time, leaves the processors to the application.
 */
final class Throttling {
  private final Session session;
  private final String migration;
  private final ExecutionSettings.Throttle limits;
  private final ExecutionListener listener;
  private long holdUntilNanos;
  private String holdReason = "";
  private LoadSample lastSample;
  private Duration yieldDue = Duration.ZERO;
  private Duration yielded = Duration.ZERO;
  private boolean yieldReported;

  Throttling(Session session, String migration, ExecutionSettings.Throttle limits, ExecutionListener listener) {
    this.session = session;
    this.migration = migration;
    this.limits = limits;
    this.listener = listener;
  }

  /**
   * After a batch that made other sessions wait for its locks: hold the next one back as long as that
   * batch took, but no longer than the lock-wait backoff. The backfill then holds row locks at most half
   * of the time while it is in anyone's way; a fixed backoff longer than a batch would idle it most of
   * the time under a steady write load, while sessions never wait longer than one batch anyway.
   */
  void afterBatch(List<BlockingSession> waiters, Duration batchTook) {
    Duration hold = lockWaitPause(batchTook, limits.lockWaitBackoff());
    yieldDue = niceSleep(batchTook, limits.niceRatio());
    if (waiters.isEmpty() || hold.isZero()) {
      return;
    }
    yieldDue = Duration.ZERO; // the backoff gives way already
    holdUntilNanos = System.nanoTime() + hold.toNanos();
    holdReason = "the last batch made " + waiters.size() + (waiters.size() == 1 ? " session" : " sessions")
        + " wait for its locks (" + waiters.stream().map(BlockingSession::toString).collect(Collectors.joining("; "))
        + "); backing off " + Progress.duration(hold);
  }

  /** The pause after a batch that made others wait: as long as the batch, at most {@code backoff}. */
  static Duration lockWaitPause(Duration batchTook, Duration backoff) {
    if (batchTook.isNegative() || backoff.isNegative()) {
      return Duration.ZERO;
    }
    return batchTook.compareTo(backoff) < 0 ? batchTook : backoff;
  }

  /** The sleep after a batch of {@code batchTook} while others are busy: {@code ratio} times as long. */
  static Duration niceSleep(Duration batchTook, double ratio) {
    if (batchTook.isNegative() || ratio <= 0) {
      return Duration.ZERO;
    }
    return Duration.ofNanos(Math.round(batchTook.toNanos() * ratio));
  }

  /** How long this run has slept to leave the processors to other sessions. */
  Duration yielded() {
    return yielded;
  }

  /**
   * Waits until the next batch may start.
   *
   * @return false when a cancel was requested: the backfill must stop
   */
  boolean waitUntilClear() throws SQLException {
    long pausedAt = 0;
    String reported = null;
    while (true) {
      if (session.stopRequested.getAsBoolean()) {
        listener.notice("backfill of " + migration + " stopped: this process is ending; the next run goes on from"
            + " the checkpoint");
        return false;
      }
      Optional<BackfillControl.State> control = BackfillControl.read(session.monitor, migration);
      if (control.isPresent() && control.get().request() == BackfillControl.Request.CANCEL) {
        BackfillControl.clearCancel(session.monitor, migration);
        listener.notice("backfill of " + migration + " cancelled on request of " + control.get().requestedBy()
            + "; the next run goes on from the checkpoint");
        return false;
      }
      Optional<String> reason = control.isPresent() && control.get().request() == BackfillControl.Request.PAUSE
          ? Optional.of("paused on request of " + control.get().requestedBy() + " at " + control.get().requestedAt()
              + " (resume it with: colsync backfill resume SPEC, SPEC being " + migration + "'s spec)")
          : strain();
      if (reason.isEmpty()) {
        if (reported != null) {
          listener.backfillResumed(Duration.ofNanos(System.nanoTime() - pausedAt));
        }
        yieldToBusySessions();
        return true;
      }
      if (reported == null) {
        pausedAt = System.nanoTime();
      }
      if (!reason.get().equals(reported)) {
        reported = reason.get();
        listener.backfillPaused(reported);
      }
      StepRunner.sleep(sleepFor());
    }
  }

  private Optional<String> strain() throws SQLException {
    if (System.nanoTime() - holdUntilNanos < 0) {
      return Optional.of(holdReason);
    }
    lastSample = LoadSample.read(session.monitor, List.of(session.workPid, session.monitorPid));
    return lastSample.reasonToWait(limits);
  }

  /**
   * After a batch, while the sample just taken saw other sessions at work (running a statement, or in a
   * transaction between two): the nice sleep.
   */
  private void yieldToBusySessions() throws SQLException {
    Duration sleep = yieldDue;
    yieldDue = Duration.ZERO;
    if (sleep.isZero() || lastSample == null || lastSample.busySessions() == 0) {
      return;
    }
    if (!yieldReported) {
      yieldReported = true;
      listener.notice("backfill of " + migration + ": other sessions are at work (running a statement, or inside a transaction); while they are, each"
          + " batch is followed by a sleep of " + limits.niceRatio() + " times its duration (the nice ratio)");
    }
    StepRunner.sleep(sleep);
    yielded = yielded.plus(sleep);
  }

  /** The check interval, but no longer than what is left of a lock-wait backoff. */
  private Duration sleepFor() {
    long left = holdUntilNanos - System.nanoTime();
    Duration interval = limits.checkInterval();
    return left > 0 && left < interval.toNanos() ? Duration.ofNanos(left) : interval;
  }
}
