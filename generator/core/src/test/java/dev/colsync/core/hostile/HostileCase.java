package dev.colsync.core.hostile;

import static dev.colsync.runtime.sql.SqlIdentifiers.qualified;
import static dev.colsync.runtime.sql.SqlIdentifiers.quote;

import dev.colsync.core.spec.FlywayRelease;
import dev.colsync.core.plan.Plan;
import dev.colsync.core.spec.Backfill;
import dev.colsync.core.spec.Column;
import dev.colsync.core.spec.ColumnChange;
import dev.colsync.core.spec.MigrationSpec;
import dev.colsync.core.spec.OnUpError;
import dev.colsync.core.spec.Rename;
import dev.colsync.core.spec.Retype;
import dev.colsync.core.spec.TableName;
import dev.colsync.core.spec.Timeouts;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * A table whose every name is hostile, and one column change on it. Names are exact catalog names;
 * every SQL text built here quotes them.
 *
 * @param label the test's display name
 * @param schema the table's schema
 * @param table the table
 * @param key the primary-key columns, in key order
 * @param bystander a column neither application version migrates
 * @param change the rename or type change
 * @param migration the migration name (generated object names derive from it)
 * @param values what kind of values the two columns hold
 * @param setup SQL run after the schema is created and before the table is (types the table uses)
 */
record HostileCase(
    String label, String schema, String table, List<KeyColumn> key, String bystander, ColumnChange change,
    String migration, Values values, List<String> setup) {

  /** The kinds of values a case's columns hold. */
  enum Values {
    /** Text in both columns (a rename). */
    TEXT,
    /** numeric(12,2) in the old column, bigint cents in the new one. */
    CENTS,
    /** Text in the old column, integer in the new one; text up() cannot convert becomes NULL. */
    TEXT_TO_INTEGER
  }

  /** A key column: its exact name, its SQL type, and whether its values are text (else integers). */
  record KeyColumn(String name, String type, boolean text) {}

  private static final List<String> TEXT_KEYS = List.of("a", "O'Brien", "数量", "é ", "\"q\"", "Z\\z", "");

  /**
   * Reserved words, double quotes, single quotes, a backslash, spaces, upper case, a dollar-quote tag
   * ({@code $colsync$}, so the generator must pick another) and non-ASCII; a composite key; a rename of NOT NULL text; a migration name long enough that every
   * generated object name is shortened with a hash.
   */
  static HostileCase quotesAndReservedWords() {
    return new HostileCase(
        "rename \"select\" → \"user\", composite key, quotes and reserved words",
        "My \"Schema\" 'n' $colsync$",
        "Order Lines \\ #2",
        List.of(new KeyColumn("order", "integer", false), new KeyColumn("Prénom Key", "text", true)),
        "Note \"x\"",
        new Rename("select", "user", "text", true),
        "rename_select_to_user_on_order_lines_with_a_long_migration_name",
        Values.TEXT,
        List.of());
  }

  /**
   * Every name exactly 63 bytes (PostgreSQL's limit), multi-byte characters included; a type change
   * numeric(12,2) → bigint cents, NOT NULL on both sides; a migration name whose longest generated
   * name is exactly 63 bytes, so nothing is shortened.
   */
  static HostileCase sixtyThreeBytes() {
    String oldColumn = pad("prénom \"Amount\" 数", 'a');
    String newColumn = pad("数量_cents_", 'c');
    return new HostileCase(
        "numeric → bigint cents, 63-byte non-ASCII names",
        pad("Schéma_", 'S'),
        pad("数量表", '数'),
        List.of(new KeyColumn(pad("Ключ_", 'K'), "bigint", false)),
        pad("заметка ", 'n'),
        new Retype(new Column(oldColumn, "numeric(12,2)"), new Column(newColumn, "bigint"),
            "round(" + quote(oldColumn) + " * 100)::bigint", quote(newColumn) + " / 100.0", OnUpError.REJECT,
            true, true),
        // colsync_ + 40 + _backfill_state = 63 bytes
        "numeric_amount_to_cents_on_63_byte_names",
        Values.CENTS,
        List.of());
  }

  /**
   * Upper case and reserved words as schema and table; a domain with a hostile name as the old type;
   * text → integer with onUpError null, so the generated up() wrapper function (whose signature names
   * the domain) is created and dropped; a text key.
   */
  static HostileCase upWrapperFunction() {
    return new HostileCase(
        "text domain → integer with the up() wrapper, upper case and reserved names",
        "Select",
        "user",
        List.of(new KeyColumn("Key", "text", true)),
        "order",
        new Retype(new Column("Qty \"raw\"", "\"Select\".\"Raw \"\"Qty\"\"\""), new Column("order by", "integer"),
            "pg_catalog.btrim(\"Qty \"\"raw\"\"\")::integer", "\"order by\"::text", OnUpError.NULL, false, false),
        "qty_text_to_integer",
        Values.TEXT_TO_INTEGER,
        List.of("CREATE DOMAIN \"Select\".\"Raw \"\"Qty\"\"\" AS text"));
  }

  /**
   * A column named like a variable every PL/pgSQL block has ({@code found}): PL/pgSQL refuses an SQL
   * statement in which such a name could be either the column or the variable.
   */
  static HostileCase plpgsqlVariableName() {
    return new HostileCase(
        "rename \"found\" → \"found on\"",
        "lost and found",
        "items",
        List.of(new KeyColumn("id", "integer", false)),
        "note",
        new Rename("found", "found on", "text", false),
        "rename_found",
        Values.TEXT,
        List.of());
  }

  static List<HostileCase> all() {
    return List.of(quotesAndReservedWords(), sixtyThreeBytes(), upWrapperFunction());
  }

  /** {@code prefix} padded with {@code fill} to exactly 63 bytes of UTF-8. */
  static String pad(String prefix, char fill) {
    StringBuilder name = new StringBuilder(prefix);
    while (bytes(name + String.valueOf(fill)) <= 63) {
      name.append(fill);
    }
    if (bytes(name.toString()) != 63) {
      throw new IllegalArgumentException(prefix + " cannot be padded with " + fill + " to 63 bytes");
    }
    return name.toString();
  }

  static int bytes(String name) {
    return name.getBytes(StandardCharsets.UTF_8).length;
  }

  MigrationSpec spec(int postgresVersion) {
    return new MigrationSpec(migration, "hostile names test", new TableName(schema, table),
        key.stream().map(KeyColumn::name).toList(), change, new Backfill(4, Duration.ZERO), Timeouts.DEFAULTS,
        Optional.empty(), postgresVersion, FlywayRelease.all("1"));
  }

  String qualifiedTable() {
    return qualified(schema, table);
  }

  String oldColumn() {
    return quote(change.from().name());
  }

  String newColumn() {
    return quote(change.to().name());
  }

  String keyList() {
    return key.stream().map(k -> quote(k.name())).collect(Collectors.joining(", "));
  }

  /** {@code "k1" = ? AND "k2" = ?}. */
  String keyCondition() {
    return key.stream().map(k -> quote(k.name()) + " = ?").collect(Collectors.joining(" AND "));
  }

  String createTable() {
    StringBuilder sql = new StringBuilder("CREATE TABLE " + qualifiedTable() + " (");
    for (KeyColumn k : key) {
      sql.append(quote(k.name())).append(' ').append(k.type()).append(", ");
    }
    sql.append(oldColumn()).append(' ').append(change.from().type()).append(change.fromNotNull() ? " NOT NULL" : "")
        .append(", ").append(quote(bystander)).append(" text, PRIMARY KEY (").append(keyList()).append("))");
    return sql.toString();
  }

  /**
   * {@code up} over the table's row as the convergence check evaluates it: the spec's expression, or
   * for onUpError null the generated wrapper that turns a conversion error into NULL.
   */
  String upOfRow(Plan plan) {
    return change.onUpError() == OnUpError.NULL
        ? qualified(schema, plan.names().upFunction()) + "(" + oldColumn() + ")"
        : "(" + change.up() + ")";
  }

  /** Whether reading either column gives the same value (false where up() may turn a value into NULL). */
  boolean lossless() {
    return values != Values.TEXT_TO_INTEGER;
  }

  /** A random key. */
  List<Object> randomKey(Random random) {
    List<Object> values = new ArrayList<>();
    for (KeyColumn k : key) {
      values.add(k.text() ? TEXT_KEYS.get(random.nextInt(TEXT_KEYS.size())) : (Object) (long) (1 + random.nextInt(9)));
    }
    return values;
  }

  void bindKey(PreparedStatement statement, int first, List<Object> keyValues) throws SQLException {
    for (int i = 0; i < key.size(); i++) {
      if (key.get(i).text()) {
        statement.setString(first + i, (String) keyValues.get(i));
      } else {
        statement.setLong(first + i, (Long) keyValues.get(i));
      }
    }
  }

  /** A value the old application version writes; never NULL when either column is NOT NULL. */
  void bindRandomOld(PreparedStatement statement, int index, Random random) throws SQLException {
    boolean nullable = !change.fromNotNull() && !change.notNull();
    if (nullable && random.nextInt(6) == 0) {
      statement.setNull(index, values == Values.CENTS ? Types.NUMERIC : Types.VARCHAR);
      return;
    }
    switch (values) {
      case TEXT -> statement.setString(index, TEXT_KEYS.get(random.nextInt(TEXT_KEYS.size())) + random.nextInt(3));
      case CENTS -> statement.setBigDecimal(index, BigDecimal.valueOf(randomCents(random), 2));
      case TEXT_TO_INTEGER -> statement.setString(index,
          List.of("12", " 7 ", "-3", "abc", "", "2147483648", "0", "٣").get(random.nextInt(8)));
    }
  }

  /** A value the new application version writes; never NULL when either column is NOT NULL. */
  void bindRandomNew(PreparedStatement statement, int index, Random random) throws SQLException {
    boolean nullable = !change.fromNotNull() && !change.notNull();
    if (nullable && random.nextInt(6) == 0) {
      statement.setNull(index, switch (values) {
        case TEXT -> Types.VARCHAR;
        case CENTS -> Types.BIGINT;
        case TEXT_TO_INTEGER -> Types.INTEGER;
      });
      return;
    }
    switch (values) {
      case TEXT -> statement.setString(index, TEXT_KEYS.get(random.nextInt(TEXT_KEYS.size())) + random.nextInt(3));
      case CENTS -> statement.setLong(index, randomCents(random));
      case TEXT_TO_INTEGER -> statement.setInt(index, random.nextInt(2001) - 1000);
    }
  }

  /** Cents numeric(12,2) holds exactly, the extremes included. */
  private static long randomCents(Random random) {
    long max = 999_999_999_999L;
    return switch (random.nextInt(4)) {
      case 0 -> random.nextBoolean() ? max : -max;
      case 1 -> random.nextInt(201) - 100;
      default -> (long) (random.nextDouble() * 2 * max) - max;
    };
  }

  /** The SQL text of a literal old value for the seed rows. */
  String seedOld(Random random) {
    return switch (values) {
      case TEXT -> "'" + TEXT_KEYS.get(random.nextInt(TEXT_KEYS.size())).replace("'", "''") + "x'";
      case CENTS -> BigDecimal.valueOf(randomCents(random), 2).toPlainString();
      case TEXT_TO_INTEGER -> List.of("NULL", "'42'", "' 5'", "'n/a'").get(random.nextInt(4));
    };
  }

  @Override
  public String toString() {
    return label;
  }
}
