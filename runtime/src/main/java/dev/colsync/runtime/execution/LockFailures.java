package dev.colsync.runtime.execution;

import java.sql.SQLException;

/** Which errors mean "could not get a lock in time": worth retrying after a pause. */
final class LockFailures {
  /** {@code lock_not_available}: {@code lock_timeout} expired (or NOWAIT). */
  static final String LOCK_NOT_AVAILABLE = "55P03";
  /** {@code deadlock_detected}: this transaction was chosen as the victim. */
  static final String DEADLOCK_DETECTED = "40P01";

  private LockFailures() {}

  static boolean isLockFailure(SQLException failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql) {
        String state = sql.getSQLState();
        if (LOCK_NOT_AVAILABLE.equals(state) || DEADLOCK_DETECTED.equals(state)) {
          return true;
        }
      }
    }
    return false;
  }
}
