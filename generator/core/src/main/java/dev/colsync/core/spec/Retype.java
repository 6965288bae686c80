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
 * @param strategy whether a catalog-only {@code ALTER … TYPE} may replace expand–contract
 */
public record Retype(
    Column from, Column to, String up, String down, OnUpError onUpError, boolean notNull, boolean fromNotNull,
    RetypeStrategy strategy)
    implements ColumnChange {
  public Retype {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(up, "up");
    Objects.requireNonNull(down, "down");
    Objects.requireNonNull(onUpError, "onUpError");
    Objects.requireNonNull(strategy, "strategy");
  }

  /** A type change by expand–contract ({@code strategy: copy}). */
  public Retype(
      Column from, Column to, String up, String down, OnUpError onUpError, boolean notNull, boolean fromNotNull) {
    this(from, to, up, down, onUpError, notNull, fromNotNull, RetypeStrategy.COPY);
  }

  /** This change with {@code strategy} in place of its own. */
  public Retype withStrategy(RetypeStrategy strategy) {
    return new Retype(from, to, up, down, onUpError, notNull, fromNotNull, strategy);
  }
}
