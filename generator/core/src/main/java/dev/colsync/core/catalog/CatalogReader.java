package dev.colsync.core.catalog;

import dev.colsync.core.catalog.TableFacts.ColumnFacts;
import dev.colsync.core.catalog.TableFacts.ConstraintFacts;
import dev.colsync.core.catalog.TableFacts.Dependent;
import dev.colsync.core.catalog.TableFacts.IndexFacts;
import dev.colsync.core.catalog.TableFacts.KeyColumn;
import dev.colsync.core.catalog.TableFacts.SequenceFacts;
import dev.colsync.core.catalog.TableFacts.TriggerFacts;
import dev.colsync.core.catalog.TableFacts.ViewFacts;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads {@link TableFacts} from a live database. Every query is fixed text with bound parameters;
 * names come back exactly as the catalog stores them.
 */
public final class CatalogReader {
  private static final String TABLE_OID = "SELECT c.oid FROM pg_catalog.pg_class c"
      + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ? AND c.relname = ?";

  private final Connection connection;

  public CatalogReader(Connection connection) {
    this.connection = connection;
  }

  /**
   * The facts of {@code schema.table.column}.
   *
   * @throws CatalogException when the table or the column does not exist
   */
  public TableFacts read(String schema, String table, String column) throws SQLException, CatalogException {
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try (Statement settings = connection.createStatement()) {
      // One snapshot for every query; with only pg_catalog on the path, every name the server
      // prints (regclass, index and constraint definitions) comes out schema-qualified.
      settings.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
      settings.execute("SET LOCAL search_path = pg_catalog");
      return readInSnapshot(schema, table, column);
    } finally {
      connection.rollback();
      connection.setAutoCommit(autoCommit);
    }
  }

  /** Whether {@code schema.table} has a column named {@code column} (exactly as the catalog spells it). */
  public boolean columnExists(String schema, String table, String column) throws SQLException {
    return !query("SELECT 1 FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_class c ON c.oid = a.attrelid"
        + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ? AND c.relname = ?"
        + " AND a.attname = ? AND a.attnum > 0 AND NOT a.attisdropped", row -> row.getInt(1), schema, table, column)
        .isEmpty();
  }

  private TableFacts readInSnapshot(String schema, String table, String column)
      throws SQLException, CatalogException {
    long tableOid = tableOid(schema, table);
    int attnum = attnum(tableOid, schema, table, column);
    return new TableFacts(schema, table, isPartitioned(tableOid), primaryKey(tableOid),
        column(tableOid, attnum, ownedSequence(tableOid, attnum)),
        indexes(tableOid, attnum), constraints(tableOid, attnum), incomingForeignKeys(tableOid, attnum),
        dependents(tableOid, attnum), otherTriggers(tableOid, attnum, column), partitions(tableOid),
        readers(tableOid, attnum, table, column), publications(tableOid));
  }

  /**
   * Publications that replicate the table: directly, through a partition, FOR ALL TABLES or its schema
   * ({@code pg_partition_tree} lists nothing for a table that is not partitioned, hence the table itself too).
   */
  private List<String> publications(long tableOid) throws SQLException {
    return query("SELECT DISTINCT pg_catalog.quote_ident(pt.pubname)"
            + " FROM (SELECT CAST(? AS pg_catalog.oid) AS relid UNION SELECT t.relid"
            + "   FROM pg_catalog.pg_partition_tree(CAST(CAST(? AS pg_catalog.oid) AS pg_catalog.regclass)) AS t) AS tree"
            + " JOIN pg_catalog.pg_class c ON c.oid = tree.relid"
            + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
            + " JOIN pg_catalog.pg_publication_tables pt ON pt.schemaname = n.nspname AND pt.tablename = c.relname"
            + " ORDER BY 1",
        row -> row.getString(1), tableOid, tableOid);
  }

  private long tableOid(String schema, String table) throws SQLException, CatalogException {
    List<Long> oids = query(TABLE_OID + " AND c.relkind IN ('r', 'p')", row -> row.getLong(1), schema, table);
    if (oids.isEmpty()) {
      throw new CatalogException("table " + schema + "." + table + " does not exist (or is not a table)");
    }
    return oids.get(0);
  }

  private int attnum(long tableOid, String schema, String table, String column) throws SQLException, CatalogException {
    List<Integer> attnums = query("SELECT attnum FROM pg_catalog.pg_attribute"
        + " WHERE attrelid = ? AND attname = ? AND attnum > 0 AND NOT attisdropped", row -> row.getInt(1),
        tableOid, column);
    if (attnums.isEmpty()) {
      throw new CatalogException("column " + column + " does not exist in table " + schema + "." + table);
    }
    return attnums.get(0);
  }

  private boolean isPartitioned(long tableOid) throws SQLException {
    return query("SELECT relkind = 'p' FROM pg_catalog.pg_class WHERE oid = ?", row -> row.getBoolean(1), tableOid)
        .get(0);
  }

  private List<KeyColumn> primaryKey(long tableOid) throws SQLException {
    return query("SELECT a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod)"
            + " FROM pg_catalog.pg_index i JOIN pg_catalog.pg_attribute a"
            + "   ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)"
            + " WHERE i.indrelid = ? AND i.indisprimary"
            + " ORDER BY pg_catalog.array_position(i.indkey::int2[], a.attnum)",
        row -> new KeyColumn(row.getString(1), row.getString(2)), tableOid);
  }

  /** The sequence a {@code serial} column owns (dependency type {@code a}); an identity's is internal. */
  private Optional<SequenceFacts> ownedSequence(long tableOid, int attnum) throws SQLException {
    return query("SELECT s.seqrelid::pg_catalog.regclass::text, pg_catalog.format_type(s.seqtypid, NULL)"
            + " FROM pg_catalog.pg_depend dep JOIN pg_catalog.pg_sequence s ON s.seqrelid = dep.objid"
            + " WHERE dep.classid = 'pg_catalog.pg_class'::pg_catalog.regclass"
            + "   AND dep.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass"
            + "   AND dep.refobjid = ? AND dep.refobjsubid = ? AND dep.deptype = 'a'",
        row -> new SequenceFacts(row.getString(1), row.getString(2)), tableOid, attnum).stream().findFirst();
  }

  private ColumnFacts column(long tableOid, int attnum, Optional<SequenceFacts> ownedSequence) throws SQLException {
    return query("SELECT a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod), a.attnotnull,"
            + " pg_catalog.pg_get_expr(d.adbin, d.adrelid),"
            + " CASE a.attidentity WHEN 'a' THEN 'always' WHEN 'd' THEN 'by default' END,"
            + " a.attgenerated <> '',"
            + " CASE WHEN a.attcollation <> t.typcollation THEN pg_catalog.quote_ident(co.collname) END,"
            + " pg_catalog.col_description(a.attrelid, a.attnum),"
            + " NULLIF(a.attstattarget::int, -1)"
            + " FROM pg_catalog.pg_attribute a"
            + " JOIN pg_catalog.pg_type t ON t.oid = a.atttypid"
            + " LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
            + " LEFT JOIN pg_catalog.pg_collation co ON co.oid = a.attcollation"
            + " WHERE a.attrelid = ? AND a.attnum = ?",
        row -> new ColumnFacts(row.getString(1), row.getString(2), row.getBoolean(3),
            Optional.ofNullable(row.getString(4)), Optional.ofNullable(row.getString(5)), row.getBoolean(6),
            Optional.ofNullable(row.getString(7)), Optional.ofNullable(row.getString(8)),
            Optional.ofNullable((Integer) row.getObject(9)), ownedSequence),
        tableOid, attnum).get(0);
  }

  /** Indexes that depend on the column: through a key, an expression, the predicate or INCLUDE. */
  private List<IndexFacts> indexes(long tableOid, int attnum) throws SQLException {
    return query("SELECT ic.relname, pg_catalog.pg_get_indexdef(i.indexrelid), i.indisunique, i.indisprimary,"
            + " i.indisvalid, con.conname, con.contype = 'x'"
            + " FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid"
            + " LEFT JOIN pg_catalog.pg_constraint con ON con.conindid = i.indexrelid AND con.conrelid = i.indrelid"
            + "   AND con.contype IN ('p', 'u', 'x')"
            + " WHERE i.indrelid = ? AND (? = ANY (i.indkey) OR EXISTS ("
            + "   SELECT FROM pg_catalog.pg_depend dep WHERE dep.classid = 'pg_catalog.pg_class'::pg_catalog.regclass"
            + "   AND dep.objid = i.indexrelid AND dep.refobjid = i.indrelid AND dep.refobjsubid = ?))"
            + " ORDER BY ic.relname",
        row -> new IndexFacts(row.getString(1), row.getString(2), row.getBoolean(3), row.getBoolean(4),
            row.getBoolean(5), Optional.ofNullable(row.getString(6)), row.getBoolean(7)),
        tableOid, attnum, attnum);
  }

  private List<ConstraintFacts> constraints(long tableOid, int attnum) throws SQLException {
    return query("SELECT conname, contype::text, conrelid::regclass::text, pg_catalog.pg_get_constraintdef(oid),"
            + " convalidated, condeferrable, condeferred"
            + " FROM pg_catalog.pg_constraint WHERE conrelid = ? AND ? = ANY (conkey) AND contype <> 'n'"
            + " ORDER BY conname",
        CatalogReader::constraint, tableOid, attnum);
  }

  private List<ConstraintFacts> incomingForeignKeys(long tableOid, int attnum) throws SQLException {
    return query("SELECT conname, contype::text, conrelid::regclass::text, pg_catalog.pg_get_constraintdef(oid),"
            + " convalidated, condeferrable, condeferred"
            + " FROM pg_catalog.pg_constraint WHERE confrelid = ? AND ? = ANY (confkey) AND contype = 'f'"
            + " ORDER BY conrelid::regclass::text, conname",
        CatalogReader::constraint, tableOid, attnum);
  }

  private static ConstraintFacts constraint(ResultSet row) throws SQLException {
    return new ConstraintFacts(row.getString(1), row.getString(2).charAt(0), row.getString(3), row.getString(4),
        row.getBoolean(5), row.getBoolean(6), row.getBoolean(7));
  }

  /** Views, materialized views and rules (through pg_rewrite) and generated columns that use the column. */
  private List<Dependent> dependents(long tableOid, int attnum) throws SQLException {
    List<Dependent> dependents = new ArrayList<>(query(
        "SELECT DISTINCT CASE WHEN r.rulename = '_RETURN' THEN"
            + "   CASE v.relkind WHEN 'm' THEN 'materialized view' ELSE 'view' END ELSE 'rule' END,"
            + " CASE WHEN r.rulename = '_RETURN' THEN v.oid::regclass::text"
            + "   ELSE pg_catalog.quote_ident(r.rulename) || ' on ' || v.oid::regclass::text END"
            + " FROM pg_catalog.pg_depend dep JOIN pg_catalog.pg_rewrite r ON r.oid = dep.objid"
            + " JOIN pg_catalog.pg_class v ON v.oid = r.ev_class"
            + " WHERE dep.classid = 'pg_catalog.pg_rewrite'::pg_catalog.regclass AND dep.refobjid = ?"
            + "   AND dep.refobjsubid = ? ORDER BY 1, 2",
        row -> new Dependent(row.getString(1), row.getString(2)), tableOid, attnum));
    for (int i = 0; i < dependents.size(); i++) {
      Dependent dependent = dependents.get(i);
      if (dependent.kind().equals("view")) {
        dependents.set(i, new Dependent(dependent.kind(), dependent.name(), Optional.of(view(dependent.name()))));
      }
    }
    // A generated column depends on the column either directly (up to PostgreSQL 17) or through
    // its expression's pg_attrdef entry (PostgreSQL 18).
    dependents.addAll(query(
        "SELECT DISTINCT 'generated column', pg_catalog.quote_ident(a.attname)"
            + " FROM pg_catalog.pg_depend dep"
            + " LEFT JOIN pg_catalog.pg_attrdef ad ON dep.classid = 'pg_catalog.pg_attrdef'::pg_catalog.regclass"
            + "   AND ad.oid = dep.objid"
            + " JOIN pg_catalog.pg_attribute a ON a.attrelid = ? AND a.attnum = CASE"
            + "   WHEN dep.classid = 'pg_catalog.pg_class'::pg_catalog.regclass THEN dep.objsubid ELSE ad.adnum END"
            + " WHERE dep.refobjid = ? AND dep.refobjsubid = ? AND a.attnum <> dep.refobjsubid"
            + "   AND a.attgenerated <> ''"
            + "   AND (dep.classid = 'pg_catalog.pg_attrdef'::pg_catalog.regclass"
            + "     OR (dep.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND dep.objid = ?))"
            + " ORDER BY 2",
        row -> new Dependent(row.getString(1), row.getString(2)), tableOid, tableOid, attnum, tableOid));
    return dependents;
  }

  /** A plain view's query and options, and the views that read it (its name as regclass prints it). */
  private ViewFacts view(String name) throws SQLException {
    String option = "(SELECT o.option_value FROM pg_catalog.pg_options_to_table(v.reloptions) o"
        + " WHERE o.option_name = '%s')";
    return query("SELECT pg_catalog.pg_get_viewdef(v.oid, true), " + option.formatted("check_option") + ","
            + " coalesce(" + option.formatted("security_barrier") + "::boolean, false),"
            + " coalesce(" + option.formatted("security_invoker") + "::boolean, false),"
            + " ARRAY(SELECT DISTINCT w.oid::pg_catalog.regclass::text FROM pg_catalog.pg_depend d"
            + "   JOIN pg_catalog.pg_rewrite r ON r.oid = d.objid JOIN pg_catalog.pg_class w ON w.oid = r.ev_class"
            + "   WHERE d.classid = 'pg_catalog.pg_rewrite'::pg_catalog.regclass"
            + "   AND d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.refobjid = v.oid"
            + "   AND w.oid <> v.oid ORDER BY 1)"
            + " FROM pg_catalog.pg_class v WHERE v.oid = CAST(CAST(? AS text) AS pg_catalog.regclass)",
        row -> new ViewFacts(row.getString(1), Optional.ofNullable(row.getString(2)), row.getBoolean(3),
            row.getBoolean(4), List.of((String[]) row.getArray(5).getArray())),
        name).get(0);
  }

  /**
   * The table's triggers, and whether each uses the column: through a dependency (its {@code UPDATE OF}
   * list or {@code WHEN} condition), by naming it in its arguments ({@code tsvector_update_trigger(…,
   * 'title')}), or by naming it in the source of its PL/pgSQL or SQL function.
   */
  private List<TriggerFacts> otherTriggers(long tableOid, int attnum, String column) throws SQLException {
    return query("SELECT t.tgname, pg_catalog.pg_get_triggerdef(t.oid), EXISTS ("
            + "   SELECT FROM pg_catalog.pg_depend dep WHERE dep.classid = 'pg_catalog.pg_trigger'::pg_catalog.regclass"
            + "   AND dep.objid = t.oid AND dep.refobjid = t.tgrelid AND dep.refobjsubid = ?)"
            + " OR ? = ANY (pg_catalog.string_to_array(pg_catalog.encode(t.tgargs, 'escape'), E'\\\\000')),"
            + " CASE WHEN l.lanname IN ('plpgsql', 'sql') THEN p.prosrc END,"
            + " (t.tgtype & 17) = 17 AND pg_catalog.cardinality(t.tgattr::pg_catalog.int2[]) = 0"
            + " FROM pg_catalog.pg_trigger t JOIN pg_catalog.pg_proc p ON p.oid = t.tgfoid"
            + " JOIN pg_catalog.pg_language l ON l.oid = p.prolang"
            + " WHERE t.tgrelid = ? AND NOT t.tgisinternal AND t.tgname NOT LIKE 'colsync\\_%' AND t.tgname NOT LIKE '~colsync\\_%' ORDER BY t.tgname",
        row -> new TriggerFacts(row.getString(1), row.getString(2),
            row.getBoolean(3) || FunctionSource.names(row.getString(4), column), row.getBoolean(5)),
        attnum, column, tableOid);
  }

  /**
   * Functions and procedures outside pg_catalog, information_schema and extensions that read the column: by
   * a recorded dependency (a SQL-standard body) or by naming both the table and the column in their source.
   */
  private List<String> readers(long tableOid, int attnum, String table, String column) throws SQLException {
    return query("SELECT p.oid::pg_catalog.regprocedure::text, EXISTS (SELECT FROM pg_catalog.pg_depend d"
            + "   WHERE d.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass AND d.objid = p.oid AND d.refobjid = ?"
            + "   AND d.refobjsubid = ?), CASE WHEN l.lanname IN ('plpgsql', 'sql') THEN p.prosrc END"
            + " FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_language l ON l.oid = p.prolang"
            + " JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace"
            + " WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND p.prorettype <> 'pg_catalog.trigger'::pg_catalog.regtype"
            + " AND p.proname NOT LIKE 'colsync\\_%' AND NOT EXISTS (SELECT FROM pg_catalog.pg_depend e"
            + "   WHERE e.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass AND e.objid = p.oid AND e.deptype = 'e')"
            + " ORDER BY 1",
        row -> row.getBoolean(2) || FunctionSource.names(row.getString(3), table)
            && FunctionSource.names(row.getString(3), column) ? row.getString(1) : null,
        tableOid, attnum).stream().filter(Objects::nonNull).toList();
  }

  private List<String> partitions(long tableOid) throws SQLException {
    return query("SELECT inhrelid::regclass::text FROM pg_catalog.pg_inherits WHERE inhparent = ? ORDER BY 1",
        row -> row.getString(1), tableOid);
  }

  private interface RowMapper<T> {
    T map(ResultSet row) throws SQLException;
  }

  private <T> List<T> query(String sql, RowMapper<T> mapper, Object... parameters) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      List<T> rows = new ArrayList<>();
      try (ResultSet result = statement.executeQuery()) {
        while (result.next()) {
          rows.add(mapper.map(result));
        }
      }
      return rows;
    }
  }
}
