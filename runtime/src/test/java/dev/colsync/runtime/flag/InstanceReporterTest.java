package dev.colsync.runtime.flag;

import static org.assertj.core.api.Assertions.assertThat;

import dev.colsync.testing.EachPostgres;
import dev.colsync.testing.PostgresServer;
import dev.colsync.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** An instance's heartbeat tells the database which read path it uses; closing it withdraws the report. */
class InstanceReporterTest {
  @EachPostgres
  void theReportFollowsTheFlagAndGoesWhenTheInstanceCloses(PostgresServer server) throws Exception {
    try (TestDatabase database = server.newDatabase(); Connection admin = database.connect()) {
      InMemoryFlagSource flags = new InMemoryFlagSource().set("orders_amount_cents", ReadPath.SHADOW);
      try (InstanceReporter versionN = InstanceReporter.builder(database::connect).application("orders")
              .interval(Duration.ofMillis(100)).reading("orders_amount_cents", flags).start();
          InstanceReporter versionNMinus1 = InstanceReporter.builder(database::connect).application("orders-old")
              .instance("orders-old-1").interval(Duration.ofMillis(100)).reading("orders_amount_cents", ReadPath.OLD)
              .start()) {
        assertThat(versionN.awaitFirstHeartbeat(Duration.ofSeconds(10))).isTrue();
        assertThat(versionNMinus1.awaitFirstHeartbeat(Duration.ofSeconds(10))).isTrue();

        assertThat(reports(admin)).containsExactlyInAnyOrder(
            versionN.instance() + " orders SHADOW " + ProcessHandle.current().pid(),
            "orders-old-1 orders-old OLD " + ProcessHandle.current().pid());
        assertThat(versionN.instance()).startsWith("orders@");
        try (InstanceReporter knowsNoMigration = InstanceReporter.builder(database::connect).application("orders")
            .instance("orders-n-1").interval(Duration.ofMillis(100)).start()) {
          assertThat(knowsNoMigration.awaitFirstHeartbeat(Duration.ofSeconds(10))).isTrue();
          assertThat(selves(admin)).as("every instance reports itself, reading OLD for what it does not know")
              .containsExactlyInAnyOrder(versionN.instance() + " OLD", "orders-old-1 OLD", "orders-n-1 OLD");
        }

        flags.set("orders_amount_cents", ReadPath.NEW);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!reports(admin).contains(versionN.instance() + " orders NEW " + ProcessHandle.current().pid())) {
          assertThat(System.nanoTime()).as("the next heartbeat reports NEW").isLessThan(deadline);
          Thread.sleep(20);
        }
        try (Statement statement = admin.createStatement(); ResultSet ahead = statement.executeQuery(
            "SELECT bool_and(expires_at - seen_at = interval '300 milliseconds') FROM colsync.instances")) {
          ahead.next();
          assertThat(ahead.getBoolean(1)).as("a report counts for three heartbeats").isTrue();
        }
      }

      assertThat(reports(admin)).isEmpty();
    }
  }

  private static List<String> selves(Connection connection) throws Exception {
    List<String> selves = new ArrayList<>();
    try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(
        "SELECT instance, read_path FROM colsync.instances WHERE migration = '' AND expires_at > now()")) {
      while (rows.next()) {
        selves.add(rows.getString(1) + " " + rows.getString(2));
      }
    }
    return selves;
  }

  private static List<String> reports(Connection connection) throws Exception {
    List<String> reports = new ArrayList<>();
    try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(
        "SELECT instance, application, read_path, pid FROM colsync.instances WHERE migration = 'orders_amount_cents'"
            + " AND expires_at > now()")) {
      while (rows.next()) {
        reports.add(rows.getString(1) + " " + rows.getString(2) + " " + rows.getString(3) + " " + rows.getLong(4));
      }
    }
    return reports;
  }
}
