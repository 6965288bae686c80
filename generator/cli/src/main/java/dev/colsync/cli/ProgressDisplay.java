package dev.colsync.cli;

import dev.colsync.runtime.execution.BackfillProgress;

/** Shows a running backfill's progress; one display per backfill run. */
interface ProgressDisplay {
  void update(BackfillProgress progress);

  /** A line that must not be lost in the display: a pause and its reason. */
  void message(String line);

  /** The run ended (done, cancelled or failed). */
  void close();
}
