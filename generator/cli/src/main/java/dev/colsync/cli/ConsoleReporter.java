package dev.colsync.cli;

import dev.colsync.runtime.execution.Action;
import dev.colsync.runtime.execution.BackfillProgress;
import dev.colsync.runtime.execution.ExecutionListener;
import dev.colsync.runtime.execution.LockRetryEvent;
import dev.colsync.runtime.execution.Progress;
import dev.colsync.runtime.execution.StepOutcome;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Prints what the executor does: each step's outcome on standard output; lock retries with the sessions
 * in the way, backfill pauses with their reasons, notices and progress on standard error.
 */
final class ConsoleReporter implements ExecutionListener {
  private final PrintWriter out;
  private final PrintWriter err;
  private final Supplier<ProgressDisplay> displays;
  private ProgressDisplay display;

  ConsoleReporter(PrintWriter out, PrintWriter err, Supplier<ProgressDisplay> displays) {
    this.out = out;
    this.err = err;
    this.displays = displays;
  }

  @Override
  public void stepFinished(StepOutcome outcome) {
    closeDisplay();
    String what = switch (outcome.result()) {
      case DONE -> (outcome.action() == Action.APPLY ? "applied" : "rolled back") + " in "
          + Progress.duration(outcome.duration());
      case ALREADY_DONE -> "already applied";
      case CANCELLED -> "cancelled after " + Progress.duration(outcome.duration());
    };
    String detail = outcome.result() == StepOutcome.Result.ALREADY_DONE || outcome.detail().isEmpty()
        ? "" : " (" + outcome.detail() + ")";
    out.println(outcome.id() + ": " + what + detail);
    out.flush();
  }

  @Override
  public void lockRetry(LockRetryEvent event) {
    diagnostic(event.phase() + "/" + event.step() + ": attempt " + event.attempt() + " of " + event.maxAttempts()
        + " failed: " + ExecutorRun.firstLine(event.cause().getMessage()) + "; retrying in "
        + Progress.duration(event.delay()));
    if (event.blockers().isEmpty()) {
      diagnostic("  no blocking session was seen (a deadlock, or the lock was released as it timed out)");
    }
    event.blockers().forEach(blocker -> diagnostic("  blocked by " + blocker));
  }

  @Override
  public void backfillProgress(BackfillProgress progress) {
    if (display == null) {
      display = displays.get();
    }
    display.update(progress);
  }

  @Override
  public void backfillPaused(String reason) {
    diagnostic("backfill paused: " + reason);
  }

  @Override
  public void backfillResumed(Duration pausedFor) {
    diagnostic("backfill resumed after " + Progress.duration(pausedFor));
  }

  @Override
  public void notice(String message) {
    diagnostic(message);
  }

  /** Ends a progress display left open by a failed run. */
  void finish() {
    closeDisplay();
  }

  private void diagnostic(String line) {
    if (display != null) {
      display.message(line);
    } else {
      err.println(line);
      err.flush();
    }
  }

  private void closeDisplay() {
    if (display != null) {
      display.close();
      display = null;
    }
  }
}
