package dev.colsync.runtime.shim;

import dev.colsync.runtime.flag.FlagSource;
import dev.colsync.runtime.flag.ReadPath;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.Objects;
import java.util.Optional;

/**
 * The behaviour behind a generated shim: one logical column over an old and a new column, read on
 * the path its migration's flag gives. The generated class holds the SQL (as constants, one form
 * per path) and the Java types; everything else happens here.
 *
 * <p>The flag is evaluated once per call, never per row. A SHADOW read returns exactly what an OLD
 * read would, reports the comparison to the observer and, unless the shim was built to fail on
 * that outcome, never throws because of the new column: when the SHADOW statement itself fails,
 * the read is reported as {@link ShadowOutcome#ERROR} and made again on OLD (inside a transaction,
 * under a savepoint, so the caller's transaction survives).
 *
 * <p>Thread-safe; one instance serves the whole application.
 *
 * @param <T> the Java type of the logical (new) column
 */
public final class LogicalColumn<T> {
  private final String migration;
  private final ColumnType<T> type;
  private final boolean notNull;
  private final FlagSource flags;
  private final ReadPathObserver observer;
  private final ShimOptions options;

  /**
   * @param migration the migration whose flag switches this column
   * @param type how values are read and bound
   * @param notNull whether writing NULL is refused before it reaches the database
   * @param options the flag source, observer and strictness
   */
  public LogicalColumn(String migration, ColumnType<T> type, boolean notNull, ShimOptions options) {
    this.migration = Objects.requireNonNull(migration, "migration");
    this.type = Objects.requireNonNull(type, "type");
    this.notNull = notNull;
    this.options = Objects.requireNonNull(options, "options");
    this.flags = options.flags();
    this.observer = options.observer();
  }

  /** How many select-list columns the value takes on {@code path}: two on SHADOW (value and comparison), else one. */
  public static int selectedColumns(ReadPath path) {
    return path == ReadPath.SHADOW ? 2 : 1;
  }

  public String migration() {
    return migration;
  }

  /** The read path for one read: the flag, evaluated once and counted as a read. */
  public ReadPath readPath() {
    ReadPath path = evaluate();
    try {
      observer.onRead(migration, path);
    } catch (RuntimeException ignored) {
      // an observer never breaks a read
    }
    return path;
  }

  /** The read path that decides where one write goes: the flag, evaluated once. */
  public ReadPath writePath() {
    return evaluate();
  }

  /**
   * The value a select list of {@code path} put at {@code firstColumn}; on SHADOW also reads the
   * comparison in the next column and reports it.
   */
  public T read(ReadPath path, ResultSet row, int firstColumn) throws SQLException {
    T value = type.get(row, firstColumn);
    if (path == ReadPath.SHADOW) {
      ShadowOutcome outcome;
      Exception failure = null;
      try {
        int code = row.getInt(firstColumn + 1);
        outcome = row.wasNull() ? ShadowOutcome.ERROR : ShadowOutcome.ofCode(code);
      } catch (SQLException | RuntimeException e) {
        outcome = ShadowOutcome.ERROR;
        failure = e;
      }
      report(outcome, failure);
    }
    return value;
  }

  /**
   * The value a select list of {@code path} put under {@code label} ({@link QualifiedFragments#selectList}); on
   * SHADOW also reads the comparison in the column after it and reports it.
   */
  public T read(ReadPath path, ResultSet row, String label) throws SQLException {
    return read(path, row, row.findColumn(label));
  }

  /** Binds {@code value} as a written value; NULL is refused for a NOT NULL column. */
  public void bind(PreparedStatement statement, int index, T value) throws SQLException {
    if (value == null && notNull) {
      throw new NullPointerException("colsync " + migration + ": the column is NOT NULL; NULL cannot be written");
    }
    type.set(statement, index, value);
  }

  /**
   * Runs {@code select} (one parameterised query per path whose select list starts with the value
   * and whose parameters are the key) and returns the value of its first row; empty when there is
   * no row or the value is NULL.
   */
  public <K> Optional<T> find(Connection connection, PathSql select, KeyBinder<? super K> keys, K key)
      throws SQLException {
    ReadPath path = readPath();
    if (path != ReadPath.SHADOW) {
      return query(connection, select.on(path), path, keys, key);
    }
    Savepoint savepoint = connection.getAutoCommit() ? null : connection.setSavepoint();
    Optional<T> found;
    try {
      found = query(connection, select.onShadow(), ReadPath.SHADOW, keys, key);
    } catch (SQLException e) {
      if (savepoint != null) {
        connection.rollback(savepoint);
        connection.releaseSavepoint(savepoint);
      }
      report(ShadowOutcome.ERROR, e);
      return query(connection, select.onOld(), ReadPath.OLD, keys, key);
    } catch (RuntimeException e) {
      if (savepoint != null) {
        connection.releaseSavepoint(savepoint);
      }
      throw e;
    }
    if (savepoint != null) {
      connection.releaseSavepoint(savepoint);
    }
    return found;
  }

  /**
   * Runs {@code update} (one statement per path whose first parameter is the value and whose
   * further parameters are the key) on the path the flag gives; returns the updated row count.
   */
  public <K> int update(Connection connection, PathSql update, KeyBinder<? super K> keys, K key, T value)
      throws SQLException {
    return write(connection, update, keys, key, value);
  }

  /** Runs {@code insert}, parameterised like {@link #update}, on the path the flag gives. */
  public <K> void insert(Connection connection, PathSql insert, KeyBinder<? super K> keys, K key, T value)
      throws SQLException {
    write(connection, insert, keys, key, value);
  }

  private <K> int write(Connection connection, PathSql sql, KeyBinder<? super K> keys, K key, T value)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql.on(writePath()))) {
      bind(statement, 1, value);
      keys.bind(statement, 2, key);
      return statement.executeUpdate();
    }
  }

  private <K> Optional<T> query(Connection connection, String sql, ReadPath path, KeyBinder<? super K> keys, K key)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      keys.bind(statement, 1, key);
      try (ResultSet row = statement.executeQuery()) {
        return row.next() ? Optional.ofNullable(read(path, row, 1)) : Optional.empty();
      }
    }
  }

  private ReadPath evaluate() {
    try {
      ReadPath path = flags.readPath(migration);
      return path == null ? ReadPath.OLD : path;
    } catch (RuntimeException e) {
      return ReadPath.OLD;
    }
  }

  /**
   * Reports one SHADOW comparison a read outside the shim made (an ORM's, whose statement colsync rewrote), as the
   * shim's own reads do; throws when the shim was built to fail on {@code outcome}.
   */
  public void reportShadow(ShadowOutcome outcome) {
    report(outcome, null);
  }

  private void report(ShadowOutcome outcome, Exception failure) {
    try {
      observer.onShadow(migration, outcome);
    } catch (RuntimeException ignored) {
      // an observer never breaks a read
    }
    if (options.failsOn(outcome)) {
      throw new ShadowReadException(migration, outcome, failure);
    }
  }
}
