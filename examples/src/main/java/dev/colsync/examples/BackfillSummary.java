package dev.colsync.examples;

import dev.colsync.runtime.execution.BackfillProgress;
import java.time.Duration;

/** The forward backfill as its last progress report told it. */
record BackfillSummary(long rowsWalked, long rowsChanged, long batches, Duration took) {

  static BackfillSummary of(BackfillProgress last) {
    return new BackfillSummary(last.rowsDone() - last.rowsAtStart(), last.rowsChanged(), last.batches(), last.elapsed());
  }

  double rowsPerSecond() {
    return took.isZero() ? 0 : rowsWalked * 1e9 / took.toNanos();
  }
}
