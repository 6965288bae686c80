package dev.colsync.runtime.execution;

import java.util.List;

/**
 * How many rows of the table disagree between the columns: {@code new IS DISTINCT FROM up(old)}.
 *
 * @param rowsChecked rows compared
 * @param divergentRows rows that disagree
 * @param sampleKeys keys of some divergent rows (keys only, never values), in key order
 */
public record ConvergenceReport(long rowsChecked, long divergentRows, List<List<String>> sampleKeys,
    String oldColumn, String newColumn, List<String> keyColumns) {
  public ConvergenceReport {
    sampleKeys = sampleKeys.stream().map(List::copyOf).toList();
    keyColumns = List.copyOf(keyColumns);
  }

  /** A report that does not say which columns it compared. */
  public ConvergenceReport(long rowsChecked, long divergentRows, List<List<String>> sampleKeys) {
    this(rowsChecked, divergentRows, sampleKeys, "", "", List.of());
  }

  public boolean converged() {
    return divergentRows == 0;
  }
}
