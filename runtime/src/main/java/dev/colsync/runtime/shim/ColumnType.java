package dev.colsync.runtime.shim;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;

/**
 * How a Java type is read from a result set and bound to a statement, NULL included. A column type
 * is also the key binder of a one-column key of its type.
 */
public final class ColumnType<T> implements KeyBinder<T> {
  /** text, varchar, char, json, jsonb: {@link String}. */
  public static final ColumnType<String> TEXT =
      new ColumnType<>("TEXT", ResultSet::getString, PreparedStatement::setString, Types.VARCHAR);
  /** smallint: {@link Short}. */
  public static final ColumnType<Short> SMALLINT =
      new ColumnType<>("SMALLINT", (row, i) -> row.getObject(i, Short.class), PreparedStatement::setShort,
          Types.SMALLINT);
  /** integer: {@link Integer}. */
  public static final ColumnType<Integer> INTEGER =
      new ColumnType<>("INTEGER", (row, i) -> row.getObject(i, Integer.class), PreparedStatement::setInt,
          Types.INTEGER);
  /** bigint: {@link Long}. */
  public static final ColumnType<Long> BIGINT =
      new ColumnType<>("BIGINT", (row, i) -> row.getObject(i, Long.class), PreparedStatement::setLong, Types.BIGINT);
  /** numeric, decimal: {@link BigDecimal}. */
  public static final ColumnType<BigDecimal> NUMERIC =
      new ColumnType<>("NUMERIC", ResultSet::getBigDecimal, PreparedStatement::setBigDecimal, Types.NUMERIC);
  /** real: {@link Float}. */
  public static final ColumnType<Float> REAL =
      new ColumnType<>("REAL", (row, i) -> row.getObject(i, Float.class), PreparedStatement::setFloat, Types.REAL);
  /** double precision: {@link Double}. */
  public static final ColumnType<Double> DOUBLE =
      new ColumnType<>("DOUBLE", (row, i) -> row.getObject(i, Double.class), PreparedStatement::setDouble,
          Types.DOUBLE);
  /** boolean: {@link Boolean}. */
  public static final ColumnType<Boolean> BOOLEAN =
      new ColumnType<>("BOOLEAN", (row, i) -> row.getObject(i, Boolean.class), PreparedStatement::setBoolean,
          Types.BOOLEAN);
  /** timestamptz: {@link OffsetDateTime}. */
  public static final ColumnType<OffsetDateTime> TIMESTAMPTZ =
      new ColumnType<>("TIMESTAMPTZ", (row, i) -> row.getObject(i, OffsetDateTime.class),
          PreparedStatement::setObject, Types.TIMESTAMP_WITH_TIMEZONE);
  /** timestamp: {@link LocalDateTime}. */
  public static final ColumnType<LocalDateTime> TIMESTAMP =
      new ColumnType<>("TIMESTAMP", (row, i) -> row.getObject(i, LocalDateTime.class), PreparedStatement::setObject,
          Types.TIMESTAMP);
  /** date: {@link LocalDate}. */
  public static final ColumnType<LocalDate> DATE =
      new ColumnType<>("DATE", (row, i) -> row.getObject(i, LocalDate.class), PreparedStatement::setObject,
          Types.DATE);
  /** uuid: {@link java.util.UUID}. */
  public static final ColumnType<java.util.UUID> UUID =
      new ColumnType<>("UUID", (row, i) -> row.getObject(i, java.util.UUID.class), PreparedStatement::setObject,
          Types.OTHER);
  /** bytea: {@code byte[]}. */
  public static final ColumnType<byte[]> BYTEA =
      new ColumnType<>("BYTEA", ResultSet::getBytes, PreparedStatement::setBytes, Types.BINARY);
  /** Any other type: whatever the driver makes of it ({@code getObject} / {@code setObject}). */
  public static final ColumnType<Object> OBJECT =
      new ColumnType<>("OBJECT", ResultSet::getObject, PreparedStatement::setObject, Types.OTHER);

  @FunctionalInterface
  private interface Getter<T> {
    T get(ResultSet row, int column) throws SQLException;
  }

  @FunctionalInterface
  private interface Setter<T> {
    void set(PreparedStatement statement, int index, T value) throws SQLException;
  }

  private final String name;
  private final Getter<T> getter;
  private final Setter<T> setter;
  private final int sqlType;

  private ColumnType(String name, Getter<T> getter, Setter<T> setter, int sqlType) {
    this.name = name;
    this.getter = getter;
    this.setter = setter;
    this.sqlType = sqlType;
  }

  /** The constant's name: {@code BIGINT}, {@code TEXT}, {@code TIMESTAMPTZ}, … */
  public String name() {
    return name;
  }

  /** The value in {@code column} of the current row; {@code null} for NULL. */
  public T get(ResultSet row, int column) throws SQLException {
    return getter.get(row, column);
  }

  /** Binds {@code value}, or NULL of this type when it is {@code null}. */
  public void set(PreparedStatement statement, int index, T value) throws SQLException {
    if (value == null) {
      statement.setNull(index, sqlType);
    } else {
      setter.set(statement, index, value);
    }
  }

  @Override
  public void bind(PreparedStatement statement, int firstIndex, T key) throws SQLException {
    set(statement, firstIndex, key);
  }

  @Override
  public String toString() {
    return "ColumnType." + name;
  }
}
