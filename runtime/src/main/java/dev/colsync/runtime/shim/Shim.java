package dev.colsync.runtime.shim;

import dev.colsync.runtime.flag.ReadPath;

/**
 * What every generated shim is, for the integrations that build on one (jOOQ fields, Hibernate): its migration,
 * the read path of one read, and its value as SQL fragments and as a column type.
 *
 * @param <T> the Java type of the logical (new) column
 */
public interface Shim<T> {
  /** The migration whose read-path flag the shim follows. */
  String migration();

  /** The read path for one read: the flag, evaluated once and counted as a read. */
  ReadPath readPath();

  /** The value as SQL fragments over the table under an alias. */
  QualifiedFragments fragments();

  /** How the value is read and bound. */
  ColumnType<T> columnType();

  /** Reports one SHADOW comparison a read outside the shim made, as the shim's own reads do. */
  void reportShadow(ShadowOutcome outcome);

  /** The schema of the migration's table, as the catalog names it. */
  String schemaName();

  /** The migration's table, as the catalog names it. */
  String tableName();

  /** The new column, as the catalog names it. */
  String newColumnName();
}
