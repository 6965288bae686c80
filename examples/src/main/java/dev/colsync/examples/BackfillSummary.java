package dev.colsync.examples;

import dev.colsync.runtime.execution.BackfillProgress;
import java.time.Duration;
import java.util.List;

/**
 * The forward backfill as its last progress report told it, and why it held back when it did (after a
 * batch that made the application wait for a row lock, for one, the executor pauses before the next).
 */
record BackfillSummary(
    long rowsWalked, long rowsChanged, long batches, Duration took, List<String> pauseReasons, Duration pausedFor) {

  static BackfillSummary of(BackfillProgress last, List<String> pauseReasons, Duration pausedFor) {
    return new BackfillSummary(last.rowsDone() - last.rowsAtStart(), last.rowsChanged(), last.batches(), last.elapsed(),
        List.copyOf(pauseReasons), pausedFor);
  }

  double rowsPerSecond() {
    return took.isZero() ? 0 : rowsWalked * 1e9 / took.toNanos();
  }
}
