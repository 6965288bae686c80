package dev.colsync.core.spec;

/** What an old-version write gets when the {@code up} conversion fails on its value. */
public enum OnUpError {
  /** The write fails with the conversion's error; nothing is stored. */
  REJECT("reject"),
  /** The write succeeds and the new column gets NULL. */
  NULL("null");

  private final String specValue;

  OnUpError(String specValue) {
    this.specValue = specValue;
  }

  /** The value as written in a spec. */
  public String specValue() {
    return specValue;
  }
}
