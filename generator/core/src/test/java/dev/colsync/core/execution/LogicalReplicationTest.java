package dev.colsync.core.execution;

import static dev.colsync.core.execution.BackfillKillTest.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.colsync.core.plan.Phase;
import dev.colsync.core.plan.PhasePlan;
import dev.colsync.core.render.SubscriberSteps;
import dev.colsync.core.spec.TableName;
import dev.colsync.runtime.execution.MigrationExecutor;
import dev.colsync.runtime.flag.JdbcFlagStore;
import dev.colsync.runtime.flag.ReadPath;
import dev.colsync.testing.EachReplicatedPostgres;
import dev.colsync.testing.ReplicationServers;
import dev.colsync.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The whole change on a table a real subscription replicates, while N-1 and then N write, with the subscriber
 * steps the runbook lists in its order: the subscriber applies every change without an error, and its copy ends
 * equal to the publisher's in every column it has.
 */
class LogicalReplicationTest {
  private static final int ROWS = 5_000;
  private static final TableName ITEMS = new TableName("public", "items");
  private static final String PUBLICATION = "colsync_items";
  private static final String SUBSCRIPTION = "colsync_items_copy";

  /** Which application version the writer plays, or none. */
  private enum Writer { N_1, N, STOPPED }

  @EachReplicatedPostgres
  void theSubscriberAppliesEveryPhaseWithoutAnErrorAndConverges(ReplicationServers servers) throws Exception {
    TestMigration migration = TestMigration.cents("items_cents_replicated");
    try (TestDatabase published = servers.primary().newDatabase(); Connection publisher = published.connect();
        Connection writerConnection = published.connect();
        TestDatabase subscribed = servers.subscriber().newDatabase(); Connection subscriber = subscribed.connect()) {
      try {
        migration.createTable(publisher, ROWS);
        Sql.execute(publisher, "CREATE PUBLICATION " + PUBLICATION + " FOR TABLE public.items");
        Sql.execute(subscriber, "CREATE TABLE public.items (id bigint PRIMARY KEY, amount numeric(12,2) NOT NULL,"
            + " note text)");
        subscribe(subscriber, servers.conninfo(published));
        int applyWorker = applyWorkerPid(subscriber);

        AtomicReference<Writer> writer = new AtomicReference<>(Writer.N_1);
        List<String> writeFailures = new CopyOnWriteArrayList<>();
        AtomicLong writes = new AtomicLong();
        CompletableFuture<Void> writing = CompletableFuture.runAsync(
            () -> write(writerConnection, writer, writes, writeFailures));

        RecordingListener listener = new RecordingListener();
        MigrationExecutor executor = migration.executor(published, TestMigration.quickSettings(), listener);
        // The runbook's step 1 on the subscriber, before expand here.
        Sql.execute(subscriber, SubscriberSteps.addColumn(ITEMS, migration.newColumn(), "bigint"));
        for (PhasePlan phase : migration.plan().phases()) {
          switch (phase.phase()) {
            case SWITCH -> {
              JdbcFlagStore.write(publisher, migration.spec().migration(), ReadPath.SHADOW);
              writer.set(Writer.N);
              JdbcFlagStore.write(publisher, migration.spec().migration(), ReadPath.NEW);
            }
            case CONTRACT -> {
              Sql.execute(subscriber, SubscriberSteps.dropNotNull(ITEMS, migration.oldColumn()));
              executor.apply(Phase.CONTRACT.id());
              // The runbook's last step waits until the subscriber applied what was written before contract.
              String contracted = Sql.text(publisher, "SELECT pg_catalog.pg_current_wal_lsn()::text");
              await(() -> appliedUpTo(publisher, contracted), Duration.ofSeconds(30));
              Sql.execute(subscriber, SubscriberSteps.dropColumn(ITEMS, migration.oldColumn()));
            }
            default -> executor.apply(phase.phase().id());
          }
          Thread.sleep(200); // writes between every two phases
        }
        writer.set(Writer.STOPPED);
        writing.get(30, TimeUnit.SECONDS);

        assertThat(listener.notices).anySatisfy(notice -> assertThat(notice)
            .startsWith("expand/add-column: colsync items_cents_replicated: table \"public\".\"items\" is in"
                + " publication colsync_items: each subscriber must have column amount_cents before this expand"
                + " runs"));
        assertThat(writeFailures).isEmpty();
        String columns = "id, amount_cents, note";
        await(() -> digest(publisher, columns).equals(digest(subscriber, columns)), Duration.ofSeconds(60));
        assertThat(Sql.number(subscriber, "SELECT count(*) FROM public.items")).isGreaterThan(ROWS);
        assertThat(Sql.number(subscriber, "SELECT count(*) FROM public.items WHERE amount_cents IS NULL")).isZero();
        assertThat(applyWorkerPid(subscriber)).as("the apply worker never restarted after an error")
            .isEqualTo(applyWorker);
        if (servers.subscriber().majorVersion() >= 15) {
          assertThat(Sql.text(subscriber, "SELECT apply_error_count || '/' || sync_error_count"
              + " FROM pg_stat_subscription_stats WHERE subname = '" + SUBSCRIPTION + "'")).isEqualTo("0/0");
        }
        assertThat(servers.subscriberLog()).doesNotContain("ERROR:");
        System.out.printf("logical replication on %s: %d client writes through every phase, subscriber converged"
            + " with 0 apply errors%n", servers, writes.get());
      } finally {
        Sql.execute(subscriber, "DROP SUBSCRIPTION IF EXISTS " + SUBSCRIPTION);
      }
    }
  }

  /** What the runbook's first subscriber step prevents, and what the checks above would see. */
  @EachReplicatedPostgres
  void aSubscriberWithoutTheNewColumnStopsApplyingAtTheFirstWriteAfterExpand(ReplicationServers servers)
      throws Exception {
    TestMigration migration = TestMigration.cents("items_cents_unprepared");
    try (TestDatabase published = servers.primary().newDatabase(); Connection publisher = published.connect();
        TestDatabase subscribed = servers.subscriber().newDatabase(); Connection subscriber = subscribed.connect()) {
      try {
        migration.createTable(publisher, 100);
        Sql.execute(publisher, "CREATE PUBLICATION " + PUBLICATION + " FOR TABLE public.items");
        Sql.execute(subscriber, "CREATE TABLE public.items (id bigint PRIMARY KEY, amount numeric(12,2) NOT NULL,"
            + " note text)");
        subscribe(subscriber, servers.conninfo(published));

        migration.executor(published, TestMigration.quickSettings(), new RecordingListener()).apply("expand");
        Sql.execute(publisher, "UPDATE public.items SET amount = amount + 1 WHERE id = 1");

        await(() -> servers.subscriberLog().contains("is missing replicated column"), Duration.ofSeconds(30));
        assertThat(servers.subscriberLog()).contains("\"amount_cents\"");
      } finally {
        Sql.execute(subscriber, "DROP SUBSCRIPTION IF EXISTS " + SUBSCRIPTION);
      }
    }
  }

  /** Subscribes to the publication and waits for the initial copy of the table. */
  private static void subscribe(Connection subscriber, String conninfo) throws Exception {
    String create;
    try (PreparedStatement statement = subscriber.prepareStatement(
        "SELECT format('CREATE SUBSCRIPTION %I CONNECTION %L PUBLICATION %I', ?::text, ?::text, ?::text)")) {
      statement.setString(1, SUBSCRIPTION);
      statement.setString(2, conninfo);
      statement.setString(3, PUBLICATION);
      try (ResultSet row = statement.executeQuery()) {
        row.next();
        create = row.getString(1);
      }
    }
    Sql.execute(subscriber, create);
    await(() -> {
      try {
        return Sql.number(subscriber, "SELECT count(*) FROM pg_subscription_rel WHERE srsubstate <> 'r'") == 0
            && Sql.number(subscriber, "SELECT count(*) FROM pg_subscription_rel") == 1
            && applyWorkerPid(subscriber) > 0;
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    }, Duration.ofSeconds(60));
  }

  private static int applyWorkerPid(Connection subscriber) throws SQLException {
    return (int) Sql.number(subscriber, "SELECT coalesce(pid, 0) FROM pg_stat_subscription WHERE subname = '"
        + SUBSCRIPTION + "' AND relid IS NULL");
  }

  /** Updates and inserts as N-1 (through the old column) or N (through the new one) until stopped. */
  private static void write(Connection connection, AtomicReference<Writer> writer, AtomicLong writes,
      List<String> failures) {
    while (writer.get() != Writer.STOPPED) {
      boolean old = writer.get() == Writer.N_1;
      String column = old ? "amount" : "amount_cents";
      long id = ThreadLocalRandom.current().nextLong(1, ROWS + 1);
      try (PreparedStatement update = connection.prepareStatement(
              "UPDATE public.items SET " + column + " = " + column + " + ?, note = 'updated' WHERE id = ?");
          PreparedStatement insert = connection.prepareStatement(
              "INSERT INTO public.items (" + column + ", note) VALUES (?, 'inserted')")) {
        update.setInt(1, old ? 1 : 100);
        update.setLong(2, id);
        update.executeUpdate();
        insert.setInt(1, old ? 7 : 700);
        insert.executeUpdate();
        writes.addAndGet(2);
        Thread.sleep(5);
      } catch (SQLException e) {
        failures.add(writer.get() + ": " + e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** Whether every logical slot of the publisher has its subscriber's confirmation of {@code lsn}. */
  private static boolean appliedUpTo(Connection publisher, String lsn) {
    try (var confirmed = publisher.prepareStatement("SELECT pg_catalog.bool_and(confirmed_flush_lsn >= ?::pg_lsn)"
        + " FROM pg_catalog.pg_replication_slots WHERE slot_type = 'logical'")) {
      confirmed.setString(1, lsn);
      try (var row = confirmed.executeQuery()) {
        return row.next() && row.getBoolean(1);
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String digest(Connection connection, String columns) {
    try {
      return Sql.text(connection, "SELECT count(*) || ':' || coalesce(md5(string_agg(row(" + columns + ")::text, ','"
          + " ORDER BY id)), '') FROM public.items");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
