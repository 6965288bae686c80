package dev.colsync.runtime.execution;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

/**
 * One row of a migration's backfill checkpoint table, shared with the generated procedure.
 *
 * @param direction {@code up} or {@code down}
 * @param lastKey the last key of the last committed batch, as text; empty before the first batch
 * @param rowsChanged rows written so far
 * @param batches batches committed so far
 * @param done whether the walk reached the end of the table
 */
public record CheckpointState(
    String direction, List<String> lastKey, long rowsChanged, long batches, boolean done, OffsetDateTime startedAt,
    OffsetDateTime updatedAt) {

  public CheckpointState {
    lastKey = List.copyOf(lastKey);
  }

  /** Every row of {@code stateTable}; empty when it does not exist (before prepare, after contract). */
  static List<CheckpointState> read(Connection connection, QualifiedName stateTable) throws SQLException {
    if (!Jdbc.tableExists(connection, stateTable.quoted())) {
      return List.of();
    }
    return Jdbc.list(connection, "SELECT direction, last_key, rows_changed, batches, done, started_at, updated_at FROM "
            + stateTable.quoted() + " ORDER BY direction",
        row -> new CheckpointState(row.getString(1),
            row.getArray(2) == null ? List.of() : Arrays.asList((String[]) row.getArray(2).getArray()),
            row.getLong(3), row.getLong(4), row.getBoolean(5), row.getObject(6, OffsetDateTime.class),
            row.getObject(7, OffsetDateTime.class)));
  }
}
