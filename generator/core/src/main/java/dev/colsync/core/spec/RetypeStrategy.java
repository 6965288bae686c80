package dev.colsync.core.spec;

/** How a type change is carried out. */
public enum RetypeStrategy {
  /** Expand–contract: a new column, sync triggers, a backfill, contract. */
  COPY("copy"),
  /**
   * One {@code ALTER … TYPE} when colsync can show PostgreSQL rewrites neither the table nor its indexes
   * (a catalog-only change); expand–contract otherwise.
   */
  AUTO("auto");

  private final String specValue;

  RetypeStrategy(String specValue) {
    this.specValue = specValue;
  }

  /** The value as written in a spec. */
  public String specValue() {
    return specValue;
  }
}
