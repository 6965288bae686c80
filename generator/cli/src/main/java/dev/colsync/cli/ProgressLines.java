package dev.colsync.cli;

import dev.colsync.runtime.execution.BackfillProgress;
import dev.colsync.runtime.execution.Progress;
import java.io.PrintWriter;
import java.time.Duration;

/** Progress as plain log lines, at most one per interval (and always the last one): for logs and pipes. */
final class ProgressLines implements ProgressDisplay {
  private final PrintWriter err;
  private final long intervalNanos;
  private long lastLine;
  private BackfillProgress latest;
  private boolean latestShown;

  ProgressLines(PrintWriter err, Duration interval) {
    this.err = err;
    this.intervalNanos = interval.toNanos();
    this.lastLine = System.nanoTime();
  }

  @Override
  public void update(BackfillProgress progress) {
    latest = progress;
    latestShown = false;
    if (progress.done() || System.nanoTime() - lastLine >= intervalNanos) {
      show();
    }
  }

  @Override
  public void message(String line) {
    err.println(line);
    err.flush();
  }

  @Override
  public void close() {
    if (latest != null && !latestShown) {
      show();
    }
  }

  private void show() {
    err.println(Progress.describe(latest));
    err.flush();
    latestShown = true;
    lastLine = System.nanoTime();
  }
}
