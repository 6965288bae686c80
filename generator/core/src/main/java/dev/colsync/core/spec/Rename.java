package dev.colsync.core.spec;

import java.util.Objects;

/**
 * A rename: the new column has the old one's type and the same values.
 *
 * @param oldName the old column's name
 * @param newName the new column's name
 * @param type the column's SQL type
 * @param notNull whether the column is {@code NOT NULL} (the old one today, the new one after validate)
 */
public record Rename(String oldName, String newName, String type, boolean notNull) implements ColumnChange {
  public Rename {
    Objects.requireNonNull(oldName, "oldName");
    Objects.requireNonNull(newName, "newName");
    Objects.requireNonNull(type, "type");
  }

  @Override
  public Column from() {
    return new Column(oldName, type);
  }

  @Override
  public Column to() {
    return new Column(newName, type);
  }

  @Override
  public String up() {
    return SqlNames.quote(oldName);
  }

  @Override
  public String down() {
    return SqlNames.quote(newName);
  }

  @Override
  public OnUpError onUpError() {
    return OnUpError.REJECT;
  }

  @Override
  public boolean fromNotNull() {
    return notNull;
  }

  private static final class SqlNames {
    static String quote(String name) {
      return '"' + name.replace("\"", "\"\"") + '"';
    }
  }
}
