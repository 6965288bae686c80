package dev.colsync.core.hostile;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The schema objects a migration may touch, read from the catalog as sorted text lines so that two
 * snapshots compare with {@code equals} and a difference reads as a diff: the table's columns,
 * constraints, triggers and indexes, and every function, procedure and relation outside the system
 * schemas (so any colsync object, wherever it went, shows up).
 *
 * <p>Columns are listed by name, not position: a column that a rollback adds back comes last. NOT NULL
 * constraints, which PostgreSQL 18 records in pg_constraint under a name of its choosing, are listed
 * by column and validity, not by name: the name of a NOT NULL that a rollback restores cannot be the
 * one PostgreSQL generated for the original column.
 */
final class CatalogSnapshot {
  private CatalogSnapshot() {}

  static List<String> of(Connection connection, String schema, String table) throws SQLException {
    List<String> lines = new ArrayList<>();
    String regclass = "(SELECT c.oid FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
        + " WHERE n.nspname = ? AND c.relname = ?)";
    query(connection, lines, "SELECT 'column ' || pg_catalog.quote_ident(a.attname) || ' '"
        + " || pg_catalog.format_type(a.atttypid, a.atttypmod) || CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE '' END"
        + " || coalesce(' DEFAULT ' || pg_catalog.pg_get_expr(d.adbin, d.adrelid), '')"
        + " FROM pg_catalog.pg_attribute a LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
        + " WHERE a.attrelid = " + regclass + " AND a.attnum > 0 AND NOT a.attisdropped", schema, table);
    query(connection, lines, "SELECT CASE WHEN c.contype = 'n'"
        + " THEN 'not null on ' || (SELECT pg_catalog.quote_ident(a.attname) FROM pg_catalog.pg_attribute a"
        + "   WHERE a.attrelid = c.conrelid AND a.attnum = c.conkey[1])"
        + " ELSE 'constraint ' || pg_catalog.quote_ident(c.conname) || ' ' || pg_catalog.pg_get_constraintdef(c.oid) END"
        + " || CASE WHEN c.convalidated THEN '' ELSE ' (not validated)' END"
        + " FROM pg_catalog.pg_constraint c WHERE c.conrelid = " + regclass, schema, table);
    query(connection, lines, "SELECT 'trigger ' || pg_catalog.pg_get_triggerdef(t.oid) || ' enabled=' || t.tgenabled::text"
        + " FROM pg_catalog.pg_trigger t WHERE t.tgrelid = " + regclass + " AND NOT t.tgisinternal", schema, table);
    query(connection, lines, "SELECT 'index ' || pg_catalog.pg_get_indexdef(i.indexrelid)"
        + " FROM pg_catalog.pg_index i WHERE i.indrelid = " + regclass, schema, table);
    query(connection, lines, "SELECT 'routine ' || p.oid::pg_catalog.regprocedure::text || ' md5 '"
        + " || pg_catalog.md5(pg_catalog.pg_get_functiondef(p.oid))"
        + " FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace"
        + " WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'"
        + " AND n.nspname <> 'decoy'");
    query(connection, lines, "SELECT 'relation ' || c.oid::pg_catalog.regclass::text || ' kind ' || c.relkind::text"
        + " || coalesce(' (' || (SELECT pg_catalog.string_agg(pg_catalog.quote_ident(a.attname) || ' '"
        + "     || pg_catalog.format_type(a.atttypid, a.atttypmod), ', ' ORDER BY a.attname)"
        + "   FROM pg_catalog.pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped) || ')', '')"
        + " FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
        + " WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'"
        + " AND n.nspname <> 'colsync'" // colsync's own state: flags, audit, convergence checks
        + " AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')");
    lines.sort(null);
    return lines;
  }

  private static void query(Connection connection, List<String> lines, String sql, String... parameters)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setString(i + 1, parameters[i]);
      }
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          lines.add(rows.getString(1));
        }
      }
    }
  }
}
