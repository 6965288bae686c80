package dev.colsync.core.pg;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/** Reads a set of queries in a loop on its own connection, as a reporting application would; every failure is kept. */
final class ReadingClient implements AutoCloseable {
  private final Connection connection;
  private final List<String> queries;
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final AtomicLong reads = new AtomicLong();
  private final List<String> failures = new CopyOnWriteArrayList<>();
  private final Thread thread;

  ReadingClient(Connection connection, List<String> queries) {
    this.connection = connection;
    this.queries = List.copyOf(queries);
    this.thread = new Thread(this::loop, "view reader");
    thread.setDaemon(true);
    thread.start();
  }

  private void loop() {
    while (running.get()) {
      for (String query : queries) {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(query)) {
          while (rows.next()) {
            rows.getObject(1);
          }
          reads.incrementAndGet();
        } catch (SQLException e) {
          failures.add(query + ": " + e.getMessage());
        }
      }
      try {
        Thread.sleep(1);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  long reads() {
    return reads.get();
  }

  List<String> failures() {
    return failures;
  }

  @Override
  public void close() throws SQLException {
    running.set(false);
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    connection.close();
  }
}
