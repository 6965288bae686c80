package dev.colsync.core.formats;

import static dev.colsync.runtime.sql.SqlIdentifiers.literal;
import static dev.colsync.runtime.sql.SqlIdentifiers.qualified;
import static org.assertj.core.api.Assertions.assertThat;

import dev.colsync.core.plan.ObjectNames;
import dev.colsync.core.plan.Phase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** What must hold on the database after each phase of a {@link FormatCase}, whichever tool ran it. */
final class PhaseFacts {
  private final Connection connection;
  private final FormatCase change;
  private final ObjectNames names;
  private int writes;

  PhaseFacts(Connection connection, FormatCase change) {
    this.connection = connection;
    this.change = change;
    this.names = change.plan().names();
  }

  /** Creates and seeds the table; returns its columns as they are before the migration. */
  List<String> createTable() throws SQLException {
    execute(change.createTable());
    execute(change.seed());
    return columns();
  }

  /** Asserts what {@code phase} promises, once it has run forward. */
  void assertAfter(Phase phase) throws SQLException {
    String what = change + " after " + phase.id();
    switch (phase) {
      case EXPAND -> {
        assertThat(columnNames()).as("columns, " + what).contains(change.oldColumn(), change.newColumn());
        assertThat(syncTriggers()).as("sync trigger, " + what).isEqualTo(1);
      }
      case BACKFILL -> {
        assertThat(count("SELECT count(*) FROM " + change.table() + " WHERE " + change.quotedNew()
            + " IS DISTINCT FROM " + change.up()))
            .as("rows where new IS DISTINCT FROM up(old), " + what).isZero();
        assertThat(count("SELECT count(*) FROM " + change.table() + " WHERE " + change.quotedNew() + " IS NULL"))
            .as("rows with the new column NULL, " + what).isZero();
        // Several batches, each committed inside the one CALL: only possible outside a transaction.
        assertThat(count("SELECT batches FROM " + stateTable() + " WHERE direction = 'up' AND done"))
            .as("committed backfill batches, " + what).isGreaterThan(1);
      }
      case VALIDATE -> assertThat(notNull(change.newColumn())).as("new column NOT NULL, " + what).isTrue();
      case CONTRACT -> {
        assertThat(columnNames()).as("columns, " + what)
            .contains(change.newColumn()).doesNotContain(change.oldColumn());
        assertThat(syncTriggers()).as("sync trigger, " + what).isZero();
        assertThat(count("SELECT count(*) FROM " + change.table() + " WHERE " + change.quotedNew() + " IS NOT NULL"))
            .as("rows with the new column filled, " + what).isGreaterThanOrEqualTo(change.seedRows());
        assertThat(colsyncObjects()).as("colsync objects left, " + what).isEmpty();
      }
      default -> throw new IllegalArgumentException("no facts for " + phase);
    }
  }

  /**
   * An N-1 client updates one row and inserts another through the old column only; the new column
   * must follow in both (the sync trigger).
   */
  void assertOldWritesReachNewColumn(Phase after) throws SQLException {
    int update = ++writes;
    execute("UPDATE " + change.table() + " SET " + change.quotedOld() + " = " + change.oldValue().apply(update)
        + " WHERE id = " + update);
    assertThat(text("SELECT " + change.quotedNew() + "::text FROM " + change.table() + " WHERE id = " + update))
        .as("%s: new column after an N-1 UPDATE following %s", change, after.id())
        .isEqualTo(change.newText().apply(update));
    int insert = ++writes;
    String id = text("INSERT INTO " + change.table() + " (" + change.quotedOld() + ") VALUES ("
        + change.oldValue().apply(insert) + ") RETURNING id::text");
    assertThat(text("SELECT " + change.quotedNew() + "::text FROM " + change.table() + " WHERE id = " + id))
        .as("%s: new column after an N-1 INSERT following %s", change, after.id())
        .isEqualTo(change.newText().apply(insert));
  }

  /** After the contract rollback: the old column is back, NOT NULL again if it was, and holds down(new). */
  void assertOldColumnRestored() throws SQLException {
    assertThat(columnNames()).as("%s columns after rolling back contract", change)
        .contains(change.oldColumn(), change.newColumn());
    assertThat(syncTriggers()).as("%s sync trigger after rolling back contract", change).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM " + change.table() + " WHERE " + change.quotedOld()
        + " IS DISTINCT FROM " + change.down()))
        .as("%s rows where old IS DISTINCT FROM down(new) after rolling back contract", change).isZero();
    assertThat(count("SELECT count(*) FROM " + change.table() + " WHERE " + change.quotedOld() + " IS NULL"))
        .as("%s rows with the old column NULL after rolling back contract", change).isZero();
    assertThat(notNull(change.oldColumn())).as("%s old column NOT NULL after rolling back contract", change)
        .isEqualTo(change.spec().change().fromNotNull());
  }

  /** Columns as {@code name type [NOT NULL]}, in order. */
  List<String> columns() throws SQLException {
    return strings("SELECT attname || ' ' || format_type(atttypid, atttypmod) || CASE WHEN attnotnull"
        + " THEN ' NOT NULL' ELSE '' END FROM pg_catalog.pg_attribute WHERE attrelid = " + regclass()
        + " AND attnum > 0 AND NOT attisdropped ORDER BY attnum");
  }

  /** Every row's value of {@code quotedColumn} as text, in primary-key order. */
  List<String> values(String quotedColumn) throws SQLException {
    return strings("SELECT " + quotedColumn + "::text FROM " + change.table() + " ORDER BY id");
  }

  List<String> columnNames() throws SQLException {
    return strings("SELECT attname FROM pg_catalog.pg_attribute WHERE attrelid = " + regclass()
        + " AND attnum > 0 AND NOT attisdropped ORDER BY attnum");
  }

  /**
   * Functions, procedures, tables, triggers and constraints colsync made for this migration. A NOT NULL
   * constraint of PostgreSQL 18 is left out: it is the column's NOT NULL itself, added under
   * colsync's name with {@code NOT VALID} and kept (as {@code SchemaSnapshot} in the pg tests does).
   */
  List<String> colsyncObjects() throws SQLException {
    String prefix = literal("colsync_" + change.migration() + "%");
    return strings("SELECT 'routine ' || proname FROM pg_catalog.pg_proc WHERE proname LIKE " + prefix
        + " UNION ALL SELECT 'relation ' || relname FROM pg_catalog.pg_class WHERE relname LIKE " + prefix
        + " UNION ALL SELECT 'constraint ' || conname FROM pg_catalog.pg_constraint WHERE contype <> 'n' AND conname LIKE " + prefix
        + " UNION ALL SELECT 'trigger ' || tgname FROM pg_catalog.pg_trigger WHERE tgname LIKE " + prefix
        + " OR tgname LIKE '~' || " + prefix);
  }

  private long syncTriggers() throws SQLException {
    return count("SELECT count(*) FROM pg_catalog.pg_trigger WHERE tgrelid = " + regclass()
        + " AND tgname = " + literal(names.syncTrigger()));
  }

  private boolean notNull(String column) throws SQLException {
    return "true".equals(text("SELECT attnotnull::text FROM pg_catalog.pg_attribute WHERE attrelid = "
        + regclass() + " AND attname = " + literal(column)));
  }

  private String stateTable() {
    return qualified(change.spec().table().schema(), names.backfillState());
  }

  private String regclass() {
    return literal(change.table()) + "::pg_catalog.regclass";
  }

  void execute(String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  long count(String sql) throws SQLException {
    return Long.parseLong(text(sql));
  }

  private String text(String sql) throws SQLException {
    List<String> rows = strings(sql);
    assertThat(rows).as("rows of %s", sql).hasSize(1);
    return rows.get(0);
  }

  private List<String> strings(String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
      while (result.next()) {
        rows.add(result.getString(1));
      }
    }
    return rows;
  }
}
