package dev.colsync.runtime.shim;

/** What a SHADOW read found when it compared the new column with the old one's value. */
public enum ShadowOutcome {
  /** The new column holds {@code up(old)}. */
  MATCH,
  /** The new column is NULL where {@code up(old)} is not: the row is not backfilled yet. */
  MISSING,
  /** The new column holds something else. */
  MISMATCH,
  /** The comparison could not be made; the OLD value was returned all the same. */
  ERROR;

  private static final ShadowOutcome[] ALL = values();

  /**
   * The SQL expression a SHADOW select list carries next to the value: the outcome's code,
   * compared by PostgreSQL itself ({@code IS NOT DISTINCT FROM}), so that equality is the
   * database's own for every type.
   *
   * @param newColumn the new column, quoted
   * @param oldValue {@code up(old)} over the row
   */
  public static String comparisonSql(String newColumn, String oldValue) {
    return "CASE WHEN " + newColumn + " IS NOT DISTINCT FROM " + oldValue + " THEN " + MATCH.ordinal()
        + " WHEN " + newColumn + " IS NULL THEN " + MISSING.ordinal() + " ELSE " + MISMATCH.ordinal() + " END";
  }

  /** The outcome {@link #comparisonSql} computed; ERROR for a code it never produces. */
  static ShadowOutcome ofCode(int code) {
    return code >= MATCH.ordinal() && code <= MISMATCH.ordinal() ? ALL[code] : ERROR;
  }
}
