package dev.colsync.runtime.execution;

import java.time.Duration;
import java.util.Optional;

/**
 * Where a running backfill stands, reported after every batch.
 *
 * @param migration the migration
 * @param direction {@code up} (fill the new column) or {@code down} (refill the old one)
 * @param rowsDone rows walked so far, those before this run's start included
 * @param rowsAtStart rows walked by earlier runs, as counted when this run started
 * @param estimatedTotal the rows up to where the walk ends (the highest key when the backfill started; rows
 *     inserted later are written by the sync trigger), as estimated then; negative when unknown
 * @param rowsChanged rows this run wrote (rows that already agreed are walked, not written)
 * @param batches batches this run committed
 * @param batchSize the size of the next batch
 * @param elapsed time since this run started
 * @param rowsPerSecond rows walked per second by this run
 * @param lastBatch how long the last batch's transaction took, first statement to commit: how long it held
 *     its row locks (the throttle's waits and checks between batches are not in it)
 * @param yielded how long this run has slept, in all, to leave the processors to other busy sessions (the
 *     throttle's nice ratio); pauses are reported apart, as {@link ExecutionListener#backfillPaused}
 * @param done whether the walk reached the end of the table
 */
public record BackfillProgress(
    String migration, String direction, long rowsDone, long rowsAtStart, long estimatedTotal, long rowsChanged, long batches,
    int batchSize, Duration elapsed, double rowsPerSecond, Duration lastBatch, Duration yielded, boolean done) {

  /** The time left at this run's rate, when both the total and a rate are known. */
  public Optional<Duration> eta() {
    if (estimatedTotal < 0 || rowsPerSecond <= 0) {
      return Optional.empty();
    }
    long left = Math.max(0, estimatedTotal - rowsDone);
    return Optional.of(Duration.ofMillis((long) (left * 1000 / rowsPerSecond)));
  }
}
