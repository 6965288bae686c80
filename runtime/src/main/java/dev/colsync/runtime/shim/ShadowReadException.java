package dev.colsync.runtime.shim;

/**
 * Thrown by a SHADOW read whose outcome the shim was told to fail on ({@link ShimOptions#failingOn}):
 * a strict mode for tests. Names the migration and the outcome, never a key or a value.
 */
public final class ShadowReadException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String migration;
  private final ShadowOutcome outcome;

  public ShadowReadException(String migration, ShadowOutcome outcome, Throwable cause) {
    super("colsync " + migration + ": SHADOW read found " + outcome, cause);
    this.migration = migration;
    this.outcome = outcome;
  }

  public String migration() {
    return migration;
  }

  public ShadowOutcome outcome() {
    return outcome;
  }
}
