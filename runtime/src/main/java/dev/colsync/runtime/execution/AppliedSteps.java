package dev.colsync.runtime.execution;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/** Which forward steps of a migration are applied: table {@code colsync.applied_steps}. */
final class AppliedSteps {
  private AppliedSteps() {}

  /**
   * One applied step.
   *
   * @param checksum SHA-256 of the SQL that was applied
   * @param appliedAt when
   */
  record Applied(String phase, String step, String checksum, OffsetDateTime appliedAt) {
    String id() {
      return phase + "/" + step;
    }
  }

  /** The migration's applied steps by {@code phase/step}, oldest first. */
  static Map<String, Applied> read(Connection connection, String migration) throws SQLException {
    Map<String, Applied> applied = new LinkedHashMap<>();
    if (!StateSchema.exists(connection)) {
      return applied;
    }
    for (Applied step : Jdbc.list(connection,
        "SELECT phase, step, sql_checksum, applied_at FROM colsync.applied_steps WHERE migration = ?"
            + " ORDER BY applied_at, phase, step",
        row -> new Applied(row.getString(1), row.getString(2), row.getString(3),
            row.getObject(4, OffsetDateTime.class)),
        migration)) {
      applied.put(step.id(), step);
    }
    return applied;
  }

  static void markApplied(Connection connection, String migration, String phase, String step, String checksum)
      throws SQLException {
    Jdbc.update(connection,
        "INSERT INTO colsync.applied_steps (migration, phase, step, sql_checksum) VALUES (?, ?, ?, ?)"
            + " ON CONFLICT (migration, phase, step) DO UPDATE"
            + " SET sql_checksum = EXCLUDED.sql_checksum, applied_at = pg_catalog.now()",
        migration, phase, step, checksum);
  }

  /** After a phase's rollback: none of its steps counts as applied any more. */
  static void forgetPhase(Connection connection, String migration, String phase) throws SQLException {
    Jdbc.update(connection, "DELETE FROM colsync.applied_steps WHERE migration = ? AND phase = ?", migration, phase);
  }
}
