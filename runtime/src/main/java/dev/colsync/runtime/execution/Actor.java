package dev.colsync.runtime.execution;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Who runs a step, for the audit trail.
 *
 * @param databaseUser the database role the step runs as ({@code current_user})
 * @param osUser the operating-system user of this process
 * @param host the host this process runs on
 */
record Actor(String databaseUser, String osUser, String host) {

  static Actor of(Connection connection) throws SQLException {
    String databaseUser = Jdbc.first(connection, "SELECT current_user::text", row -> row.getString(1)).orElseThrow();
    return new Actor(databaseUser, currentOsUser(), currentHost());
  }

  /** {@code os-user@host}: how requests of this process are signed. */
  static String thisProcess() {
    return currentOsUser() + "@" + currentHost();
  }

  private static String currentOsUser() {
    return System.getProperty("user.name", "unknown");
  }

  private static String currentHost() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      String fromEnvironment = System.getenv("HOSTNAME");
      return fromEnvironment == null || fromEnvironment.isBlank() ? "unknown" : fromEnvironment;
    }
  }
}
