package dev.colsync.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.colsync.core.execution.ExecutionPlans;
import dev.colsync.core.output.Generator;
import dev.colsync.core.spec.SpecLoader;
import dev.colsync.runtime.execution.ConnectionSource;
import dev.colsync.runtime.execution.ExecutionListener;
import dev.colsync.runtime.execution.ExecutionSettings;
import dev.colsync.runtime.execution.MigrationExecutor;
import dev.colsync.runtime.flag.FlagSource;
import dev.colsync.runtime.flag.JdbcFlagSource;
import dev.colsync.runtime.flag.ReadPath;
import dev.colsync.runtime.shim.MicrometerReadPathObserver;
import dev.colsync.testing.EachPostgres;
import dev.colsync.testing.PostgresServer;
import dev.colsync.testing.TestDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real Spring Boot application (Tomcat, Actuator, the DataSource on PostgreSQL) with the starter: it reads the
 * flags from the database, reports its read path, shows the migration in its health and endpoint, and moves the
 * flag one step at a time through the endpoint; closing it withdraws its report.
 */
class ColsyncStarterTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();

  @SpringBootApplication(proxyBeanMethods = false)
  static class UsersService {}

  @EachPostgres
  void theStarterReportsShowsAndSwitchesTheReadPath(PostgresServer server) throws Exception {
    try (TestDatabase database = server.newDatabase(); Connection connection = database.connect();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE public.users (id bigint PRIMARY KEY, name text);"
          + " INSERT INTO public.users SELECT g, 'user ' || g FROM generate_series(1, 100) g");
      new MigrationExecutor(ConnectionSource.of(database.jdbcUrl()), ExecutionPlans.of(new Generator().plan(
          new SpecLoader().load("users_full_name.yaml", "migration: users_full_name\ntable: public.users\n"
              + "primaryKey: [id]\nrename: { from: name, to: full_name, type: text }\n"))),
          ExecutionSettings.defaults(), new ExecutionListener() {}).apply("expand");

      String instance;
      try (ConfigurableApplicationContext application = new SpringApplicationBuilder(UsersService.class).run(
          "--spring.datasource.url=" + database.jdbcUrl(), "--server.port=0",
          "--spring.application.name=users-service", "--colsync.migrations=users_full_name",
          "--colsync.instances.interval=200ms", "--colsync.flags.max-staleness=1s",
          "--management.endpoints.web.exposure.include=health,colsync",
          "--management.endpoint.health.show-details=always")) {
        String base = "http://localhost:" + application.getEnvironment().getProperty("local.server.port")
            + "/actuator";
        FlagSource flags = application.getBean(FlagSource.class);
        assertThat(application.getBean(javax.sql.DataSource.class).unwrap(com.zaxxer.hikari.HikariDataSource.class)
            .getDataSourceProperties()).as("statements prepared before expand or contract are retried")
            .containsEntry("autosave", "conservative");
        assertThat(flags).isInstanceOf(JdbcFlagSource.class);
        instance = application.getBean(ColsyncInstance.class).name();
        assertThat(instance).startsWith("users-service@");
        eventually("the instance reports OLD", () -> reported(connection, instance).equals("OLD"));

        JsonNode shown = get(base + "/colsync");
        assertThat(shown.get("instance").asText()).isEqualTo(instance);
        JsonNode migration = shown.get("migrations").get("users_full_name");
        assertThat(migration.get("readPath").asText()).isEqualTo("OLD");
        assertThat(migration.get("appliedSteps").get(0).asText()).isEqualTo("expand/add-column");
        assertThat(migration.get("instances").get(0).get("application").asText()).isEqualTo("users-service");

        HttpResponse<String> skipping = post(base + "/colsync/users_full_name", "{\"readPath\": \"NEW\"}");
        assertThat(skipping.statusCode()).isEqualTo(400);
        assertThat(skipping.body()).contains("OLD -> NEW skips SHADOW");
        assertThat(post(base + "/colsync/users_fullname", "{\"readPath\": \"SHADOW\"}").statusCode()).isEqualTo(404);
        HttpResponse<String> moved = post(base + "/colsync/users_full_name", "{\"readPath\": \"SHADOW\"}");
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        assertThat(JSON.readTree(moved.body()).get("to").asText()).isEqualTo("SHADOW");

        eventually("the instance reads SHADOW", () -> flags.readPath("users_full_name") == ReadPath.SHADOW);
        eventually("and reports it", () -> reported(connection, instance).equals("SHADOW"));
        JsonNode health = get(base + "/health").get("components").get("colsync");
        assertThat(health.get("status").asText()).isEqualTo("UP");
        assertThat(health.get("details").get("migrations").get("users_full_name").get("flag").asText())
            .isEqualTo("SHADOW");
        assertThat(application.getBean(MicrometerReadPathObserver.class)).isNotNull();
        assertThat(application.getBean(MeterRegistry.class).get(MicrometerReadPathObserver.FLAGS_FRESH).gauge()
            .value()).isEqualTo(1.0);
      }

      assertThat(reported(connection, instance)).as("closing withdraws the report").isEmpty();
    }
  }

  @EachPostgres
  void flagsTheApplicationCannotReadShowAsStaleInHealth(PostgresServer server) throws Exception {
    try (TestDatabase database = server.newDatabase(); Connection connection = database.connect();
        Statement statement = connection.createStatement()) {
      statement.execute("DO $$ BEGIN CREATE ROLE colsync_app_without_grants LOGIN PASSWORD 'no-grants';"
          + " EXCEPTION WHEN duplicate_object THEN NULL; END $$;"
          + " CREATE SCHEMA colsync; CREATE TABLE colsync.read_path_flags (migration text PRIMARY KEY)");
      String url = database.jdbcUrl().replaceFirst("user=[^&]*", "user=colsync_app_without_grants")
          .replaceFirst("password=[^&]*", "password=no-grants");
      try (ConfigurableApplicationContext application = new SpringApplicationBuilder(UsersService.class).run(
          "--spring.datasource.url=" + url, "--server.port=0", "--colsync.migrations=users_full_name",
          "--colsync.flags.max-staleness=500ms", "--management.endpoints.web.exposure.include=health",
          "--management.endpoint.health.show-details=always")) {
        String base = "http://localhost:" + application.getEnvironment().getProperty("local.server.port")
            + "/actuator";
        JdbcFlagSource flags = (JdbcFlagSource) application.getBean(FlagSource.class);
        eventually("the flags go stale", () -> !flags.isFresh());

        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/health")).GET().build(),
            HttpResponse.BodyHandlers.ofString());
        JsonNode health = JSON.readTree(response.body()).get("components").get("colsync");
        assertThat(health.get("status").asText()).as(response.body()).isEqualTo("UNKNOWN");
        assertThat(health.get("details").get("flags").asText())
            .startsWith("stale: every migration reads OLD until a reload succeeds").contains("permission denied");
        assertThat(flags.readPath("users_full_name")).isEqualTo(ReadPath.OLD);
      }
    }
  }

  private JsonNode get(String url) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private HttpResponse<String> post(String url, String body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String reported(Connection connection, String instance) {
    try (var select = connection.prepareStatement("SELECT read_path FROM colsync.instances WHERE instance = ?"
        + " AND migration = 'users_full_name' AND expires_at > now()")) {
      select.setString(1, instance);
      try (ResultSet row = select.executeQuery()) {
        return row.next() ? row.getString(1) : "";
      }
    } catch (Exception notYet) {
      return "";
    }
  }

  private static void eventually(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as(what + " within 15 s").isLessThan(deadline);
      Thread.sleep(50);
    }
  }
}
