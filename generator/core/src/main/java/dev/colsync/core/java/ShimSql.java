package dev.colsync.core.java;

import static dev.colsync.runtime.sql.SqlIdentifiers.qualified;
import static dev.colsync.runtime.sql.SqlIdentifiers.quote;

import dev.colsync.core.plan.Plan;
import dev.colsync.core.render.SqlFragments;
import dev.colsync.core.spec.ColumnChange;
import dev.colsync.core.spec.MigrationSpec;
import dev.colsync.core.spec.Rename;
import dev.colsync.runtime.flag.ReadPath;
import dev.colsync.runtime.shim.QualifiedFragments;
import dev.colsync.runtime.shim.ShadowOutcome;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * The SQL a shim runs, one form per read path, fixed at generation time. Every value is a
 * parameter: the text holds identifiers (quoted) and the spec's own conversions, nothing else.
 *
 * <ul>
 *   <li>Reads select {@code up(old)} on OLD, {@code up(old)} and the comparison on SHADOW, and the
 *       new column on NEW, so that every path yields the new type.
 *   <li>Writes go to the old column on OLD and SHADOW, through {@code down} for a type change, and
 *       to the new column on NEW; the sync trigger fills the other one.
 *   <li>The value is the first parameter of a write; the key's columns follow, in key order.
 * </ul>
 */
final class ShimSql {
  /** Names the one-row derived table that carries the written value into {@code down}. */
  private static final String VALUE_ALIAS = quote("colsync_value");

  private final String table;
  private final String oldColumn;
  private final String newColumn;
  private final String up;
  private final String valueParameter;
  private final String valueThroughDown;
  private final String keyCondition;
  private final String keyColumns;
  private final String keyParameters;
  private final String qualifiedUp;

  ShimSql(Plan plan, ValueType valueType) {
    MigrationSpec spec = plan.spec();
    ColumnChange change = spec.change();
    SqlFragments fragments = new SqlFragments(spec, plan.names());
    this.table = qualified(spec.table().schema(), spec.table().name());
    this.oldColumn = quote(change.from().name());
    this.newColumn = quote(change.to().name());
    this.up = fragments.upOfRow();
    this.valueParameter = "CAST(? AS " + valueType.castType() + ")";
    // A rename writes the value as it is; a type change converts it with down, which is written over
    // the new column's name: a derived table of that name holds the one parameter however often down uses it.
    this.valueThroughDown = change instanceof Rename
        ? valueParameter
        : "(SELECT " + fragments.downOfRow() + " FROM (SELECT " + valueParameter + " AS " + newColumn + ") AS "
            + VALUE_ALIAS + ")";
    List<String> key = spec.primaryKey().stream().map(column -> quote(column)).toList();
    this.keyCondition = String.join(" AND ", key.stream().map(column -> column + " = ?").toList());
    this.keyColumns = String.join(", ", key);
    this.keyParameters = String.join(", ", Collections.nCopies(key.size(), "?"));
    this.qualifiedUp = fragments.boundUpOf(QualifiedFragments.ALIAS + "." + oldColumn);
  }

  String table() {
    return table;
  }

  /** The value's select-list expressions. */
  String selectList(ReadPath path) {
    return switch (path) {
      case OLD -> up;
      case SHADOW -> up + ", " + ShadowOutcome.comparisonSql(newColumn, up);
      case NEW -> newColumn;
    };
  }

  /**
   * The value as one expression over the table aliased {@link QualifiedFragments#ALIAS} (which the shim
   * replaces by the application's alias): what a read on {@code path} returns, so on SHADOW the old value.
   * {@code up} is the function expand created, so the expression holds only names and the alias.
   */
  String qualifiedValue(ReadPath path) {
    return path == ReadPath.NEW ? QualifiedFragments.ALIAS + "." + newColumn : qualifiedUp;
  }

  /** SHADOW's comparison over the aliased table; empty on the other paths. */
  String qualifiedComparison(ReadPath path) {
    return path == ReadPath.SHADOW
        ? ShadowOutcome.comparisonSql(QualifiedFragments.ALIAS + "." + newColumn, qualifiedUp) : "";
  }

  /** The column a write goes to. */
  String writeColumn(ReadPath path) {
    return path.writesNewColumn() ? newColumn : oldColumn;
  }

  /** The written value: one parameter, through {@code down} when it goes to the old column of a type change. */
  String writeValue(ReadPath path) {
    return path.writesNewColumn() ? valueParameter : valueThroughDown;
  }

  String find(ReadPath path) {
    return "SELECT " + selectList(path) + " FROM " + table + " WHERE " + keyCondition;
  }

  String update(ReadPath path) {
    return "UPDATE " + table + " SET " + writeColumn(path) + " = " + writeValue(path) + " WHERE " + keyCondition;
  }

  String insert(ReadPath path) {
    return "INSERT INTO " + table + " (" + writeColumn(path) + ", " + keyColumns + ") VALUES (" + writeValue(path)
        + ", " + keyParameters + ")";
  }

  /** The three forms of one piece of SQL, in {@link ReadPath} order. */
  static List<String> perPath(Function<ReadPath, String> sql) {
    return List.of(sql.apply(ReadPath.OLD), sql.apply(ReadPath.SHADOW), sql.apply(ReadPath.NEW));
  }
}
