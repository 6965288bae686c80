package dev.colsync.benchmarks;

import dev.colsync.benchmarks.pgbench.Pgbench;
import dev.colsync.benchmarks.pgbench.PgbenchRun;
import dev.colsync.core.catalog.CatalogReader;
import dev.colsync.core.catalog.ScaffoldedSpec;
import dev.colsync.core.catalog.TableFacts;
import dev.colsync.core.spec.MigrationSpec;
import dev.colsync.core.spec.SpecLoader;
import dev.colsync.runtime.flag.JdbcFlagStore;
import dev.colsync.runtime.flag.ReadPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * (3) What clients feel while a DDL phase runs under pgbench: p99 and max latency of the
 * transactions that overlapped the phase, against those of the seconds just before it in the same
 * pgbench run, and the longest stall. Expand and validate run under pgbench's own tpcb-like (the
 * N-1 application, writing {@code abalance}); contract under a script that writes {@code balance}
 * (the N application: the old column is about to go); the cut-over of an in-place change of the key
 * {@code aid} under tpcb-like, on a database of its own.
 */
public final class DdlStallBenchmark implements Benchmark {
  private static final Duration BASELINE = Duration.ofSeconds(4);
  private static final Duration WARM_UP = Duration.ofMillis(1500);
  private static final Duration AFTER = Duration.ofSeconds(6);

  /**
   * The migration as this benchmark walks it, in order: each phase is applied by the executor, measured
   * under the workload of the application version that runs during it, or applied unmeasured. A new
   * phase is one more line here.
   */
  private static final List<Stage> STAGES = List.of(
      Stage.measured("expand", Workload.OLD_VERSION),
      Stage.unmeasured("backfill"),
      Stage.measured("validate", Workload.OLD_VERSION),
      Stage.measured("contract", Workload.NEW_VERSION));

  /** The in-place change whose cut-over is measured after the rename's phases. */
  private static final String KEY_MIGRATION = "pgbench_accounts_aid_bigint";

  /** Which application runs during a phase; the N application reads the new column, so its flag is NEW. */
  private enum Workload { OLD_VERSION, NEW_VERSION }

  /** One phase of {@link #STAGES}; {@code measuredUnder} empty: applied, not measured. */
  private record Stage(String phase, Optional<Workload> measuredUnder) {
    static Stage measured(String phase, Workload workload) {
      return new Stage(phase, Optional.of(workload));
    }

    static Stage unmeasured(String phase) {
      return new Stage(phase, Optional.empty());
    }
  }

  /** The N application's transaction: it reads and writes the new column only. */
  private static final String NEW_VERSION_SCRIPT = """
      \\set aid random(1, 100000 * :scale)
      \\set delta random(-5000, 5000)
      BEGIN;
      UPDATE pgbench_accounts SET balance = balance + :delta WHERE aid = :aid;
      SELECT balance FROM pgbench_accounts WHERE aid = :aid;
      END;
      """;

  private interface Ddl {
    void run() throws Exception;
  }

  @Override
  public int section() {
    return 3;
  }

  @Override
  public String title() {
    return "3 client latency during DDL phases";
  }

  @Override
  public List<Figure> run(BenchmarkOptions options) throws Exception {
    Target stallTarget = Target.atMost(AccountsMigration.LOCK_TIMEOUT.toMillis(), " ms");
    Optional<String> unavailable = AccountsDatabase.unavailable(options);
    if (unavailable.isPresent()) {
      List<Figure> figures = new ArrayList<>();
      for (Stage stage : STAGES) {
        if (stage.measuredUnder().isPresent()) {
          figures.add(Figure.notMeasured(3, stage.phase() + ": longest stall", stallTarget, unavailable.get()));
        }
      }
      figures.add(Figure.notMeasured(3, "cutover: longest stall", stallTarget, unavailable.get()));
      return figures;
    }
    Path scriptFile = Files.createTempFile("colsync-new-version", ".sql");
    try (AccountsDatabase database = AccountsDatabase.create(options)) {
      Files.writeString(scriptFile, NEW_VERSION_SCRIPT);
      AccountsMigration migration = new AccountsMigration(database.jdbcUrl());
      Pgbench pgbench = database.pgbench();
      List<Figure> figures = new ArrayList<>();
      boolean readsNew = false;
      for (Stage stage : STAGES) {
        Ddl apply = () -> migration.apply(stage.phase());
        if (stage.measuredUnder().isEmpty()) {
          apply.run();
          continue;
        }
        Workload workload = stage.measuredUnder().get();
        if (workload == Workload.NEW_VERSION && !readsNew) {
          readNew(database.jdbcUrl());
          readsNew = true;
        }
        List<String> script = workload == Workload.OLD_VERSION
            ? List.of("-b", "tpcb-like") : List.of("-f", scriptFile.toString());
        figures.addAll(measure(stage.phase(), pgbench, script, apply, migration::lockEvents, stallTarget));
      }
      figures.addAll(cutover(options, stallTarget));
      return figures;
    } finally {
      Files.deleteIfExists(scriptFile);
    }
  }

  /**
   * Cut-over of an in-place type change, the key {@code pgbench_accounts.aid integer → bigint}, scaffolded
   * from the catalog on a fresh database and applied up to validate unmeasured; then cut-over under
   * tpcb-like, which both application versions run, since the column keeps its name.
   */
  private static List<Figure> cutover(BenchmarkOptions options, Target stallTarget) throws Exception {
    try (AccountsDatabase database = AccountsDatabase.create(options)) {
      MigrationSpec spec;
      try (Connection connection = DriverManager.getConnection(database.jdbcUrl())) {
        TableFacts facts = new CatalogReader(connection).read("public", "pgbench_accounts", "aid");
        String yaml = ScaffoldedSpec.retype(KEY_MIGRATION, "public", "pgbench_accounts", facts.primaryKey(), "aid",
            facts.column().type(), facts.column().notNull(), "aid", "bigint", "aid::bigint", "aid::integer", "reject",
            Optional.of(facts)).yaml() + "timeouts: { lock: " + AccountsMigration.LOCK_TIMEOUT.toMillis() + "ms,"
            + " statement: 10min }\n";
        spec = new SpecLoader().load(KEY_MIGRATION + ".yaml", yaml);
      }
      AccountsMigration migration = new AccountsMigration(database.jdbcUrl(), spec);
      for (String phase : List.of("expand", "backfill", "indexes", "validate")) {
        migration.apply(phase);
      }
      return measure("cutover", database.pgbench(), List.of("-b", "tpcb-like"), () -> migration.apply("cutover"),
          migration::lockEvents, stallTarget);
    }
  }

  /** The N application's flag: it reads the new column. */
  private static void readNew(String jdbcUrl) throws Exception {
    try (Connection connection = DriverManager.getConnection(jdbcUrl)) {
      JdbcFlagStore.createTable(connection);
      JdbcFlagStore.write(connection, AccountsMigration.NAME, ReadPath.NEW);
    }
  }

  private static List<Figure> measure(String phase, Pgbench pgbench, List<String> workload, Ddl ddl,
      Supplier<List<String>> lockEvents, Target stallTarget) throws Exception {
    long started = Clock.nowMicros();
    Pgbench.Running running = pgbench.start(workload, BASELINE.plus(AFTER), true);
    Thread.sleep(BASELINE.toMillis());
    long from = Clock.nowMicros();
    ddl.run();
    long to = Clock.nowMicros();
    PgbenchRun run = running.await();
    double[] baseline = run.latenciesMillisWithin(Math.max(started + WARM_UP.toNanos() / 1000, run.firstEndMicros()),
        from);
    double[] during = run.latenciesMillisOverlapping(from, to);
    if (baseline.length == 0 || during.length == 0) {
      throw new IllegalStateException(phase + ": no transactions logged " + (baseline.length == 0 ? "before" : "during")
          + " the phase");
    }
    double baselineP99 = Stats.percentile(baseline, 99);
    double baselineMax = Stats.max(baseline);
    double p99 = Stats.percentile(during, 99);
    double max = Stats.max(during);
    String how = String.format(java.util.Locale.ROOT,
        "%s took %.0f ms; %d transactions overlapped it, %d in the %.1f s before; p99 %s ms vs %s ms",
        phase, (to - from) / 1e3, during.length, baseline.length, (from - started) / 1e6 - WARM_UP.toMillis() / 1e3,
        Figure.format(p99), Figure.format(baselineP99));
    return List.of(
        Figure.measured(3, phase + ": p99 latency ÷ baseline p99", p99 / baselineP99, "", null, how),
        Figure.measured(3, phase + ": max latency ÷ baseline max", max / baselineMax, "", null,
            "max " + Figure.format(max) + " ms vs " + Figure.format(baselineMax) + " ms"),
        Figure.measured(3, phase + ": longest stall", max, " ms", stallTarget,
            "the longest transaction that overlapped the phase; the spec's lock_timeout is "
                + Figure.format(stallTarget.bound()) + " ms; on the way to its locks: "
                + (lockEvents.get().isEmpty() ? "no retry, no wait" : String.join("; ", lockEvents.get()))));
  }
}
