package dev.colsync.runtime.flag;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.PGConnection;

/**
 * LISTEN on {@value JdbcFlagStore#CHANNEL} through the PostgreSQL driver. The only class that
 * needs the driver; loaded only when a source is built with {@code listen(true)}.
 */
final class PgNotifications implements NotificationWait {
  private final PGConnection connection;

  private PgNotifications(PGConnection connection) {
    this.connection = connection;
  }

  /** Starts listening on {@code connection}, which must be in autocommit mode and used by nothing else. */
  static PgNotifications listen(Connection connection) throws SQLException {
    try (Statement listen = connection.createStatement()) {
      listen.execute("LISTEN " + JdbcFlagStore.CHANNEL);
    }
    return new PgNotifications(connection.unwrap(PGConnection.class));
  }

  @Override
  public void await(int millis) throws SQLException {
    // Returns after millis, or as soon as at least one notification is there; every one means "reload".
    connection.getNotifications(Math.max(1, millis));
  }
}
