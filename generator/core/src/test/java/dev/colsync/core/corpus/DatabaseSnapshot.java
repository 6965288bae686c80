package dev.colsync.core.corpus;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Every user object of the database as sorted text lines, so that two snapshots diff line by line:
 * relations with their owner and grants, columns, constraints, indexes, triggers, view definitions,
 * routines, sequences, types and comments, in every schema but the system ones and {@code colsync}
 * (colsync's own state). Columns are listed by name, not position, and NOT NULL constraints by column,
 * not by the name PostgreSQL 18 gives them.
 */
final class DatabaseSnapshot {
  private static final String USER_SCHEMA = "n.nspname NOT IN ('pg_catalog', 'information_schema', 'colsync')"
      + " AND n.nspname NOT LIKE 'pg\\_%'";
  private static final String USER_RELATION = "pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n"
      + " ON n.oid = c.relnamespace WHERE " + USER_SCHEMA;

  private DatabaseSnapshot() {}

  static List<String> of(Connection connection) throws SQLException {
    List<String> lines = new ArrayList<>();
    query(connection, lines, "SELECT 'relation ' || c.oid::pg_catalog.regclass::text || ' kind ' || c.relkind::text"
        + " || ' owner ' || pg_catalog.pg_get_userbyid(c.relowner) || coalesce(' acl ' || c.relacl::text, '')"
        + " || coalesce(' options ' || c.reloptions::text, '')"
        + " FROM " + USER_RELATION + " AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')");
    query(connection, lines, "SELECT 'column ' || c.oid::pg_catalog.regclass::text || '.'"
        + " || pg_catalog.quote_ident(a.attname) || ' ' || pg_catalog.format_type(a.atttypid, a.atttypmod)"
        + " || CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE '' END"
        + " || coalesce(' DEFAULT ' || pg_catalog.pg_get_expr(d.adbin, d.adrelid), '')"
        + " || CASE WHEN a.attidentity <> '' THEN ' IDENTITY ' || a.attidentity::text ELSE '' END"
        + " || coalesce(' COLLATE ' || (SELECT co.collname FROM pg_catalog.pg_collation co WHERE co.oid = a.attcollation"
        + "   AND a.attcollation <> (SELECT t.typcollation FROM pg_catalog.pg_type t WHERE t.oid = a.atttypid)), '')"
        + " || coalesce(' acl ' || a.attacl::text, '')"
        + " FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_class c ON c.oid = a.attrelid"
        + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
        + " LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum WHERE " + USER_SCHEMA
        + " AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND a.attnum > 0 AND NOT a.attisdropped");
    query(connection, lines, "SELECT CASE WHEN co.contype = 'n' AND co.conrelid = 0"
        + " THEN 'not null domain ' || co.contypid::pg_catalog.regtype::text"
        + " WHEN co.contype = 'n'"
        + " THEN 'not null ' || co.conrelid::pg_catalog.regclass::text || '.' || (SELECT pg_catalog.quote_ident(a.attname)"
        + "   FROM pg_catalog.pg_attribute a WHERE a.attrelid = co.conrelid AND a.attnum = co.conkey[1])"
        + " ELSE 'constraint ' || coalesce(co.conrelid::pg_catalog.regclass::text, 'domain ' || co.contypid::pg_catalog.regtype::text)"
        + "   || ' ' || pg_catalog.quote_ident(co.conname) || ' ' || pg_catalog.pg_get_constraintdef(co.oid) END"
        + " || CASE WHEN co.convalidated THEN '' ELSE ' (not validated)' END"
        + " FROM pg_catalog.pg_constraint co JOIN pg_catalog.pg_namespace n ON n.oid = co.connamespace"
        + " WHERE " + USER_SCHEMA);
    query(connection, lines, "SELECT 'index ' || pg_catalog.pg_get_indexdef(i.indexrelid)"
        + " || CASE WHEN i.indisvalid THEN '' ELSE ' (invalid)' END"
        + " FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid"
        + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE " + USER_SCHEMA);
    query(connection, lines, "SELECT 'trigger ' || pg_catalog.pg_get_triggerdef(t.oid) || ' enabled=' || t.tgenabled::text"
        + " FROM pg_catalog.pg_trigger t JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid"
        + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE " + USER_SCHEMA + " AND NOT t.tgisinternal");
    query(connection, lines, "SELECT 'view ' || c.oid::pg_catalog.regclass::text || ' AS '"
        + " || pg_catalog.regexp_replace(pg_catalog.pg_get_viewdef(c.oid), '\\s+', ' ', 'g')"
        + " FROM " + USER_RELATION + " AND c.relkind IN ('v', 'm')");
    query(connection, lines, "SELECT 'routine ' || p.oid::pg_catalog.regprocedure::text || ' md5 '"
        + " || pg_catalog.md5(pg_catalog.pg_get_functiondef(p.oid))"
        + " FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace WHERE " + USER_SCHEMA
        + " AND p.prokind <> 'a'");
    query(connection, lines, "SELECT 'sequence ' || s.seqrelid::pg_catalog.regclass::text || ' '"
        + " || pg_catalog.format_type(s.seqtypid, NULL) || ' max ' || s.seqmax::text"
        + " || coalesce(' owned by ' || (SELECT d.refobjid::pg_catalog.regclass::text || '.' || a.attname"
        + "   FROM pg_catalog.pg_depend d JOIN pg_catalog.pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid"
        + "   WHERE d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objid = s.seqrelid"
        + "   AND d.deptype IN ('a', 'i') LIMIT 1), '')"
        + " FROM pg_catalog.pg_sequence s JOIN pg_catalog.pg_class c ON c.oid = s.seqrelid"
        + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE " + USER_SCHEMA);
    query(connection, lines, "SELECT 'type ' || t.oid::pg_catalog.regtype::text || ' kind ' || t.typtype::text"
        + " || CASE WHEN t.typtype = 'd' THEN ' over ' || pg_catalog.format_type(t.typbasetype, t.typtypmod)"
        + "   || CASE WHEN t.typnotnull THEN ' NOT NULL' ELSE '' END ELSE '' END"
        + " || CASE WHEN t.typtype = 'e' THEN ' (' || (SELECT pg_catalog.string_agg(e.enumlabel, ', ' ORDER BY e.enumsortorder)"
        + "   FROM pg_catalog.pg_enum e WHERE e.enumtypid = t.oid) || ')' ELSE '' END"
        + " FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace WHERE " + USER_SCHEMA
        + " AND t.typtype IN ('d', 'e') ");
    query(connection, lines, "SELECT 'comment on ' || pg_catalog.pg_describe_object(d.classoid, d.objoid, d.objsubid)"
        + " || ' is ' || d.description FROM pg_catalog.pg_description d"
        + " WHERE d.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objoid IN (SELECT c.oid FROM "
        + USER_RELATION + ")");
    lines.sort(null);
    return lines;
  }

  private static void query(Connection connection, List<String> lines, String sql) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        lines.add(rows.getString(1));
      }
    }
  }
}
