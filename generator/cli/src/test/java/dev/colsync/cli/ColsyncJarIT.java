package dev.colsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.colsync.testing.PostgresServers;
import dev.colsync.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs the packaged, shaded {@code colsync.jar} the way a user does: {@code java -jar}. Failsafe runs
 * it after {@code package}; the tag keeps surefire from running it before the jar exists.
 */
@Tag("packaged-jar")
class ColsyncJarIT {
  @TempDir
  Path dir;

  private ColsyncJar jar;

  @BeforeEach
  void jarRunsIn() {
    jar = new ColsyncJar(dir);
  }

  @Test
  void printsTheProjectVersion() throws Exception {
    ColsyncJar.Run run = jar.run("--version");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
    assertThat(run.out().strip()).isEqualTo("colsync " + ColsyncJar.requiredProperty("colsync.expected.version"));
  }

  @Test
  void validatesAGoodSpecAndRejectsABadOne() throws Exception {
    Path good = SpecFiles.rename(dir, "good.yaml", "users_full_name");
    Path bad = SpecFiles.twoProblems(dir, "bad.yaml");

    ColsyncJar.Run ok = jar.run("validate", good.toString());
    ColsyncJar.Run rejected = jar.run("validate", bad.toString());

    assertThat(ok.exitCode()).as(ok.toString()).isEqualTo(ExitCodes.OK);
    assertThat(ok.out()).contains("ok: " + good + " (users_full_name)");
    assertThat(rejected.exitCode()).as(rejected.toString()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(rejected.err()).contains(bad + ":4:1: /colour: ", "2 problems in 1 spec");
  }

  @Test
  void generatesFromASpec() throws Exception {
    Path spec = SpecFiles.retype(dir, "retype.yaml", "orders_amount_cents");
    Path out = dir.resolve("out");

    ColsyncJar.Run run = jar.run("generate", spec.toString(), "--out", out.toString(), "--format", "flyway");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
    assertThat(out.resolve("orders_amount_cents/runbook.md")).isRegularFile();
  }

  @ParameterizedTest
  @ValueSource(ints = {80, 200})
  void theProgressBarRedrawsOneLineThatFitsTheTerminal(int columns) throws Exception {
    try (TestDatabase database = PostgresServers.any().newDatabase(); Connection admin = database.connect()) {
      createOrders(admin, 20_000);
      String spec = ordersSpec().toString();
      assertThat(jar.run("apply", spec, "--phase", "expand", "--url", database.jdbcUrl()).exitCode())
          .isEqualTo(ExitCodes.OK);

      ColsyncJar.Run backfill = jar.run(Map.of("COLUMNS", Integer.toString(columns)), "apply", spec,
          "--phase", "backfill", "--url", database.jdbcUrl(), "--progress", "bar", "--min-batch", "250",
          "--max-batch", "250", "--nice-ratio", "0");

      assertThat(backfill.exitCode()).as(backfill.toString()).isEqualTo(ExitCodes.OK);
      List<String> redraws = Arrays.stream(backfill.err().split("[\r\n]")).filter(line -> !line.isBlank()).toList();
      assertThat(redraws).as(backfill.err()).hasSizeGreaterThan(1)
          .allSatisfy(line -> assertThat(line.length()).isLessThan(columns));
      assertThat(backfill.err().chars().filter(c -> c == '\n').count()).as("the bar ends its line once")
          .isEqualTo(1);
      assertThat(redraws.get(redraws.size() - 1)).startsWith("backfill up 100% [");
    }
  }

  @Test
  void ctrlCStopsTheBackfillAfterItsBatchKeepsTheCheckpointAndSaysHowToGoOn() throws Exception {
    try (TestDatabase database = PostgresServers.any().newDatabase(); Connection admin = database.connect()) {
      createOrders(admin, 200_000);
      String url = database.jdbcUrl();
      String spec = ordersSpec().toString();
      assertThat(jar.run("apply", spec, "--phase", "expand", "--url", url).exitCode()).isEqualTo(ExitCodes.OK);

      ColsyncJar.Started running = jar.start(Map.of(), "apply", spec, "--phase", "backfill", "--url", url, "--min-batch", "100",
          "--max-batch", "100", "--nice-ratio", "0");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (batches(admin) < 3) {
        assertThat(System.nanoTime()).as("three batches within 60 s").isLessThan(deadline);
        assertThat(running.process().isAlive()).as("the backfill runs").isTrue();
        Thread.sleep(20);
      }
      new ProcessBuilder("kill", "-INT", Long.toString(running.process().pid())).start().waitFor();
      ColsyncJar.Run interrupted = ColsyncJar.finish(running);

      assertThat(interrupted.exitCode()).as(interrupted.toString()).isEqualTo(130);
      assertThat(interrupted.err()).as(interrupted.toString()).contains("colsync apply: interrupted: phase backfill"
          + " stopped after its current batch; its checkpoint is kept and the stop is recorded in the audit trail;"
          + " run the same command again to go on from it");
      try (Statement statement = admin.createStatement(); ResultSet last = statement.executeQuery(
          "SELECT step, outcome FROM colsync.audit_log ORDER BY id DESC LIMIT 1")) {
        assertThat(last.next()).isTrue();
        assertThat(last.getString(1) + " " + last.getString(2)).isEqualTo("run cancelled");
      }
      ColsyncJar.Run status = jar.run("status", spec, "--url", url);
      assertThat(status.out()).contains("  backfill up: stopped, ", "; the checkpoint is kept, go on with: colsync"
          + " apply --phase backfill " + spec);

      ColsyncJar.Run resumed = jar.run("apply", spec, "--phase", "backfill", "--url", url);
      assertThat(resumed.exitCode()).as(resumed.toString()).isEqualTo(ExitCodes.OK);
      assertThat(jar.run("verify", spec, "--url", url).exitCode()).isEqualTo(ExitCodes.OK);
    }
  }

  private Path ordersSpec() {
    return SpecFiles.retype(dir, "orders.yaml", "orders_amount_cents");
  }

  private static void createOrders(Connection connection, int rows) throws Exception {
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE public.orders (id bigint PRIMARY KEY, amount numeric(12,2))");
      statement.execute("INSERT INTO public.orders SELECT g, g * 1.25 FROM generate_series(1, " + rows + ") g");
    }
  }

  private static long batches(Connection admin) {
    try (Statement statement = admin.createStatement(); ResultSet row = statement.executeQuery(
        "SELECT coalesce(max(batches), 0) FROM public.colsync_orders_amount_cents_backfill_state")) {
      return row.next() ? row.getLong(1) : 0;
    } catch (Exception notYet) {
      return 0;
    }
  }
}
