package dev.colsync.core.execution;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * An application writing {@code public.items} on its own thread: updates of random rows and inserts,
 * each to one column, remembering every write that succeeded so a test can check none was lost. Writes
 * commit one by one, or, with {@link #inTransactions}, some in explicit transactions of a few writes.
 */
final class ColumnWriter implements AutoCloseable {
  /** A column the writer writes, its SQL type, and the values it writes there (as text). */
  record Target(String column, String type, Function<Random, String> values) {}

  /** The last successful write to a row. */
  record Write(String column, String value) {}

  final Map<Long, Write> lastWrites = new ConcurrentHashMap<>();
  final List<String> failures = new CopyOnWriteArrayList<>();
  final AtomicLong writes = new AtomicLong();
  private final Connection connection;
  private final List<Target> targets;
  private final long rows;
  private final Random random;
  private final int maxWritesPerTransaction;
  private final AtomicBoolean stopped = new AtomicBoolean();
  private final Thread thread;

  ColumnWriter(Connection connection, long rows, long seed, List<Target> targets) {
    this(connection, rows, seed, targets, 1);
  }

  private ColumnWriter(Connection connection, long rows, long seed, List<Target> targets, int maxWritesPerTransaction) {
    this.connection = connection;
    this.rows = rows;
    this.targets = List.copyOf(targets);
    this.random = new Random(seed);
    this.maxWritesPerTransaction = maxWritesPerTransaction;
    this.thread = new Thread(this::run, "column-writer");
    this.thread.start();
  }

  /**
   * A writer that commits half its writes one by one and the others in transactions of 2 to {@code max}: an
   * update of one row, then inserts. A transaction that updates two existing rows can deadlock with a backfill
   * batch holding one of them, as with any other writer, and PostgreSQL may abort either.
   */
  static ColumnWriter inTransactions(Connection connection, long rows, long seed, List<Target> targets, int max) {
    return new ColumnWriter(connection, rows, seed, targets, max);
  }

  private void run() {
    while (!stopped.get()) {
      int count = maxWritesPerTransaction > 1 && random.nextBoolean() ? 2 + random.nextInt(maxWritesPerTransaction - 1)
          : 1;
      Map<Long, Write> done = new LinkedHashMap<>();
      String value = "";
      try {
        connection.setAutoCommit(count == 1);
        for (int i = 0; i < count; i++) {
          Target target = targets.get(random.nextInt(targets.size()));
          value = target.values().apply(random);
          write(target, value, i > 0, done);
        }
        if (count > 1) {
          connection.commit();
        }
        lastWrites.putAll(done);
        writes.addAndGet(count);
        Thread.sleep(2);
      } catch (SQLException e) {
        failures.add(e.getSQLState() + " " + value + ": " + e.getMessage());
        rollbackQuietly();
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private void write(Target target, String value, boolean insert, Map<Long, Write> done) throws SQLException {
    if (random.nextInt(10) == 0 || insert) {
      try (PreparedStatement statement = connection.prepareStatement("INSERT INTO public.items ("
          + target.column() + ") VALUES (CAST(? AS " + target.type() + ")) RETURNING id")) {
        statement.setString(1, value);
        try (ResultSet row = statement.executeQuery()) {
          row.next();
          done.put(row.getLong(1), new Write(target.column(), value));
        }
      }
    } else {
      long id = 1 + random.nextInt((int) rows);
      try (PreparedStatement statement = connection.prepareStatement("UPDATE public.items SET " + target.column()
          + " = CAST(? AS " + target.type() + ") WHERE id = ?")) {
        statement.setString(1, value);
        statement.setLong(2, id);
        statement.executeUpdate();
        done.put(id, new Write(target.column(), value));
      }
    }
  }

  private void rollbackQuietly() {
    try {
      if (!connection.getAutoCommit()) {
        connection.rollback();
      }
    } catch (SQLException e) {
      failures.add("rollback: " + e.getMessage());
    }
  }

  /** Rows whose column, as last written, does not hold the written value: lost writes. */
  List<String> lostWrites(Connection check) throws SQLException {
    List<String> lost = new ArrayList<>();
    for (Map.Entry<Long, Write> entry : lastWrites.entrySet()) {
      Write write = entry.getValue();
      String type = targets.stream().filter(t -> t.column().equals(write.column())).findFirst().orElseThrow().type();
      try (PreparedStatement statement = check.prepareStatement("SELECT " + write.column() + " IS NOT DISTINCT FROM"
          + " CAST(? AS " + type + ") FROM public.items WHERE id = ?")) {
        statement.setString(1, write.value());
        statement.setLong(2, entry.getKey());
        try (ResultSet row = statement.executeQuery()) {
          if (!row.next() || !row.getBoolean(1)) {
            lost.add("row " + entry.getKey() + ": " + write);
          }
        }
      }
    }
    return lost;
  }

  /** Stops writing and waits for the writer's last statement; then its results can be read. */
  void stop() throws SQLException {
    stopped.set(true);
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the writer stopped", e);
    }
    connection.close();
  }

  @Override
  public void close() throws SQLException {
    stop();
  }
}
