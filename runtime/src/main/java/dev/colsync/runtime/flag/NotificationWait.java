package dev.colsync.runtime.flag;

import java.sql.SQLException;

/** How the refresh loop waits between reloads: a plain sleep, or until a notification arrives. */
@FunctionalInterface
interface NotificationWait {
  /** Waits up to {@code millis}; returns early when a flag may have changed. */
  void await(int millis) throws SQLException, InterruptedException;
}
