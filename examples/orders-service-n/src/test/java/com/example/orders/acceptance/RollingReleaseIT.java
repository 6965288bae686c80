package com.example.orders.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.colsync.testing.EachPostgres;
import dev.colsync.testing.PostgresServer;
import dev.colsync.testing.TestDatabase;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole change as a team would ship it, with real processes: version N-1 of the orders service runs; release 1
 * of version N deploys beside it (its Flyway applies expand only) while clients write and read through both; N's
 * background runner backfills; the flag moves OLD → SHADOW → NEW through N's Actuator endpoint and every N instance
 * follows without a restart; release 2's Flyway refuses to contract while N-1 runs, and contracts once it stopped.
 * No request fails, no read is stale, no row diverges, no write is lost.
 */
class RollingReleaseIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String MIGRATION = "orders_amount_cents";
  private static final Duration STARTUP = Duration.ofSeconds(120);
  /** The services' colsync.flags.max-staleness, and the time this test allows an endpoint read on top. */
  private static final Duration STALENESS = Duration.ofSeconds(1);
  private static final Duration SLACK = Duration.ofMillis(500);

  private final Path versionN = Path.of(System.getProperty("orders.n.jar"));
  private final Path versionNMinus1 = Path.of(System.getProperty("orders.n1.jar"));
  private final Path logs = Path.of("target", "rolling-release");

  @EachPostgres
  void bothVersionsServeThroughTheWholeChange(PostgresServer server) throws Exception {
    Path logs = this.logs.resolve("pg" + server.majorVersion());
    try (TestDatabase database = server.newDatabase(); Connection connection = database.connect()) {
      String url = database.jdbcUrl();
      try (ServiceProcess oldVersion = ServiceProcess.start("n-1", versionNMinus1, url, logs)) {
        oldVersion.awaitReady(STARTUP);
        try (OrdersLoad load = new OrdersLoad(amounts(connection, "round(amount * 100)::bigint"), 4)) {
          load.putInService(oldVersion);

          // Release 1: version N's Flyway adds the new column and its trigger; nothing is dropped.
          try (ServiceProcess first = ServiceProcess.start("n-release-1-a", versionN, url, logs);
              ServiceProcess second = ServiceProcess.start("n-release-1-b", versionN, url, logs)) {
            first.awaitReady(STARTUP);
            second.awaitReady(STARTUP);
            assertThat(columns(connection)).contains("amount", "amount_cents");
            load.putInService(first);
            load.putInService(second);
            awaitRunnerDone(List.of(first, second));

            move(first, "SHADOW");
            Duration toShadow = awaitFollowed(List.of(first, second), "SHADOW");
            Thread.sleep(3_000);
            double matches = shadowComparisons(List.of(first, second), "match");
            assertThat(shadowComparisons(List.of(first, second), "mismatch")).isZero();
            assertThat(matches).isPositive();
            assertThat(shadowComparisons(List.of(first, second), "error")).isZero();

            move(second, "NEW");
            Duration toNew = awaitFollowed(List.of(first, second), "NEW");
            System.out.printf("PostgreSQL %s: every N instance read SHADOW %d ms and NEW %d ms after the move;"
                + " %.0f SHADOW comparisons, all matches%n", server.version(), toShadow.toMillis(), toNew.toMillis(),
                matches);
            Thread.sleep(2_000);
            assertThat(divergentRows(connection)).as("rows whose columns disagree, under load").isZero();

            // Release 2 while N-1 still runs: its Flyway's contract refuses, the service does not start.
            try (ServiceProcess early = ServiceProcess.start("n-release-2-refused", versionN, url, logs,
                "--spring.flyway.locations=classpath:db/app,classpath:db/colsync-release2")) {
              assertThat(early.awaitExit(STARTUP)).isNotZero();
              assertThat(early.log()).contains("contract refused: running instances still use column")
                  .contains("it does not know this migration");
            }
            assertThat(columns(connection)).contains("amount");

            load.takeOutOfService(oldVersion);
            oldVersion.stop();
            try (ServiceProcess release2 = ServiceProcess.start("n-release-2", versionN, url, logs,
                "--spring.flyway.locations=classpath:db/app,classpath:db/colsync-release2")) {
              release2.awaitReady(STARTUP);
              assertThat(columns(connection)).doesNotContain("amount").contains("amount_cents");
              load.putInService(release2);
              Thread.sleep(2_000);
              load.stop();
              load.takeOutOfService(release2);
            }
          }

          assertThat(load.problems()).isEmpty();
          assertThat(load.failed()).as("failed requests of %s", load.requests()).isZero();
          assertThat(load.staleReads()).isZero();
          assertThat(load.requests()).isGreaterThan(500);
          Map<Long, Long> stored = amounts(connection, "amount_cents");
          Map<Long, Long> lost = new HashMap<>();
          load.acknowledged().forEach((id, cents) -> {
            if (!cents.equals(stored.get(id))) {
              lost.put(id, cents);
            }
          });
          assertThat(lost).as("acknowledged writes not in the table").isEmpty();
          System.out.printf("PostgreSQL %s: %d requests, %d failed, %d stale reads, %d orders checked, 0 lost%n",
              server.version(), load.requests(), load.failed(), load.staleReads(), load.acknowledged().size());
        }
      }
    }
  }

  private static Map<Long, Long> amounts(Connection connection, String cents) throws SQLException {
    Map<Long, Long> amounts = new HashMap<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT id, " + cents + " FROM orders")) {
      while (rows.next()) {
        amounts.put(rows.getLong(1), rows.getLong(2));
      }
    }
    return amounts;
  }

  private static long divergentRows(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(
        "SELECT count(*) FROM orders WHERE amount_cents IS DISTINCT FROM round(amount * 100)::bigint")) {
      row.next();
      return row.getLong(1);
    }
  }

  private static List<String> columns(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(
        "SELECT attname FROM pg_attribute WHERE attrelid = 'orders'::regclass AND attnum > 0 AND NOT attisdropped")) {
      List<String> names = new java.util.ArrayList<>();
      while (rows.next()) {
        names.add(rows.getString(1));
      }
      return names;
    }
  }

  private static JsonNode get(ServiceProcess service, String path) throws IOException, InterruptedException {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(service.uri(path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("%s GET %s: %s", service, path, response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static void move(ServiceProcess service, String readPath) throws IOException, InterruptedException {
    HttpResponse<String> moved = HTTP.send(HttpRequest.newBuilder(service.uri("/actuator/colsync/" + MIGRATION))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"readPath\": \"" + readPath + "\"}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(moved.statusCode()).as("move to %s: %s", readPath, moved.body()).isEqualTo(200);
  }

  /**
   * Every instance reads {@code readPath} within its staleness bound of the move, without a restart; how long the
   * last one took.
   */
  private static Duration awaitFollowed(List<ServiceProcess> services, String readPath) throws Exception {
    long moved = System.nanoTime();
    for (ServiceProcess service : services) {
      while (!get(service, "/actuator/colsync").get("migrations").get(MIGRATION).get("readPath").asText()
          .equals(readPath)) {
        assertThat(Duration.ofNanos(System.nanoTime() - moved)).as("%s follows to %s", service, readPath)
            .isLessThan(STALENESS.plus(SLACK));
        Thread.sleep(20);
      }
    }
    return Duration.ofNanos(System.nanoTime() - moved);
  }

  private static void awaitRunnerDone(List<ServiceProcess> services) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (true) {
      for (ServiceProcess service : services) {
        JsonNode runner = get(service, "/actuator/colsync").path("runner").path(MIGRATION);
        assertThat(runner.path("state").asText()).as("%s runner: %s", service, runner).isNotEqualTo("FAILED");
        if (runner.path("state").asText().equals("DONE")) {
          return;
        }
      }
      assertThat(System.nanoTime()).as("the background runner finishes within 120 s").isLessThan(deadline);
      Thread.sleep(200);
    }
  }

  /** The SHADOW comparisons the instances counted with {@code result}; a counter not made yet counted none. */
  private static double shadowComparisons(List<ServiceProcess> services, String result) throws Exception {
    double sum = 0;
    for (ServiceProcess service : services) {
      HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(service.uri(
          "/actuator/metrics/colsync.shadow.comparisons?tag=migration:" + MIGRATION + "&tag=result:" + result))
          .GET().build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 404) {
        assertThat(response.statusCode()).as("%s metrics: %s", service, response.body()).isEqualTo(200);
        sum += JSON.readTree(response.body()).get("measurements").get(0).get("value").asDouble();
      }
    }
    return sum;
  }
}
