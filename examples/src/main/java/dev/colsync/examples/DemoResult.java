package dev.colsync.examples;

import dev.colsync.runtime.execution.ConvergenceReport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything one demo run measured, and what makes it fail.
 *
 * @param server the PostgreSQL server it ran on
 * @param rows orders loaded before the change
 * @param loadTook how long loading them took
 * @param phases each phase's client traffic, in order
 * @param backfill the forward backfill; null if it did not run
 * @param lockRetries how often an executor step timed out on a lock and was tried again
 * @param shadow what the SHADOW reads found
 * @param convergence the executor's check right before contract; null if it was not reached
 * @param writes every order's last write looked up after contract; null if the run did not get there
 * @param lockTimeout the spec's lock timeout: no application session may wait on a lock longer
 * @param problems what went wrong outside the measurements (a phase that failed, lost orders)
 */
record DemoResult(
    String server, long rows, Duration loadTook, List<PhaseStats> phases, BackfillSummary backfill, int lockRetries,
    ShadowComparisons shadow, ConvergenceReport convergence, WriteLedger.Check writes, Duration lockTimeout,
    List<String> problems) {

  /** Every reason the run failed; empty when it passed. */
  public List<String> failures() {
    List<String> failures = new ArrayList<>(problems);
    for (PhaseStats phase : phases) {
      if (phase.errors() > 0) {
        failures.add(phase.name() + ": " + phase.errors() + " client error(s), first: " + phase.firstErrors());
      }
      LockWait wait = phase.longestApplicationWait();
      if (wait.duration().compareTo(lockTimeout) > 0) {
        failures.add(phase.name() + ": " + wait.waiter() + " waited " + wait.duration().toMillis()
            + " ms for a lock, longer than the lock timeout " + lockTimeout.toMillis() + " ms");
      }
    }
    if (backfill == null) {
      failures.add("the backfill did not run");
    }
    if (!shadow.allMatched()) {
      failures.add("SHADOW reads: " + shadow + "; expected at least one, all matching");
    }
    if (convergence == null) {
      failures.add("convergence was not checked");
    } else if (!convergence.converged()) {
      failures.add("convergence: " + convergence.divergentRows() + " of " + convergence.rowsChecked()
          + " rows diverge, e.g. keys " + convergence.sampleKeys());
    }
    if (writes == null) {
      failures.add("the writes were not checked");
    } else if (writes.lost() > 0) {
      failures.add(writes.lost() + " of " + writes.orders() + " orders lost their last write, e.g. ids "
          + writes.sampleIds());
    }
    return failures;
  }

  public boolean passed() {
    return failures().isEmpty();
  }

  /** Share of the rows whose new column equals up(old), in percent; 0 when not checked. */
  public double convergencePercent() {
    if (convergence == null || convergence.rowsChecked() == 0) {
      return 0;
    }
    return 100.0 * (convergence.rowsChecked() - convergence.divergentRows()) / convergence.rowsChecked();
  }
}
