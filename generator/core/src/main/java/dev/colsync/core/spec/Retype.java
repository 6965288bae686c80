package dev.colsync.core.spec;

import java.util.Objects;

/**
 * A type change into a new column, with SQL conversions both ways.
 *
 * @param from the old column and its type
 * @param to the new column and its type
 * @param up SQL over the old column computing the new value
 * @param down SQL over the new column computing the old value
 * @param onUpError what an old-version write gets when {@code up} cannot convert it
 * @param notNull whether the new column ends up {@code NOT NULL}
 * @param fromNotNull whether the old column is {@code NOT NULL} today
 */
public record Retype(
    Column from, Column to, String up, String down, OnUpError onUpError, boolean notNull, boolean fromNotNull)
    implements ColumnChange {
  public Retype {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(up, "up");
    Objects.requireNonNull(down, "down");
    Objects.requireNonNull(onUpError, "onUpError");
  }
}
