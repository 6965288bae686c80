package dev.colsync.core.execution;

import dev.colsync.runtime.execution.BackfillProgress;
import dev.colsync.runtime.execution.ExecutionListener;
import dev.colsync.runtime.execution.LockRetryEvent;
import dev.colsync.runtime.execution.StepOutcome;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every event, from any thread. */
class RecordingListener implements ExecutionListener {
  final List<StepOutcome> finished = new CopyOnWriteArrayList<>();
  final List<LockRetryEvent> retries = new CopyOnWriteArrayList<>();
  final List<BackfillProgress> progress = new CopyOnWriteArrayList<>();
  final List<String> pauses = new CopyOnWriteArrayList<>();
  final List<Duration> resumes = new CopyOnWriteArrayList<>();
  final List<String> notices = new CopyOnWriteArrayList<>();

  @Override
  public void stepFinished(StepOutcome outcome) {
    finished.add(outcome);
  }

  @Override
  public void lockRetry(LockRetryEvent event) {
    retries.add(event);
  }

  @Override
  public void backfillProgress(BackfillProgress p) {
    progress.add(p);
  }

  @Override
  public void backfillPaused(String reason) {
    pauses.add(reason);
  }

  @Override
  public void backfillResumed(Duration pausedFor) {
    resumes.add(pausedFor);
  }

  @Override
  public void notice(String message) {
    notices.add(message);
  }
}
