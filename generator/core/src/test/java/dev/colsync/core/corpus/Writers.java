package dev.colsync.core.corpus;

import dev.colsync.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The N-1 and the N application writing at once, each in its own thread on its own connection, on
 * disjoint rows (even and odd of the owned rows, and the rows each inserts), with the clock in UTC as
 * services run.
 */
final class Writers implements AutoCloseable {
  private static final long AWAIT_LIMIT_MILLIS = 30_000;

  private final List<Writer> writers;
  private final List<Thread> threads;
  private final List<Connection> connections;
  private final Ledger ledger;

  private Writers(List<Writer> writers, List<Thread> threads, List<Connection> connections, Ledger ledger) {
    this.writers = writers;
    this.threads = threads;
    this.connections = connections;
    this.ledger = ledger;
  }

  static Writers start(TestDatabase database, CorpusChange change, List<String> key, List<List<String>> owned,
      String oldType, String newType) throws SQLException {
    Ledger ledger = new Ledger();
    AtomicLong numbers = new AtomicLong(900_000);
    List<Writer> writers = new ArrayList<>();
    List<Connection> connections = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (AppVersion version : AppVersion.values()) {
      Connection connection = database.connect();
      connections.add(connection);
      try (Statement statement = connection.createStatement()) {
        statement.execute("SET TimeZone = 'UTC'");
      }
      List<List<String>> mine = new ArrayList<>();
      for (int i = version.ordinal(); i < owned.size(); i += 2) {
        mine.add(owned.get(i));
      }
      boolean inPlace = change.kind() == CorpusChange.Kind.IN_PLACE;
      String column = version == AppVersion.OLD ? change.column() : change.to();
      String type = version == AppVersion.OLD || inPlace ? oldType : newType;
      Writer writer = new Writer(version, connection, change, column, type,
          version == AppVersion.OLD ? key : keyAsRenamed(change, key), mine, ledger, numbers,
          31L * change.id().hashCode() + version.ordinal());
      writers.add(writer);
      Thread thread = new Thread(writer, change.id() + "-" + version);
      thread.setDaemon(true);
      threads.add(thread);
      thread.start();
    }
    return new Writers(writers, threads, connections, ledger);
  }

  /** The key as the new version names it: a renamed key column under its new name. */
  static List<String> keyAsRenamed(CorpusChange change, List<String> key) {
    return key.stream().map(column -> column.equals(change.column()) ? change.to() : column).toList();
  }

  /** Lets exactly {@code versions} write; returns once the others have no statement running. */
  void only(Set<AppVersion> versions) {
    for (Writer writer : writers) {
      writer.enable(versions.contains(writer.version()));
    }
  }

  /** Waits until each enabled version has made {@code count} more writes. */
  void await(int count) throws InterruptedException {
    List<Long> start = writers.stream().map(Writer::writes).toList();
    long deadline = System.currentTimeMillis() + AWAIT_LIMIT_MILLIS;
    for (int i = 0; i < writers.size(); i++) {
      Writer writer = writers.get(i);
      while (writer.isEnabled() && writer.writes() - start.get(i) < count && writer.failures() == 0) {
        if (System.currentTimeMillis() > deadline) {
          throw new AssertionError(writer.version() + " made " + (writer.writes() - start.get(i)) + " writes in "
              + AWAIT_LIMIT_MILLIS + " ms");
        }
        Thread.sleep(2);
      }
    }
  }

  List<String> errors() {
    List<String> errors = new ArrayList<>();
    writers.forEach(writer -> errors.addAll(writer.errors()));
    return errors;
  }

  long writes() {
    return writers.stream().mapToLong(Writer::writes).sum();
  }

  Ledger ledger() {
    return ledger;
  }

  @Override
  public void close() throws SQLException {
    writers.forEach(Writer::stop);
    for (Thread thread : threads) {
      try {
        thread.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while the writers stopped", e);
      }
    }
    for (Connection connection : connections) {
      connection.close();
    }
  }
}
