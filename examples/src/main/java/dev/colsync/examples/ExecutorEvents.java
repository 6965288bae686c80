package dev.colsync.examples;

import dev.colsync.runtime.execution.BackfillProgress;
import dev.colsync.runtime.execution.ExecutionListener;
import dev.colsync.runtime.execution.LockRetryEvent;
import dev.colsync.runtime.execution.StepOutcome;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** What the executor reported: finished steps, lock retries, backfill progress, notices. */
final class ExecutorEvents implements ExecutionListener {
  final List<StepOutcome> steps = new CopyOnWriteArrayList<>();
  final List<LockRetryEvent> lockRetries = new CopyOnWriteArrayList<>();
  final List<String> notices = new CopyOnWriteArrayList<>();
  final List<String> backfillPauses = new CopyOnWriteArrayList<>();
  private volatile Duration pausedFor = Duration.ZERO;
  private volatile BackfillProgress lastProgress;

  @Override
  public void stepFinished(StepOutcome outcome) {
    steps.add(outcome);
  }

  @Override
  public void lockRetry(LockRetryEvent event) {
    lockRetries.add(event);
  }

  @Override
  public void backfillProgress(BackfillProgress progress) {
    lastProgress = progress;
  }

  @Override
  public void backfillPaused(String reason) {
    backfillPauses.add(reason);
  }

  @Override
  public void backfillResumed(Duration paused) {
    pausedFor = pausedFor.plus(paused);
  }

  /** How long the backfill stood paused in all. */
  Duration pausedFor() {
    return pausedFor;
  }

  @Override
  public void notice(String message) {
    notices.add(message);
  }

  /** The last progress of the forward backfill; null before it reported any. */
  BackfillProgress lastProgress() {
    return lastProgress;
  }
}
