package dev.colsync.cli;

import dev.colsync.runtime.execution.BackfillControl;
import dev.colsync.runtime.execution.CheckpointState;
import dev.colsync.runtime.execution.MigrationStatus;
import java.util.Locale;

/**
 * The one word {@code status} uses for where a backfill direction stands, derived from its checkpoint, the
 * standing control request and whether a colsync run of the migration is in progress.
 */
enum BackfillStanding {
  /** The walk reached the end of the table. */
  DONE,
  /** A colsync run is walking it now. */
  RUNNING,
  /** A colsync run is walking it and was asked to stop after its current batch. */
  CANCELLING,
  /** Held by a pause request, whether or not a run is waiting on it. */
  PAUSED,
  /** Not done and nothing runs it: the checkpoint is kept for the next run. */
  STOPPED;

  static BackfillStanding of(CheckpointState checkpoint, MigrationStatus status) {
    if (checkpoint.done()) {
      return DONE;
    }
    BackfillControl.Request request = status.control().map(BackfillControl.State::request).orElse(null);
    if (request == BackfillControl.Request.PAUSE) {
      return PAUSED;
    }
    if (status.runningBackend().isEmpty()) {
      return STOPPED;
    }
    return request == BackfillControl.Request.CANCEL ? CANCELLING : RUNNING;
  }

  String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
