package dev.colsync.runtime.execution;

import dev.colsync.runtime.sql.SqlIdentifiers;
import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One key column of the backfill walk and its SQL type as the catalog prints it. Keys travel as text
 * (the checkpoint keeps them so) and are cast back to this type, as the generated procedure's typed
 * variables do.
 *
 * @param quoted the quoted column name
 * @param type {@code format_type} of the column: SQL the catalog writes, never a value
 */
record KeyColumn(String quoted, String type) {

  /** {@code CAST(? AS type)}: a bind parameter of this key's type. */
  String parameter() {
    return "CAST(? AS " + type + ")";
  }

  /** The key columns of {@code target}, in walk order; fails when one is missing. */
  static List<KeyColumn> of(Connection connection, BackfillTarget target) throws SQLException {
    Array names = connection.createArrayOf("text", target.keyColumns().toArray());
    Map<String, String> types = Jdbc.list(connection,
        "SELECT a.attname::text, pg_catalog.format_type(a.atttypid, a.atttypmod) FROM pg_catalog.pg_attribute a"
            + " WHERE a.attrelid = pg_catalog.to_regclass(?) AND a.attname::text = ANY (?) AND a.attnum > 0"
            + " AND NOT a.attisdropped",
        row -> Map.entry(row.getString(1), row.getString(2)), target.table().quoted(), names)
        .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    List<KeyColumn> keys = new ArrayList<>();
    for (String column : target.keyColumns()) {
      String type = types.get(column);
      if (type == null) {
        throw new SQLException("table " + target.table() + " has no column " + column + " (or does not exist)",
            "42703");
      }
      keys.add(new KeyColumn(SqlIdentifiers.quote(column), type));
    }
    return keys;
  }
}
