package dev.colsync.runtime.execution;

import java.lang.System.Logger.Level;
import java.time.Duration;

/** The default listener: one log line per event. */
final class LoggingListener implements ExecutionListener {
  private static final System.Logger LOG = System.getLogger("dev.colsync.runtime.execution");

  @Override
  public void stepStarted(String phase, String step, Action action) {
    LOG.log(Level.INFO, "{0} {1}/{2}", action.id(), phase, step);
  }

  @Override
  public void stepFinished(StepOutcome outcome) {
    LOG.log(Level.INFO, "{0}: {1} in {2} ms{3}", outcome.id(), outcome.result(), outcome.duration().toMillis(),
        outcome.detail().isEmpty() ? "" : " (" + outcome.detail() + ")");
  }

  @Override
  public void lockRetry(LockRetryEvent event) {
    LOG.log(Level.WARNING, "{0}/{1}: attempt {2} of {3} failed: {4}; retrying in {5} ms; blocked by: {6}",
        event.phase(), event.step(), event.attempt(), event.maxAttempts(), event.cause().getMessage(),
        event.delay().toMillis(), event.blockers().isEmpty() ? "(no session seen)" : event.blockers());
  }

  @Override
  public void backfillProgress(BackfillProgress progress) {
    LOG.log(Level.DEBUG, () -> Progress.describe(progress));
  }

  @Override
  public void backfillPaused(String reason) {
    LOG.log(Level.INFO, "backfill paused: {0}", reason);
  }

  @Override
  public void backfillResumed(Duration pausedFor) {
    LOG.log(Level.INFO, "backfill resumed after {0} ms", pausedFor.toMillis());
  }

  @Override
  public void notice(String message) {
    LOG.log(Level.INFO, message);
  }
}
