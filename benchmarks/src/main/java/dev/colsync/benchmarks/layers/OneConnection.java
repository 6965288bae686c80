package dev.colsync.benchmarks.layers;

import java.sql.Connection;
import org.hibernate.engine.jdbc.connections.spi.ConnectionProvider;
import org.hibernate.service.UnknownUnwrapTypeException;

/**
 * Hibernate's connections: one open connection, handed out again and again and closed by its owner. The reads are
 * single-threaded, and a pool (or a new connection per session) would add the same cost to both sides of a ratio.
 */
final class OneConnection implements ConnectionProvider {
  private static final long serialVersionUID = 1L;

  private final transient Connection connection;

  OneConnection(Connection connection) {
    this.connection = connection;
  }

  @Override
  public Connection getConnection() {
    return connection;
  }

  @Override
  public void closeConnection(Connection returned) {
    // the owner closes it
  }

  @Override
  public boolean supportsAggressiveRelease() {
    return false;
  }

  @Override
  public boolean isUnwrappableAs(Class<?> type) {
    return type.isInstance(this);
  }

  @Override
  public <T> T unwrap(Class<T> type) {
    if (type.isInstance(this)) {
      return type.cast(this);
    }
    throw new UnknownUnwrapTypeException(type);
  }
}
