package dev.colsync.runtime.execution;

/**
 * The executor would not run what was asked, and ran nothing: an unknown phase, a step out of order,
 * a rollback before a later phase's, an irreversible phase before the data has converged, another run
 * of the same migration in progress. The message says what must happen first.
 */
public final class ExecutionRefusedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ExecutionRefusedException(String message) {
    super(message);
  }
}
