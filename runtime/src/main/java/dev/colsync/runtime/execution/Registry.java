package dev.colsync.runtime.execution;

import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** The migrations colsync has run against this database: table {@code colsync.migrations}. */
final class Registry {
  private Registry() {}

  /**
   * A registered migration.
   *
   * @param phases its phase ids in order, as last run
   */
  record Entry(String migration, QualifiedName table, QualifiedName stateTable, List<String> phases) {}

  static void register(Connection connection, ExecutionPlan plan) throws SQLException {
    Array phases = connection.createArrayOf("text", plan.phaseIds().toArray());
    Jdbc.update(connection,
        "INSERT INTO colsync.migrations (migration, table_schema, table_name, state_schema, state_table, phases)"
            + " VALUES (?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (migration) DO UPDATE SET table_schema = EXCLUDED.table_schema,"
            + " table_name = EXCLUDED.table_name, state_schema = EXCLUDED.state_schema,"
            + " state_table = EXCLUDED.state_table, phases = EXCLUDED.phases, updated_at = pg_catalog.now()",
        plan.migration(), plan.table().schema(), plan.table().name(), plan.backfill().stateTable().schema(),
        plan.backfill().stateTable().name(), phases);
  }

  static List<Entry> all(Connection connection) throws SQLException {
    if (!StateSchema.exists(connection)) {
      return List.of();
    }
    return Jdbc.list(connection,
        "SELECT migration, table_schema, table_name, state_schema, state_table, phases FROM colsync.migrations"
            + " ORDER BY migration",
        row -> new Entry(row.getString(1), new QualifiedName(row.getString(2), row.getString(3)),
            new QualifiedName(row.getString(4), row.getString(5)),
            List.of((String[]) row.getArray(6).getArray())));
  }
}
