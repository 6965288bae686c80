package dev.colsync.runtime.execution;

/**
 * How a backfill run ended.
 *
 * @param done whether the walk reached the end of the table (otherwise it stopped on a cancel request)
 * @param rowsChanged rows this run wrote
 * @param batches batches this run committed
 * @param rowsWalked keys this run walked
 */
record BackfillResult(boolean done, long rowsChanged, long batches, long rowsWalked) {
  String describe() {
    return rowsChanged + " rows changed in " + batches + " batches (" + rowsWalked + " rows walked)"
        + (done ? "" : "; cancelled, the checkpoint is kept");
  }
}
