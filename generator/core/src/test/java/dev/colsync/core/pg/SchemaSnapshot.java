package dev.colsync.core.pg;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * What a phase or its rollback may change, read from the catalog in a stable order: the table's
 * columns, constraints, triggers and indexes, and the functions, procedures and tables of its schema.
 * Column order (attnum) and the names PostgreSQL 18 gives NOT NULL constraints are left out: a
 * rollback brings a column back at the end of the table, which no application can tell.
 */
final class SchemaSnapshot {
  private SchemaSnapshot() {}

  static List<String> of(Connection connection, String schema, String table) throws SQLException {
    List<String> lines = new ArrayList<>();
    String regclass = "SELECT c.oid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
        + " WHERE n.nspname = ? AND c.relname = ?";
    query(connection, lines, "column ",
        "SELECT attname || ' ' || format_type(atttypid, atttypmod) || CASE WHEN attnotnull THEN ' not null' ELSE '' END"
            + " || coalesce(' default ' || pg_get_expr(d.adbin, d.adrelid), '')"
            + " FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
            + " WHERE attrelid = (" + regclass + ") AND attnum > 0 AND NOT attisdropped ORDER BY 1",
        schema, table);
    query(connection, lines, "constraint ",
        "SELECT conname || ' ' || pg_get_constraintdef(oid) || CASE WHEN convalidated THEN '' ELSE ' (not validated)' END"
            + " FROM pg_constraint WHERE conrelid = (" + regclass + ") AND contype <> 'n' ORDER BY 1",
        schema, table);
    query(connection, lines, "trigger ",
        "SELECT pg_get_triggerdef(oid) FROM pg_trigger WHERE tgrelid = (" + regclass + ") AND NOT tgisinternal"
            + " ORDER BY 1",
        schema, table);
    query(connection, lines, "index ",
        "SELECT pg_get_indexdef(indexrelid) FROM pg_index WHERE indrelid = (" + regclass + ") ORDER BY 1",
        schema, table);
    query(connection, lines, "routine ",
        "SELECT p.prokind::text || ' ' || p.oid::regprocedure::text || ' ' || md5(p.prosrc) FROM pg_proc p"
            + " JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = ? ORDER BY 1",
        schema);
    query(connection, lines, "relation ",
        "SELECT c.relkind::text || ' ' || c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE n.nspname = ? AND c.relkind IN ('r', 'v', 'm', 'p') ORDER BY 1",
        schema);
    return lines;
  }

  private static void query(Connection connection, List<String> lines, String prefix, String sql, String... args)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        statement.setString(i + 1, args[i]);
      }
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          lines.add(prefix + rows.getString(1));
        }
      }
    }
  }
}
