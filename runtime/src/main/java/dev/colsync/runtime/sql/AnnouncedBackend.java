package dev.colsync.runtime.sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import org.postgresql.PGConnection;

/**
 * The backend pid the server (or a pooler in its place) announced when the connection opened. The only class of
 * this package that needs the PostgreSQL driver; {@link ConnectionPooler} loads it only when the driver is there.
 */
final class AnnouncedBackend {
  private AnnouncedBackend() {}

  /** Empty when {@code connection} is not the PostgreSQL driver's (nor wraps one). */
  static Optional<Integer> pid(Connection connection) throws SQLException {
    if (!connection.isWrapperFor(PGConnection.class)) {
      return Optional.empty();
    }
    return Optional.of(connection.unwrap(PGConnection.class).getBackendPID());
  }
}
