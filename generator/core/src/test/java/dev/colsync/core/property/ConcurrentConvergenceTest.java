package dev.colsync.core.property;

import static org.assertj.core.api.Assertions.assertThat;

import dev.colsync.core.plan.Phase;
import dev.colsync.core.property.Action.Client;
import dev.colsync.core.property.Interleaving.Seed;
import dev.colsync.runtime.sql.ScriptRunner;
import dev.colsync.testing.EachPostgres;
import dev.colsync.testing.PostgresServer;
import dev.colsync.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The convergence invariant with real concurrency: an N-1 client and an N client write random rows on
 * their own connections, in their own threads, for as long as the generated backfill procedure runs in
 * a third; no client statement and no backfill batch may fail, every row version a client writes holds
 * its value in its own column and (unless the backfill has yet to reach the row) in the other one too,
 * and once the backfill is finished every row has
 * {@code new IS NOT DISTINCT FROM up(old)} and both paths read the same value.
 */
class ConcurrentConvergenceTest {
  private static final int SEED_ROWS = 200;
  private static final int MAX_ID = 240;
  private static final int MIN_WRITES_PER_CLIENT = 400;

  @EachPostgres
  void renameConvergesUnderConcurrentWriters(PostgresServer server) throws Exception {
    run(server, SyncCase.rename("concurrent"));
  }

  @EachPostgres
  void typeChangeToCentsConvergesUnderConcurrentWriters(PostgresServer server) throws Exception {
    run(server, SyncCase.cents("concurrent"));
  }

  private static void run(PostgresServer server, SyncCase sync) throws Exception {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    try (TestDatabase database = server.newDatabase(); Connection admin = Connections.open(database)) {
      SyncHarness harness = new SyncHarness(admin, sync, 3, Duration.ofMillis(2));
      List<Seed> seeds = new ArrayList<>();
      for (int id = 1; id <= SEED_ROWS; id++) {
        seeds.add(new Seed(id, sync.randomValue(random)));
      }
      harness.reset(seeds);

      Queue<String> failures = new ConcurrentLinkedQueue<>();
      AtomicBoolean backfillRunning = new AtomicBoolean(true);
      AtomicInteger writesDuringBackfill = new AtomicInteger();
      List<Thread> threads = new ArrayList<>();
      List<Connection> connections = new ArrayList<>();
      try {
        for (Client client : Client.values()) {
          Connection connection = Connections.open(database);
          connections.add(connection);
          long clientSeed = random.nextLong();
          threads.add(new Thread(() -> write(connection, sync, client, new Random(clientSeed), backfillRunning,
              writesDuringBackfill, failures), "colsync-" + client));
        }
        Connection backfill = Connections.open(database);
        connections.add(backfill);
        String runScript = harness.step(Phase.BACKFILL, "run").sql();
        threads.add(new Thread(() -> {
          try {
            ScriptRunner.run(backfill, runScript);
          } catch (SQLException | RuntimeException e) {
            failures.add("backfill: " + e);
          } finally {
            backfillRunning.set(false);
          }
        }, "colsync-backfill"));
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
          thread.join(Duration.ofMinutes(2).toMillis());
          assertThat(thread.isAlive()).as("%s still running", thread.getName()).isFalse();
        }
      } finally {
        for (Connection connection : connections) {
          connection.close();
        }
      }
      assertThat(failures).as("failed statements (seed %d)", seed).isEmpty();

      assertThat(writesDuringBackfill.get()).as("client writes while the backfill ran").isPositive();
      assertThat(harness.backfillBatches()).as("backfill batches").isGreaterThanOrEqualTo(SEED_ROWS / 6);
      harness.settle();
      assertConverged(admin, sync, seed);
    }
  }

  /**
   * Random writes of one client until the backfill is done and at least the minimum number is reached.
   * Each insert and update returns the row version it wrote (after the trigger), which must hold the
   * written value in the client's column and the same logical value in the other one: whatever the
   * other threads do, that row version is this statement's own.
   */
  private static void write(Connection connection, SyncCase sync, Client client, Random random,
      AtomicBoolean backfillRunning, AtomicInteger writesDuringBackfill, Queue<String> failures) {
    String table = sync.table();
    String column = client == Client.OLD ? sync.oldColumn() : sync.newColumn();
    String returning = " RETURNING " + sync.oldColumn() + " AS o, " + sync.newColumn() + " AS n";
    try (PreparedStatement insert = connection.prepareStatement(
             "INSERT INTO " + table + " (id, " + column + ") VALUES (?, ?) ON CONFLICT (id) DO NOTHING" + returning);
         PreparedStatement update = connection.prepareStatement(
             "UPDATE " + table + " SET " + column + " = ? WHERE id = ?" + returning);
         PreparedStatement touch = connection.prepareStatement(
             "UPDATE " + table + " SET note = pg_catalog.clock_timestamp()::text WHERE id = ?");
         PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table + " WHERE id = ?")) {
      for (int n = 0; n < MIN_WRITES_PER_CLIENT || backfillRunning.get(); n++) {
        int id = 1 + random.nextInt(MAX_ID);
        Object value = sync.randomValue(random);
        int kind = random.nextInt(10);
        String what = client + " " + (kind < 2 ? "insert" : kind < 8 ? "update" : kind < 9 ? "touch" : "delete")
            + " " + id + " = " + value;
        try {
          if (kind < 2) {
            insert.setInt(1, id);
            bind(sync, client, insert, 2, value);
            checkWritten(sync, client, value, insert, what, failures);
          } else if (kind < 8) {
            bind(sync, client, update, 1, value);
            update.setInt(2, id);
            checkWritten(sync, client, value, update, what, failures);
          } else if (kind < 9) {
            touch.setInt(1, id);
            touch.executeUpdate();
          } else {
            delete.setInt(1, id);
            delete.executeUpdate();
          }
          if (backfillRunning.get()) {
            writesDuringBackfill.incrementAndGet();
          }
        } catch (SQLException e) {
          failures.add(what + ": " + e.getMessage());
          return;
        }
      }
    } catch (SQLException e) {
      failures.add(client + ": " + e.getMessage());
    }
  }

  /** Runs {@code statement} and checks the row version it returns, if it wrote one. */
  private static void checkWritten(SyncCase sync, Client client, Object value, PreparedStatement statement,
      String what, Queue<String> failures) throws SQLException {
    try (ResultSet row = statement.executeQuery()) {
      if (!row.next()) {
        return;
      }
      Object oldValue = sync.readOld(row, "o");
      Object newValue = sync.readNew(row, "n");
      Object own = client == Client.OLD ? oldValue : newValue;
      Object other = client == Client.OLD ? newValue : oldValue;
      // A write of the value a row the backfill has not reached already holds changes nothing the trigger
      // can see, so that row version keeps its other column as it was: NULL in the new column (the
      // backfill will fill it), or the old value when N writes NULL (NullWriteBeforeBackfillTest).
      boolean untouched = client == Client.OLD ? newValue == null : value == null && newValue == null;
      if (!Objects.equals(own, value) || (!Objects.equals(other, value) && !untouched)) {
        failures.add(what + " wrote the row version old = " + oldValue + ", new = " + newValue);
      }
    }
  }

  private static void bind(SyncCase sync, Client client, PreparedStatement statement, int index, Object value)
      throws SQLException {
    if (client == Client.OLD) {
      sync.oldParameter(statement, index, value);
    } else {
      sync.newParameter(statement, index, value);
    }
  }

  private static void assertConverged(Connection admin, SyncCase sync, long seed) throws SQLException {
    List<String> diverged = new ArrayList<>();
    try (Statement statement = admin.createStatement();
         ResultSet rows = statement.executeQuery("SELECT id, " + sync.oldColumn() + " AS o, " + sync.newColumn()
             + " AS n, " + sync.newColumn() + " IS NOT DISTINCT FROM (" + sync.upOfRow() + ") AS converged FROM "
             + sync.table() + " ORDER BY id")) {
      int count = 0;
      while (rows.next()) {
        count++;
        Object oldPath = sync.readOld(rows, "o");
        Object newPath = sync.readNew(rows, "n");
        if (!rows.getBoolean("converged") || !Objects.equals(oldPath, newPath)) {
          diverged.add("id " + rows.getInt("id") + ": old " + oldPath + ", new " + newPath);
        }
      }
      assertThat(count).as("rows left").isPositive();
    }
    assertThat(diverged).as("rows not converged after the backfill (seed %d)", seed).isEmpty();
  }
}
