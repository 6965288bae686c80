package dev.colsync.core.pg;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * One application version writing in a loop on its own connection: inserts, updates of its column,
 * updates that touch neither column, and deletes. It writes only its own column, as the real
 * application version would, binding every value as a parameter. Every failure is kept.
 */
final class WritingClient implements AutoCloseable {
  private final String name;
  private final Connection connection;
  private final String table;
  private final String column;
  private final String type;
  private final Function<Random, String> values;
  private final Random random;
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final AtomicBoolean paused = new AtomicBoolean(false);
  private final AtomicBoolean idle = new AtomicBoolean(false);
  private final AtomicLong operations = new AtomicLong();
  private final List<String> failures = new CopyOnWriteArrayList<>();
  private final Thread thread;

  WritingClient(String name, Connection connection, String table, String column, String type,
      Function<Random, String> values, long seed) {
    this.name = name;
    this.connection = connection;
    this.table = table;
    this.column = column;
    this.type = type;
    this.values = values;
    this.random = new Random(seed);
    this.thread = new Thread(this::loop, name);
    thread.setDaemon(true);
    thread.start();
  }

  private void loop() {
    while (running.get()) {
      if (paused.get()) {
        idle.set(true);
        sleep(2);
        continue;
      }
      idle.set(false);
      try {
        writeOnce();
        operations.incrementAndGet();
      } catch (SQLException e) {
        failures.add(name + ": " + e.getMessage());
      }
      sleep(1);
    }
  }

  private void writeOnce() throws SQLException {
    int choice = random.nextInt(20);
    long id = 1 + random.nextInt(PhaseByPhaseTest.SEED_ROWS + 200);
    if (choice < 6) {
      execute("INSERT INTO " + table + " (" + column + ") VALUES (CAST(? AS " + type + "))", values.apply(random));
    } else if (choice < 16) {
      execute("UPDATE " + table + " SET " + column + " = CAST(? AS " + type + ") WHERE id = CAST(? AS bigint)",
          values.apply(random), Long.toString(id));
    } else if (choice < 19) {
      execute("UPDATE " + table + " SET note = CAST(? AS text) WHERE id = CAST(? AS bigint)",
          name + " " + operations.get(), Long.toString(id));
    } else {
      execute("DELETE FROM " + table + " WHERE id = CAST(? AS bigint)", Long.toString(id));
    }
  }

  private void execute(String sql, String... parameters) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setString(i + 1, parameters[i]);
      }
      statement.executeUpdate();
    }
  }

  /** Stops writing and returns once no statement is in flight. */
  void pause() {
    paused.set(true);
    while (!idle.get() && thread.isAlive()) {
      sleep(1);
    }
  }

  void resume() {
    paused.set(false);
  }

  long operations() {
    return operations.get();
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

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
