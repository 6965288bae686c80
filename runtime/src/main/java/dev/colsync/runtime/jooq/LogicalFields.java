package dev.colsync.runtime.jooq;

import dev.colsync.runtime.flag.ReadPath;
import dev.colsync.runtime.shim.Shim;
import java.util.HashMap;
import java.util.Map;
import org.jooq.Context;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.CustomField;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * A migration's logical column as a jOOQ {@link Field}, over a table or its alias, rendered per the read-path
 * flag when the query is rendered: {@code up} over the old column on OLD and SHADOW (through the function expand
 * created), the new column on NEW. The flag is evaluated once per rendered statement, however often the field
 * appears in it (select list, WHERE, ORDER BY), so all of one statement reads one path.
 *
 * <pre>{@code
 * Table<?> o = ORDERS.as("o");
 * Field<Long> cents = LogicalFields.value(amounts, o);
 * dsl.select(o.field("id"), cents).from(o).where(cents.ge(40_000L)).orderBy(cents.desc()).fetch();
 * }</pre>
 */
public final class LogicalFields {
  /** Where one render keeps the paths it evaluated, by migration. */
  private static final Object PATHS = new Object();

  private LogicalFields() {}

  /** The value of {@code shim}'s column over {@code table} (its alias, when it has one), as a field. */
  public static <T> Field<T> value(Shim<T> shim, Table<?> table) {
    String alias = table.getName();
    return CustomField.of(DSL.name(shim.migration()), dataType(shim), context ->
        context.sql(shim.fragments().value(path(context, shim), alias)));
  }

  /** The path of {@code shim} for the statement {@code context} renders: evaluated at its first use there. */
  @SuppressWarnings("unchecked")
  private static ReadPath path(Context<?> context, Shim<?> shim) {
    Map<String, ReadPath> paths = (Map<String, ReadPath>) context.data(PATHS);
    if (paths == null) {
      paths = new HashMap<>();
      context.data(PATHS, paths);
    }
    return paths.computeIfAbsent(shim.migration(), migration -> shim.readPath());
  }

  @SuppressWarnings("unchecked")
  private static <T> DataType<T> dataType(Shim<T> shim) {
    return (DataType<T>) switch (shim.columnType().name()) {
      case "TEXT" -> SQLDataType.CLOB;
      case "SMALLINT" -> SQLDataType.SMALLINT;
      case "INTEGER" -> SQLDataType.INTEGER;
      case "BIGINT" -> SQLDataType.BIGINT;
      case "NUMERIC" -> SQLDataType.NUMERIC;
      case "REAL" -> SQLDataType.REAL;
      case "DOUBLE" -> SQLDataType.DOUBLE;
      case "BOOLEAN" -> SQLDataType.BOOLEAN;
      case "TIMESTAMPTZ" -> SQLDataType.TIMESTAMPWITHTIMEZONE;
      case "TIMESTAMP" -> SQLDataType.LOCALDATETIME;
      case "DATE" -> SQLDataType.LOCALDATE;
      case "UUID" -> SQLDataType.UUID;
      case "BYTEA" -> SQLDataType.BLOB;
      default -> SQLDataType.OTHER;
    };
  }
}
