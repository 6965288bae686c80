package dev.colsync.runtime.execution;

import dev.colsync.runtime.sql.SqlIdentifiers;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What the backfill walks and writes, and what verification compares. It shares its checkpoint table
 * and batch semantics with the generated backfill procedure, so either can resume the other's run.
 *
 * @param table the table
 * @param keyColumns the primary-key columns, walked in this order (exact catalog names)
 * @param oldColumn the column the application used so far
 * @param newColumn the column it moves to
 * @param up SQL over the table's row computing the new column from the old one
 * @param down SQL over the table's row computing the old column from the new one
 * @param stateTable the checkpoint table the generated {@code prepare} step creates
 * @param batchSize rows in the first batch (the adaptive runner moves from there)
 * @param pause sleep between batches
 */
public record BackfillTarget(
    QualifiedName table, List<String> keyColumns, String oldColumn, String newColumn, String up, String down,
    QualifiedName stateTable, int batchSize, Duration pause) {

  public BackfillTarget {
    Objects.requireNonNull(table, "table");
    keyColumns = List.copyOf(keyColumns);
    Objects.requireNonNull(oldColumn, "oldColumn");
    Objects.requireNonNull(newColumn, "newColumn");
    Objects.requireNonNull(up, "up");
    Objects.requireNonNull(down, "down");
    Objects.requireNonNull(stateTable, "stateTable");
    Objects.requireNonNull(pause, "pause");
    if (keyColumns.isEmpty()) {
      throw new IllegalArgumentException("the backfill needs at least one key column");
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize < 1");
    }
  }

  /**
   * The target as the walk in {@code direction} reads the key: refilling the old column ({@code down})
   * after a rename of a key column, the key is read under its new name (the old column is what is being
   * filled); otherwise as it is.
   */
  BackfillTarget walking(String direction) {
    if (!direction.equals("down") || !keyColumns.contains(oldColumn)) {
      return this;
    }
    List<String> key = keyColumns.stream().map(column -> column.equals(oldColumn) ? newColumn : column).toList();
    return new BackfillTarget(table, key, oldColumn, newColumn, up, down, stateTable, batchSize, pause);
  }

  /** The fixed search path of the generated procedure: the expressions resolve names the same way. */
  String searchPath() {
    return "pg_catalog, " + SqlIdentifiers.quote(table.schema()) + ", pg_temp";
  }
}
