package dev.colsync.runtime.execution;

import java.util.List;

/**
 * How many rows of the table disagree between the columns: {@code new IS DISTINCT FROM up(old)}.
 *
 * @param rowsChecked rows compared
 * @param divergentRows rows that disagree
 * @param sampleKeys keys of some divergent rows (keys only, never values), in key order
 */
public record ConvergenceReport(long rowsChecked, long divergentRows, List<List<String>> sampleKeys) {
  public ConvergenceReport {
    sampleKeys = sampleKeys.stream().map(List::copyOf).toList();
  }

  public boolean converged() {
    return divergentRows == 0;
  }
}
