package dev.colsync.examples;

import dev.colsync.core.execution.ExecutionPlans;
import dev.colsync.core.output.Generator;
import dev.colsync.core.spec.MigrationSpec;
import dev.colsync.core.spec.SpecException;
import dev.colsync.core.spec.SpecLoader;
import dev.colsync.examples.orders.OrderAmountsShim;
import dev.colsync.examples.orders.OrderStore;
import dev.colsync.examples.orders.OrdersBeforeChange;
import dev.colsync.examples.orders.OrdersWithShim;
import dev.colsync.runtime.execution.ConvergenceReport;
import dev.colsync.runtime.execution.ExecutionPlan;
import dev.colsync.runtime.execution.ExecutionSettings;
import dev.colsync.runtime.execution.MigrationExecutor;
import dev.colsync.runtime.execution.PhaseOutcome;
import dev.colsync.runtime.flag.JdbcFlagSource;
import dev.colsync.runtime.flag.JdbcFlagStore;
import dev.colsync.runtime.flag.ReadPath;
import dev.colsync.runtime.shim.ReadPathCounts;
import dev.colsync.runtime.shim.ShimOptions;
import dev.colsync.testing.PostgresServer;
import dev.colsync.testing.PostgresServers;
import dev.colsync.testing.TestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * One run of the demo: an embedded PostgreSQL, the orders table loaded, version N-1 of the service
 * under traffic, then every phase of the change through the executor while N-1 and N run side by
 * side, the read path switched OLD → SHADOW → NEW under N, and contract with N alone.
 */
final class DemoRun {
  /** Every application session's {@code application_name} starts with this. */
  static final String APPLICATION = "orders-";
  private static final String SPEC = "colsync/orders_amount_cents.yaml";
  private static final Duration FLAG_STALENESS = Duration.ofSeconds(1);
  private static final Duration WAIT_LIMIT = Duration.ofSeconds(30);
  private static final int SHADOW_READS_WANTED = 200;

  private final DemoSettings settings;
  private final PrintStream progress;
  private final PhaseLog phases = new PhaseLog();
  private final AtomicLong createdOrders = new AtomicLong();
  private final List<Client> oldVersion = new ArrayList<>();
  private final List<Client> newVersion = new ArrayList<>();
  private final List<String> problems = new ArrayList<>();
  private final ExecutorEvents events = new ExecutorEvents();
  private final WriteLedger ledger = new WriteLedger();
  private BackfillSummary backfill;
  private ConvergenceReport convergence;

  DemoRun(DemoSettings settings, PrintStream progress) {
    this.settings = settings;
    this.progress = progress;
  }

  DemoResult run() throws Exception {
    MigrationSpec spec = loadSpec();
    ExecutionPlan plan = ExecutionPlans.of(new Generator().plan(spec));
    PostgresServer server = PostgresServers.any();
    progress.println("PostgreSQL " + server.version() + ": loading " + settings.rows() + " orders");
    ReadPathCounts readPaths = new ReadPathCounts();
    try (TestDatabase database = server.newDatabase(); Connection admin = connect(database, "colsync-demo")) {
      long loadStarted = System.nanoTime();
      OrdersTable.createAndLoad(admin, settings.rows());
      Duration loadTook = Duration.ofNanos(System.nanoTime() - loadStarted);
      MigrationExecutor executor = new MigrationExecutor(() -> connect(database, "colsync-executor"), plan,
          ExecutionSettings.defaults(), events);
      try (LockWaitMonitor monitor = new LockWaitMonitor(connect(database, "colsync-lock-monitor"), phases, APPLICATION);
          JdbcFlagSource flags = JdbcFlagSource.builder(() -> connect(database, APPLICATION + "n-flags"))
              .maxStaleness(FLAG_STALENESS).listen(true).build()) {
        OrderAmountsShim shim = new OrderAmountsShim(ShimOptions.of(flags).observedBy(readPaths));
        try {
          runPhases(database, admin, executor, plan, flags, new OrdersWithShim(shim), readPaths);
        } catch (SQLException | RuntimeException e) {
          problems.add("the run stopped: " + e);
        } finally {
          stopClients(oldVersion);
          stopClients(newVersion);
          phases.end();
        }
        if (monitor.failure() != null) {
          problems.add("lock waits were sampled only in part: " + monitor.failure());
        }
      }
      WriteLedger.Check writes = problems.isEmpty() ? ledger.check(admin) : null;
      long expected = settings.rows() + createdOrders.get();
      long found = OrdersTable.count(admin);
      if (found != expected) {
        problems.add(found + " orders in the table, " + expected + " expected: loaded plus created");
      }
      return new DemoResult("PostgreSQL " + server.version(), settings.rows(), loadTook, phases.phases(), backfill,
          events.lockRetries.size(), ShadowComparisons.of(readPaths, plan.migration()), convergence,
          writes, spec.timeouts().lock(), problems);
    }
  }

  private void runPhases(TestDatabase database, Connection admin, MigrationExecutor executor, ExecutionPlan plan,
      JdbcFlagSource flags, OrderStore newStore, ReadPathCounts readPaths) throws Exception {
    startClients(oldVersion, "n-1", new OrdersBeforeChange(), database);
    begin("baseline (no change running)");
    soak();
    for (String phase : plan.phaseIds()) {
      switch (phase) {
        case "backfill" -> {
          startClients(newVersion, "n", newStore, database); // N is deployed beside N-1 once expand is done
          apply(executor, phase);
          if (events.lastProgress() != null) {
            backfill = BackfillSummary.of(events.lastProgress(), events.backfillPauses,
                events.pausedFor());
          }
        }
        case "switch" -> {
          stopClients(oldVersion); // every instance runs N before the read path moves
          oldVersion.clear();
          switchTo(admin, flags, plan.migration(), ReadPath.SHADOW, () ->
              ShadowComparisons.of(readPaths, plan.migration()).total() >= SHADOW_READS_WANTED);
          switchTo(admin, flags, plan.migration(), ReadPath.NEW, () -> true);
        }
        case "contract" -> {
          begin("verify convergence");
          convergence = executor.verify();
          apply(executor, phase);
        }
        default -> apply(executor, phase);
      }
    }
  }

  private void apply(MigrationExecutor executor, String phase) throws Exception {
    begin(phase);
    long started = System.nanoTime();
    PhaseOutcome outcome = executor.apply(phase);
    if (!outcome.complete()) {
      throw new IllegalStateException("phase " + phase + " did not complete: " + outcome);
    }
    progress.printf("%-30s applied in %d ms%n", phase, Duration.ofNanos(System.nanoTime() - started).toMillis());
    soak();
  }

  private void switchTo(Connection admin, JdbcFlagSource flags, String migration, ReadPath path,
      BooleanSupplier enoughSeen) throws Exception {
    begin("switch to " + path);
    JdbcFlagStore.write(admin, migration, path);
    await(() -> flags.readPath(migration) == path, "the N clients to read " + path);
    progress.printf("%-30s read path %s seen by N%n", "switch", path);
    soak();
    await(enoughSeen, "enough reads on " + path);
  }

  private void begin(String phase) {
    phases.begin(phase, running());
  }

  private Set<String> running() {
    Set<String> versions = new LinkedHashSet<>();
    if (!oldVersion.isEmpty()) {
      versions.add("N-1");
    }
    if (!newVersion.isEmpty()) {
      versions.add("N");
    }
    return versions;
  }

  private void soak() throws InterruptedException {
    Thread.sleep(settings.soak().toMillis());
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT_LIMIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("gave up waiting " + WAIT_LIMIT.toSeconds() + " s for " + what);
      }
      Thread.sleep(10);
    }
  }

  /** Starts the instances of one version; N-1 takes the first write slots, N the next. */
  private void startClients(List<Client> clients, String version, OrderStore store, TestDatabase database)
      throws SQLException {
    int perVersion = settings.clientsPerVersion();
    int firstSlot = clients == oldVersion ? 0 : perVersion;
    for (int i = 1; i <= perVersion; i++) {
      String name = APPLICATION + version + "/" + i;
      clients.add(new Client(name, store, connect(database, name), settings.rows(), phases, 31L * i + version.length(),
          createdOrders, ledger, firstSlot + i - 1, 2 * perVersion));
    }
  }

  private static void stopClients(List<Client> clients) throws SQLException {
    for (Client client : clients) {
      client.close();
    }
  }

  private static Connection connect(TestDatabase database, String applicationName) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("ApplicationName", applicationName);
    return DriverManager.getConnection(database.jdbcUrl(), properties);
  }

  private static MigrationSpec loadSpec() throws IOException, SpecException {
    try (InputStream in = DemoRun.class.getClassLoader().getResourceAsStream(SPEC)) {
      if (in == null) {
        throw new IOException(SPEC + " is not on the classpath");
      }
      return new SpecLoader().load(SPEC, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }
}
