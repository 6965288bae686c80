package dev.colsync.core.property;

import dev.colsync.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Connections that give up on a statement that never answers, so a hanging script fails its test, not the build. */
final class Connections {
  static final Duration STATEMENT_LIMIT = Duration.ofMinutes(2);
  private static final ExecutorService TIMEOUTS = Executors.newCachedThreadPool(task -> {
    Thread thread = new Thread(task, "colsync-test-network-timeout");
    thread.setDaemon(true);
    return thread;
  });

  private Connections() {}

  static Connection open(TestDatabase database) throws SQLException {
    Connection connection = database.connect();
    connection.setNetworkTimeout(TIMEOUTS, (int) STATEMENT_LIMIT.toMillis());
    return connection;
  }
}
