package dev.colsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.colsync.runtime.flag.InstanceReporter;
import dev.colsync.runtime.flag.JdbcFlagStore;
import dev.colsync.runtime.flag.ReadPath;
import dev.colsync.testing.PostgresServer;
import dev.colsync.testing.PostgresServers;
import dev.colsync.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** apply, rollback, verify, status, backfill and audit against one real database. */
class ExecutionCommandsTest {
  private static final String MIGRATION = "orders_amount_cents";

  @TempDir
  Path directory;

  private Path spec(String lockTimeout) {
    return SpecFiles.write(directory, "orders.yaml", """
        migration: orders_amount_cents
        table: public.orders
        primaryKey: [id]
        retype:
          from: { column: amount, type: "numeric(12,2)" }
          to: { column: amount_cents, type: bigint }
          up: "round(amount * 100)::bigint"
          down: "amount_cents / 100.0"
        timeouts: { lock: %s }
        """.formatted(lockTimeout));
  }

  private static void createOrders(Connection connection, int rows) throws Exception {
    execute(connection, "CREATE TABLE public.orders (id bigint PRIMARY KEY, amount numeric(12,2))");
    execute(connection, "INSERT INTO public.orders SELECT g, g * 1.25 FROM generate_series(1, " + rows + ") g");
  }

  @Test
  void aMigrationFromExpandToContractAndBack() throws Exception {
    PostgresServer server = PostgresServers.any();
    try (TestDatabase database = server.newDatabase(); Connection admin = database.connect();
        Connection holder = database.connect()) {
      createOrders(admin, 500);
      String url = database.jdbcUrl();
      String spec = spec("200ms").toString();

      CommandRun early = CommandRun.of("apply", spec, "--phase", "backfill", "--url", url);
      assertThat(early.exitCode()).isEqualTo(ExitCodes.FAILURE);
      assertThat(early.errLines()).containsExactly("colsync apply: refused: backfill/prepare cannot run yet:"
          + " expand/add-column must be applied first (phase expand)");

      int holderPid = (int) number(holder, "SELECT pg_backend_pid()");
      holder.setAutoCommit(false);
      execute(holder, "SELECT count(*) FROM public.orders");
      CommandRun blocked = CommandRun.of("apply", spec, "--phase", "expand", "--url", url, "--lock-attempts", "2",
          "--lock-retry-delay", "10ms");
      holder.rollback();
      assertThat(blocked.exitCode()).isEqualTo(ExitCodes.FAILURE);
      assertThat(blocked.errLines()[0]).matches("expand/add-column: attempt 1 of 2 failed: ERROR: canceling statement"
          + " due to lock timeout; retrying in \\d+ms");
      assertThat(blocked.errLines()[1]).startsWith("  blocked by pid " + holderPid + " (")
          .contains("idle in transaction since ").endsWith("): SELECT count(*) FROM public.orders");
      assertThat(blocked.err()).contains("colsync apply: expand/add-column failed after 2 attempts: ERROR: canceling"
          + " statement due to lock timeout; blocked by [pid " + holderPid);

      CommandRun expand = CommandRun.of("apply", spec, "--phase", "expand", "--url", url);
      assertThat(expand.exitCode()).isEqualTo(ExitCodes.OK);
      assertThat(expand.outLines()).singleElement().asString().matches("expand/add-column: applied in \\d+ms");
      assertThat(CommandRun.of("apply", spec, "--phase", "expand", "--url", url).outLines())
          .containsExactly("expand/add-column: already applied");

      CommandRun backfill = CommandRun.of("apply", spec, "--phase", "backfill", "--url", url, "--progress", "bar");
      assertThat(backfill.exitCode()).isEqualTo(ExitCodes.OK);
      assertThat(backfill.outLines()).hasSize(2);
      assertThat(backfill.outLines()[1]).startsWith("backfill/run: applied in ")
          .contains("(500 rows changed in ").endsWith(" (500 rows walked))");
      assertThat(backfill.err()).contains("backfill up", "500/500", "rows");

      CommandRun cutover = CommandRun.of("apply", spec, "--phase", "cutover", "--url", url);
      assertThat(cutover.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
      assertThat(cutover.errLines()).containsExactly("this migration has no cutover phase (orders_amount_cents has:"
          + " expand, backfill, switch, contract); cutover comes only with a type change in place (to.column equal"
          + " to from.column)");
      assertThat(CommandRun.of("apply", spec, "--phase", "validate", "--url", url).err())
          .contains("validate comes only with a NOT NULL new column");
      assertThat(CommandRun.of("apply", spec, "--phase", "switch", "--url", url).outLines()).containsExactly(
          "switch runs no SQL: move the read path with 'colsync flag set orders_amount_cents SHADOW', then NEW,"
              + " once the application reads correctly");

      CommandRun agree = CommandRun.of("verify", spec, "--url", url);
      assertThat(agree.exitCode()).isEqualTo(ExitCodes.OK);
      assertThat(agree.outLines()).containsExactly(
          "orders_amount_cents: all 500 rows agree (no row has amount_cents IS DISTINCT FROM up(amount))");

      execute(admin, "ALTER TABLE public.orders DISABLE TRIGGER USER");
      execute(admin, "UPDATE public.orders SET amount_cents = 0 WHERE id IN (7, 70, 300)");
      execute(admin, "ALTER TABLE public.orders ENABLE TRIGGER USER");
      CommandRun diverge = CommandRun.of("verify", spec, "--url", url, "--chunk-rows", "100", "--sample", "2");
      assertThat(diverge.exitCode()).isEqualTo(ExitCodes.FAILURE);
      assertThat(diverge.outLines()).containsExactly(
          "orders_amount_cents: 3 of 500 rows diverge (amount_cents IS DISTINCT FROM up(amount))",
          "  keys (id), the first 2: (7) (70)");
      JdbcFlagStore.write(admin, MIGRATION, ReadPath.NEW);
      CommandRun refused = CommandRun.of("apply", spec, "--phase", "contract", "--url", url);
      assertThat(refused.exitCode()).isEqualTo(ExitCodes.FAILURE);
      assertThat(refused.err()).startsWith("colsync apply: refused: contract refused: 3 of 500 rows have amount_cents"
          + " IS DISTINCT FROM up(amount), keys [7], [70], [300].");

      CommandRun status = CommandRun.of("status", spec, "--url", url);
      assertThat(status.exitCode()).isEqualTo(ExitCodes.OK);
      assertThat(status.outLines()[0]).isEqualTo("orders_amount_cents (public.orders)");
      assertThat(status.outLines()[1]).matches("  steps: 3 of 5 applied, the last backfill/run at \\S+Z");
      assertThat(status.outLines()[2]).matches("  backfill up: done, 500 rows changed in \\d+ batches");
      assertThat(status.outLines()).contains("  colsync run in progress: none", "  read path: NEW",
          "  instances reporting: none");
      assertThat(CommandRun.of("status", "--url", url).outLines()[1]).startsWith("  steps: 3 applied, the last ");
      try (InstanceReporter instance = InstanceReporter.builder(database::connect).application("orders")
          .instance("orders-1").reading(MIGRATION, ReadPath.OLD).start()) {
        assertThat(instance.awaitFirstHeartbeat(Duration.ofSeconds(10))).isTrue();
        assertThat(CommandRun.of("status", spec, "--url", url).outLines()).anySatisfy(line ->
            assertThat(line).matches("  instances reporting: orders-1 \\(orders\\) reads OLD, seen at \\S+Z"));
        JsonNode reported = json(CommandRun.of("status", spec, "--url", url, "--json")).get("migrations").get(0)
            .get("instances").get(0);
        assertThat(reported.get("instance").asText()).isEqualTo("orders-1");
        assertThat(reported.get("readPath").asText()).isEqualTo("OLD");
      }

      JsonNode statusJson = json(CommandRun.of("status", spec, "--url", url, "--json"));
      JsonNode entry = statusJson.get("migrations").get(0);
      assertThat(entry.get("migration").asText()).isEqualTo(MIGRATION);
      assertThat(entry.get("table").asText()).isEqualTo("public.orders");
      assertThat(entry.get("appliedSteps")).hasSize(3);
      assertThat(entry.get("totalSteps").asInt()).isEqualTo(5);
      assertThat(entry.get("lastApplied").get("step").asText()).isEqualTo("backfill/run");
      assertThat(entry.get("backfill").get(0).get("state").asText()).isEqualTo("done");
      assertThat(entry.get("backfill").get(0).get("rowsChanged").asLong()).isEqualTo(500);
      assertThat(entry.get("backfill").get(0).get("lastKey").get(0).asText()).isEqualTo("500");
      assertThat(entry.get("control").isNull()).isTrue();
      assertThat(entry.get("runningBackend").isNull()).isTrue();
      assertThat(entry.get("readPath").asText()).isEqualTo("NEW");
      assertThat(json(CommandRun.of("status", "--url", url, "--json")).get("migrations").get(0)
          .get("totalSteps").isNull()).isTrue();

      CommandRun divergeJson = CommandRun.of("verify", spec, "--url", url, "--sample", "1", "--json");
      assertThat(divergeJson.exitCode()).isEqualTo(ExitCodes.FAILURE);
      JsonNode verdict = json(divergeJson);
      assertThat(verdict.get("outcome").asText()).isEqualTo("diverged");
      assertThat(verdict.get("rowsChecked").asLong()).isEqualTo(500);
      assertThat(verdict.get("divergentRows").asLong()).isEqualTo(3);
      assertThat(verdict.get("keyColumns").get(0).asText()).isEqualTo("id");
      assertThat(verdict.get("sampleKeys").toString()).isEqualTo("[[\"7\"]]");

      execute(admin, "UPDATE public.orders SET amount = amount WHERE id IN (7, 70, 300)");
      execute(admin, "UPDATE public.orders SET amount_cents = round(amount * 100)::bigint WHERE id IN (7, 70, 300)");
      CommandRun contract = CommandRun.of("apply", spec, "--phase", "contract", "--url", url);
      assertThat(contract.exitCode()).isEqualTo(ExitCodes.OK);
      assertThat(contract.outLines()).hasSize(2);
      assertThat(contract.outLines()[0]).startsWith("contract/check-convergence: applied in ")
          .endsWith("(gate: 500 rows converged, read path NEW)");
      assertThat(contract.outLines()[1]).startsWith("contract/drop-old-column: applied in ")
          .endsWith("(gate: 500 rows converged, read path NEW)");

      CommandRun contracted = CommandRun.of("verify", spec, "--url", url, "--json");
      assertThat(contracted.exitCode()).isEqualTo(ExitCodes.FAILURE);
      assertThat(json(contracted).get("outcome").asText()).isEqualTo("refused");
      assertThat(json(contracted).get("message").asText()).contains(MIGRATION + " has been contracted: ");

      CommandRun rollback = CommandRun.of("rollback", spec, "--phase", "contract", "--url", url, "--progress", "lines");
      assertThat(rollback.exitCode()).isEqualTo(ExitCodes.OK);
      assertThat(rollback.outLines()).hasSize(2);
      assertThat(rollback.outLines()[1]).startsWith("contract/refill-old-column: rolled back in ")
          .contains("(500 rows changed in ");
      assertThat(rollback.err()).contains("backfill down of orders_amount_cents: 500 of ~500 rows (100%)");
      assertThat(CommandRun.of("rollback", spec, "--phase", "expand", "--url", url).errLines()).containsExactly(
          "colsync rollback: refused: roll back backfill first: its step backfill/prepare is applied, and expand is"
              + " undone only after every later phase");

      CommandRun intact = CommandRun.of("audit", "verify", "--url", url);
      assertThat(intact.exitCode()).isEqualTo(ExitCodes.OK);
      assertThat(intact.outLines()).containsExactly("audit trail intact: 8 records");
      JsonNode records = json(CommandRun.of("audit", "list", "--url", url, "--migration", MIGRATION, "--json"))
          .get("records");
      assertThat(records).hasSize(8);
      assertThat(records.get(0).get("id").asLong()).isEqualTo(1);
      assertThat(records.get(0).get("action").asText()).isEqualTo("apply");
      assertThat(records.get(0).get("phase").asText() + "/" + records.get(0).get("step").asText())
          .isEqualTo("expand/add-column");
      assertThat(records.get(0).get("outcome").asText()).isEqualTo("failed");
      assertThat(records.get(0).get("detail").asText()).startsWith("SQLSTATE 55P03: ");
      assertThat(records.get(0).get("sqlChecksum").asText()).matches("[0-9a-f]{64}");
      assertThat(records.get(0).get("startedAt").asText()).endsWith("Z");
      CommandRun list = CommandRun.of("audit", "list", "--url", url, "--migration", MIGRATION);
      assertThat(list.outLines()).hasSize(8);
      assertThat(list.outLines()[0]).matches("1  \\S+  orders_amount_cents  apply expand/add-column  failed  \\d+ ms  "
          + "\\S+ \\(\\S+@\\S+\\)  sql [0-9a-f]{12}  SQLSTATE 55P03: .*");
      execute(admin, "UPDATE colsync.audit_log SET duration_ms = 1 WHERE id = 4");
      CommandRun broken = CommandRun.of("audit", "verify", "--url", url);
      assertThat(broken.exitCode()).isEqualTo(ExitCodes.FAILURE);
      assertThat(broken.errLines()).containsExactly(
          "record 4 (orders_amount_cents backfill/run) was changed after it was written: its hash does not match"
              + " its content",
          "audit trail broken: 1 problems in 8 records");
    }
  }

  @Test
  void pauseResumeAndCancelARunningBackfill() throws Exception {
    PostgresServer server = PostgresServers.any();
    try (TestDatabase database = server.newDatabase(); Connection admin = database.connect()) {
      createOrders(admin, 2_000);
      String url = database.jdbcUrl();
      String spec = spec("2s").toString();
      assertThat(CommandRun.of("apply", spec, "--phase", "expand", "--url", url).exitCode()).isEqualTo(ExitCodes.OK);
      assertThat(CommandRun.of("backfill", "cancel", spec, "--url", url).outLines())
          .containsExactly("no colsync run of orders_amount_cents is in progress; nothing to cancel");

      CompletableFuture<CommandRun> running = CompletableFuture.supplyAsync(() -> CommandRun.of("apply", spec,
          "--phase", "backfill", "--url", url, "--min-batch", "10", "--max-batch", "10", "--progress-interval", "1h"));
      await(() -> batches(admin) >= 3);
      CommandRun pause = CommandRun.of("backfill", "pause", spec, "--url", url);
      assertThat(pause.exitCode()).isEqualTo(ExitCodes.OK);
      assertThat(pause.outLines()).singleElement().asString().matches("orders_amount_cents: pause requested; the"
          + " running backfill \\(backend pid \\d+\\) waits before its next batch until resumed");
      Thread.sleep(300);
      long paused = batches(admin);
      Thread.sleep(300);
      assertThat(batches(admin)).isEqualTo(paused);
      assertThat(CommandRun.of("status", spec, "--url", url).outLines()).anySatisfy(line ->
          assertThat(line).startsWith("  backfill up: paused on request of ")
              .endsWith("; go on with: colsync backfill resume " + spec));
      assertThat(json(CommandRun.of("status", spec, "--url", url, "--json")).get("migrations").get(0)
          .get("control").get("request").asText()).isEqualTo("pause");

      assertThat(CommandRun.of("backfill", "resume", spec, "--url", url).exitCode()).isEqualTo(ExitCodes.OK);
      await(() -> batches(admin) > paused);
      assertThat(CommandRun.of("backfill", "cancel", spec, "--url", url).outLines()).singleElement().asString()
          .endsWith("stops after its current batch and keeps its checkpoint");
      CommandRun cancelled = running.get(30, TimeUnit.SECONDS);

      assertThat(cancelled.exitCode()).isEqualTo(ExitCodes.FAILURE);
      assertThat(cancelled.outLines()[1]).startsWith("backfill/run: cancelled after ");
      assertThat(cancelled.err()).contains("backfill paused: paused on request of ", "backfill resumed after ",
          "backfill of orders_amount_cents cancelled on request of ",
          "colsync apply: phase backfill is not complete: its backfill was cancelled; run the same command again");
      assertThat(cancelled.err()).containsPattern("backfill up of orders_amount_cents: \\d+ of ~2000 rows");

      assertThat(CommandRun.of("status", spec, "--url", url).outLines()).anySatisfy(line ->
          assertThat(line).matches("  backfill up: stopped, \\d+ rows changed in \\d+ batches, last key \\(\\d+\\);"
              + " the checkpoint is kept, go on with: colsync apply --phase backfill " + Pattern.quote(spec)));
      JsonNode stopped = json(CommandRun.of("status", spec, "--url", url, "--json")).get("migrations").get(0);
      assertThat(stopped.get("backfill").get(0).get("state").asText()).isEqualTo("stopped");
      assertThat(stopped.get("control").isNull()).as("a cancel acted on leaves nothing standing").isTrue();
      assertThat(CommandRun.of("backfill", "resume", spec, "--url", url).outLines())
          .containsExactly("orders_amount_cents's backfill is not paused; nothing to resume");

      CommandRun finished = CommandRun.of("apply", spec, "--phase", "backfill", "--url", url);
      assertThat(finished.exitCode()).isEqualTo(ExitCodes.OK);
      assertThat(CommandRun.of("verify", spec, "--url", url).exitCode()).isEqualTo(ExitCodes.OK);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"apply", "rollback", "verify", "status", "backfill", "audit"})
  void everyExecutionCommandHasHelp(String subcommand) {
    CommandRun run = CommandRun.of(subcommand, "--help");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(run.out()).startsWith("Usage: colsync " + subcommand);
  }

  @Test
  void anUnknownPhaseIsBadInput() {
    CommandRun run = CommandRun.of("apply", spec("2s").toString(), "--phase", "explode", "--url", "jdbc:none");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.err()).contains("'explode' is not a phase; expected one of: expand, backfill, indexes, validate,"
        + " switch, cutover, contract");
  }

  private static JsonNode json(CommandRun run) {
    try {
      return new ObjectMapper().readTree(run.out());
    } catch (Exception e) {
      throw new AssertionError("not one JSON document: " + run.out(), e);
    }
  }

  private static long batches(Connection admin) {
    try {
      return number(admin, "SELECT coalesce(max(batches), 0) FROM public.colsync_orders_amount_cents_backfill_state");
    } catch (Exception e) {
      return 0;
    }
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waited 30s").isLessThan(deadline);
      Thread.sleep(10);
    }
  }

  private static void execute(Connection connection, String sql) throws Exception {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static long number(Connection connection, String sql) throws Exception {
    try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
      row.next();
      return row.getLong(1);
    }
  }
}
