package dev.colsync.runtime.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Tells whether a connection reaches PostgreSQL through a connection pooler such as PgBouncer.
 *
 * <p>At connect, a server announces its backend pid to the client (in the BackendKeyData message that cancel
 * requests quote). A pooler cannot pass the server's on: in transaction pooling the client has no one server,
 * so PgBouncer (in every pool mode), like other poolers, announces a key of its own making. Asking the server
 * for {@code pg_backend_pid()} and comparing is therefore exact for a direct connection (always equal) and
 * needs nothing from the pooler: no admin console, no {@code SHOW}. Probing whether a session setting or an
 * advisory lock survives from one transaction to the next is not: with an idle pool the pooler may well hand
 * the same server back every time. A plain TCP proxy passes the key through and counts as direct, rightly.
 *
 * <p>The announced pid comes from the PostgreSQL JDBC driver, an optional dependency: with another driver,
 * or without it, no pooler can be detected.
 */
public final class ConnectionPooler {
  private static final String DRIVER_CONNECTION = "org.postgresql.PGConnection";

  private ConnectionPooler() {}

  /**
   * What shows that {@code connection} goes through a pooler, as a sentence for messages; empty when it is a
   * direct connection, or when it cannot be told (a driver other than PostgreSQL's).
   */
  public static Optional<String> evidence(Connection connection) throws SQLException {
    if (!driverPresent()) {
      return Optional.empty();
    }
    Optional<Integer> announced = AnnouncedBackend.pid(connection);
    if (announced.isEmpty()) {
      return Optional.empty();
    }
    int actual = backendPid(connection);
    if (actual == announced.get()) {
      return Optional.empty();
    }
    return Optional.of("the connection was announced as backend pid " + announced.get()
        + ", but the server runs it as pid " + actual + ", so a connection pooler (PgBouncer or the like) sits"
        + " between");
  }

  private static boolean driverPresent() {
    try {
      Class.forName(DRIVER_CONNECTION, false, ConnectionPooler.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  private static int backendPid(Connection connection) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement("SELECT pg_catalog.pg_backend_pid()");
         ResultSet row = statement.executeQuery()) {
      row.next();
      return row.getInt(1);
    }
  }
}
