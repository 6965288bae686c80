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
import dev.colsync.testing.EachPostgres;
import dev.colsync.testing.PostgresServer;
import dev.colsync.testing.TestDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * With {@code colsync.runner.enabled}, a Boot application runs the phases after expand in the background once it is
 * ready, from the spec its build put on the class path: the backfill and the index copy, not the switch and never
 * contract, with its progress in the endpoint and its counters on the meter registry.
 */
class ColsyncRunnerTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @EachPostgres
  void theRunnerBackfillsAndCopiesTheIndexButLeavesTheSwitchAndContract(PostgresServer server) throws Exception {
    try (TestDatabase database = server.newDatabase(); Connection connection = database.connect();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE public.orders (id bigint PRIMARY KEY, amount numeric(12,2));"
          + " CREATE INDEX orders_amount_idx ON public.orders (amount);"
          + " INSERT INTO public.orders SELECT g, g * 1.25 FROM generate_series(1, 20000) g");
      String specText;
      try (InputStream spec = getClass().getResourceAsStream("/META-INF/colsync/specs/orders_amount_cents.yaml")) {
        specText = new String(spec.readAllBytes(), StandardCharsets.UTF_8);
      }
      // As release 1's Flyway would at the application's start.
      new MigrationExecutor(ConnectionSource.of(database.jdbcUrl()), ExecutionPlans.of(new Generator().plan(
          new SpecLoader().load("orders_amount_cents.yaml", specText))), ExecutionSettings.defaults(),
          new ExecutionListener() {}).apply("expand");

      try (ConfigurableApplicationContext application = new SpringApplicationBuilder(ColsyncStarterTest.UsersService.class)
          .run("--spring.datasource.url=" + database.jdbcUrl(), "--server.port=0",
              "--colsync.migrations=orders_amount_cents", "--colsync.runner.enabled=true",
              "--management.endpoints.web.exposure.include=colsync")) {
        ColsyncRunner runner = application.getBean(ColsyncRunner.class);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (runner.standings().get("orders_amount_cents") == null
            || runner.standings().get("orders_amount_cents").state() != RunnerStandings.State.DONE) {
          assertThat(runner.standings().values()).noneMatch(standing -> standing.state()
              == RunnerStandings.State.FAILED);
          assertThat(System.nanoTime()).as("the runner is done within 60 s: %s", runner.standings())
              .isLessThan(deadline);
          Thread.sleep(50);
        }

        try (ResultSet rows = statement.executeQuery("SELECT count(*) FILTER (WHERE amount_cents ="
            + " round(amount * 100)::bigint), count(*) FROM public.orders")) {
          rows.next();
          assertThat(rows.getLong(1)).isEqualTo(rows.getLong(2)).isEqualTo(20000);
        }
        String base = "http://localhost:" + application.getEnvironment().getProperty("local.server.port")
            + "/actuator";
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base
            + "/colsync")).GET().build(), HttpResponse.BodyHandlers.ofString());
        JsonNode shown = JSON.readTree(response.body());
        assertThat(shown.get("runner").get("orders_amount_cents").get("state").asText()).isEqualTo("DONE");
        assertThat(shown.get("migrations").get("orders_amount_cents").get("appliedSteps").toString())
            .contains("backfill/run", "indexes/build-index-1").doesNotContain("contract");
        assertThat(shown.get("migrations").get("orders_amount_cents").get("flag").asText()).isEqualTo("OLD");
        assertThat(application.getBean(MeterRegistry.class).get("colsync.runner.rows.changed").functionCounter()
            .count()).isEqualTo(20000);
      }
    }
  }
}
