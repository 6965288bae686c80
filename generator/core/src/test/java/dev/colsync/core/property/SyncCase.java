package dev.colsync.core.property;

import static dev.colsync.runtime.sql.SqlIdentifiers.qualified;
import static dev.colsync.runtime.sql.SqlIdentifiers.quote;

import dev.colsync.core.spec.FlywayRelease;
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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * One column change the convergence tests run, and how its values look from Java.
 *
 * <p>Values are handled as <em>logical</em> values, the same for both columns: the text itself for
 * the rename, the amount in cents ({@code Long}) for numeric(12,2) → bigint cents. The old client
 * writes {@link #oldParameter}, the new client {@link #newParameter}; reading either column gives
 * the logical value back, so "the OLD path and the NEW path agree" is {@code Objects.equals}.
 * Every value generated is representable in both columns, so {@code up(down(v)) = v}.
 */
final class SyncCase {
  static final String TABLE = "items";
  /** Largest absolute amount numeric(12,2) holds, in cents. */
  static final long MAX_CENTS = 999_999_999_999L;

  private final String label;
  private final String schema;
  private final String migration;
  private final ColumnChange change;
  private final String upOfRow;
  private final boolean cents;

  private SyncCase(String label, String schema, String migration, ColumnChange change, String upOfRow,
      boolean cents) {
    this.label = label;
    this.schema = schema;
    this.migration = migration;
    this.change = change;
    this.upOfRow = upOfRow;
    this.cents = cents;
  }

  /** A rename of a nullable text column in {@code schema}: up and down are the identity. */
  static SyncCase rename(String schema) {
    return new SyncCase("rename title → headline", schema, "prop_rename",
        new Rename("title", "headline", "text", false), "\"title\"", false);
  }

  /** numeric(12,2) → bigint cents in {@code schema}: up = round(amount * 100)::bigint, down = amount_cents / 100.0. */
  static SyncCase cents(String schema) {
    return new SyncCase("numeric(12,2) amount → bigint amount_cents", schema, "prop_cents",
        new Retype(new Column("amount", "numeric(12,2)"), new Column("amount_cents", "bigint"),
            "round(amount * 100)::bigint", "amount_cents / 100.0", OnUpError.REJECT, false, false),
        "round(\"amount\" * 100)::bigint", true);
  }

  MigrationSpec spec(int batchSize, Duration pause) {
    return new MigrationSpec(migration, "property test", new TableName(schema, TABLE), List.of("id"), change,
        new Backfill(batchSize, pause), Timeouts.DEFAULTS, Optional.empty(), MigrationSpec.MIN_POSTGRES_VERSION,
        FlywayRelease.all("1"));
  }

  /** The schema of the table and of everything the migration creates; each test uses its own. */
  String schema() {
    return schema;
  }

  /** The table, quoted and qualified. */
  String table() {
    return qualified(schema, TABLE);
  }

  /** The old column, quoted. */
  String oldColumn() {
    return quote(change.from().name());
  }

  /** The new column, quoted. */
  String newColumn() {
    return quote(change.to().name());
  }

  /** The table as it is before the migration: key, the old column, and a column neither version migrates. */
  String createTable() {
    return "CREATE TABLE " + table() + " (id integer PRIMARY KEY, " + oldColumn() + " " + change.from().type()
        + ", note text)";
  }

  /** {@code up} over the table's row, written independently of the generator, for the convergence check. */
  String upOfRow() {
    return upOfRow;
  }

  /**
   * Logical values, NULL included, small ones often so that writes often repeat what is stored.
   * Built with {@code combine} only (no {@code frequencyOf}/{@code flatMap}), which keeps shrinking fast.
   */
  Arbitrary<Object> values() {
    Arbitrary<Integer> pick = Arbitraries.integers().between(0, 9);
    if (cents) {
      Arbitrary<Long> small = Arbitraries.longs().between(-3, 3);
      Arbitrary<Long> any = Arbitraries.longs().between(-MAX_CENTS, MAX_CENTS);
      Arbitrary<Long> edge = Arbitraries.of(MAX_CENTS, -MAX_CENTS, 1L, -1L, 99L, 100L, 101L, 50L, -50L, 5L);
      return Combinators.combine(pick, small, any, edge)
          .as((p, s, a, e) -> p < 2 ? null : p < 6 ? (Object) s : p < 8 ? (Object) a : (Object) e);
    }
    Arbitrary<String> text = Arbitraries.strings().withChars("ab 'é数\"").ofMaxLength(3);
    return Combinators.combine(pick, text).as((p, t) -> p < 2 ? null : (Object) t);
  }

  /** A random logical value, NULL included, for the threaded test. */
  Object randomValue(Random random) {
    if (random.nextInt(6) == 0) {
      return null;
    }
    if (cents) {
      return random.nextBoolean()
          ? (long) (random.nextInt(7) - 3)
          : (long) (random.nextDouble() * 2 * MAX_CENTS) - MAX_CENTS;
    }
    String alphabet = "ab 'é数\"";
    StringBuilder text = new StringBuilder();
    for (int i = random.nextInt(4); i > 0; i--) {
      text.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0, random.nextInt(7))));
    }
    return text.toString();
  }

  /** Binds {@code logical} as the old client writes it. */
  void oldParameter(PreparedStatement statement, int index, Object logical) throws SQLException {
    if (!cents) {
      statement.setObject(index, logical, Types.VARCHAR);
    } else if (logical == null) {
      statement.setNull(index, Types.NUMERIC);
    } else {
      statement.setBigDecimal(index, BigDecimal.valueOf((Long) logical, 2));
    }
  }

  /** Binds {@code logical} as the new client writes it. */
  void newParameter(PreparedStatement statement, int index, Object logical) throws SQLException {
    if (!cents) {
      statement.setObject(index, logical, Types.VARCHAR);
    } else if (logical == null) {
      statement.setNull(index, Types.BIGINT);
    } else {
      statement.setLong(index, (Long) logical);
    }
  }

  /** The logical value of the old column in {@code row}. */
  Object readOld(ResultSet row, String column) throws SQLException {
    if (!cents) {
      return row.getString(column);
    }
    BigDecimal amount = row.getBigDecimal(column);
    return amount == null ? null : amount.movePointRight(2).longValueExact();
  }

  /** The logical value of the new column in {@code row}. */
  Object readNew(ResultSet row, String column) throws SQLException {
    if (!cents) {
      return row.getString(column);
    }
    long value = row.getLong(column);
    return row.wasNull() ? null : value;
  }

  /** An SQL literal of a logical value as the old column stores it, for seeding before the migration. */
  String oldLiteral(Object logical) {
    if (logical == null) {
      return "NULL";
    }
    if (cents) {
      return BigDecimal.valueOf((Long) logical, 2).toPlainString();
    }
    return "'" + ((String) logical).replace("'", "''") + "'";
  }

  @Override
  public String toString() {
    return label;
  }
}
