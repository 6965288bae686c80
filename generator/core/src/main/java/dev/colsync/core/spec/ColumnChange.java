package dev.colsync.core.spec;

/**
 * The change to one column, seen uniformly: an old column, a new column, and the conversions
 * between them. A rename is a type change whose conversions are the identity.
 */
public sealed interface ColumnChange permits Rename, Retype {

  /** The column the application uses today. */
  Column from();

  /** The column the application will use. */
  Column to();

  /** SQL over the old column computing the new value. */
  String up();

  /** SQL over the new column computing the old value. */
  String down();

  /** What an old-version write gets when {@link #up()} cannot convert it. */
  OnUpError onUpError();

  /** Whether the new column ends up {@code NOT NULL}. */
  boolean notNull();

  /** Whether the old column is {@code NOT NULL} today (restored by the contract rollback). */
  boolean fromNotNull();

  /**
   * Whether the column keeps its name and only its type changes: the new column is built under a
   * temporary name and takes the old one's name in the cut-over phase.
   */
  default boolean inPlace() {
    return from().name().equals(to().name());
  }
}
