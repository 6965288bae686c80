package dev.colsync.benchmarks;

import dev.colsync.benchmarks.pgbench.Pgbench;
import dev.colsync.benchmarks.pgbench.PgbenchRun;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * (2) The backfill of {@code pgbench_accounts.balance}: rows/s of colsync's batched backfill against
 * rows/s of one {@code UPDATE} of the whole table (the limit), idle and under pgbench; the TPS
 * pgbench keeps meanwhile; and how long each batch takes. Every measurement starts from a freshly
 * initialised table with the expand phase applied, so none inherits another's dead rows.
 */
public final class BackfillBenchmark implements Benchmark {
  private static final Target RATE_TARGET = Target.atLeast(0.80, "");
  private static final Target BATCH_TARGET = Target.atMost(200, " ms");
  private static final int IDLE_PAIRS = 3;

  /** One measurement of the idle ratio: the single UPDATE's rate and a backfill's run. */
  private record IdlePair(double updateRate, BackfillRun backfill) {
    double ratio() {
      return backfill.rowsPerSecond() / updateRate;
    }
  }

  @Override
  public int section() {
    return 2;
  }

  @Override
  public String title() {
    return "2 backfill";
  }

  /** What one backfill run measured. */
  private record BackfillRun(long rows, Duration took, List<Duration> transactions, List<Duration> cycles,
      Duration paused, Duration yielded, WaitProfile profile) {
    double rowsPerSecond() {
      return rows / seconds(took);
    }

    /** A percentile of the batches' transactions: how long each held its row locks. */
    double batchPercentileMillis(double p) {
      return percentileMillis(transactions, p);
    }

    /** A percentile of the time from one batch to the next, throttle pauses taken out. */
    double cyclePercentileMillis(double p) {
      return percentileMillis(cycles, p);
    }

    String cyclesText() {
      return "from one batch to the next, throttle pauses and nice sleeps taken out: p50 "
          + Figure.format(cyclePercentileMillis(50))
          + " ms, p99 " + Figure.format(cyclePercentileMillis(99)) + " ms";
    }

    private static double percentileMillis(List<Duration> durations, double p) {
      return Stats.percentile(durations.stream().mapToDouble(d -> d.toNanos() / 1e6).toArray(), p);
    }
  }

  @Override
  public List<Figure> run(BenchmarkOptions options) throws Exception {
    List<Figure> figures = new ArrayList<>();
    // One UPDATE and one backfill, each on a fresh table, a few times over: a single pair minutes apart
    // moved by ±10 % with the machine. The figure is the median pair's ratio; the other idle figures are
    // that pair's backfill.
    int pairs = options.quick() ? 1 : IDLE_PAIRS;
    List<IdlePair> measured = new ArrayList<>();
    for (int pair = 0; pair < pairs; pair++) {
      double rate = singleUpdateRowsPerSecond(options);
      try (AccountsDatabase database = AccountsDatabase.create(options)) {
        AccountsMigration migration = new AccountsMigration(database.jdbcUrl());
        migration.apply("expand");
        measured.add(new IdlePair(rate, backfill(migration, database.jdbcUrl(), database.rows())));
      }
    }
    measured.sort(Comparator.comparingDouble(IdlePair::ratio));
    IdlePair median = measured.get(measured.size() / 2);
    double updateRate = median.updateRate();
    BackfillRun idle = median.backfill();
    figures.add(Figure.measured(2, "backfill rows/s ÷ one whole-table UPDATE rows/s, idle",
        median.ratio(), "", RATE_TARGET,
        "the median of " + pairs + " pairs, each a whole-table UPDATE and a backfill on fresh tables (ratios "
            + measured.stream().map(p -> Figure.format(p.ratio())).collect(Collectors.joining(", "))
            + "); its pair: " + idle.rows() + " rows; backfill " + Figure.format(idle.rowsPerSecond()) + " rows/s in "
            + idle.transactions().size() + " batches, UPDATE " + Figure.format(updateRate) + " rows/s"));
    figures.add(Figure.measured(2, "backfill batch duration p50, idle", idle.batchPercentileMillis(50), " ms", null,
        "each batch's transaction, first statement to commit, as the executor times it; adaptive batches aiming at"
            + " 100 ms (the CLI's default)"));
    figures.add(Figure.measured(2, "backfill batch duration p99, idle", idle.batchPercentileMillis(99), " ms",
        BATCH_TARGET, idle.cyclesText() + " (" + Figure.format(seconds(idle.paused())) + " s paused, "
            + Figure.format(seconds(idle.yielded())) + " s of nice sleeps in all)"));
    figures.add(profile(idle, "idle"));
    figures.addAll(spaceCost(options));

    Optional<String> unavailable = AccountsDatabase.unavailable(options);
    if (unavailable.isPresent()) {
      figures.add(Figure.notMeasured(2, "backfill rows/s under pgbench ÷ one whole-table UPDATE rows/s, idle", null,
          unavailable.get()));
      figures.add(Figure.notMeasured(2, "pgbench TPS during the backfill ÷ idle TPS", Target.atLeast(0.70, ""),
          unavailable.get()));
      figures.add(Figure.notMeasured(2, "backfill batch duration p99, under pgbench", BATCH_TARGET,
          unavailable.get()));
      return figures;
    }
    figures.addAll(underLoad(options, updateRate, idle));
    return figures;
  }

  private List<Figure> underLoad(BenchmarkOptions options, double updateRate, BackfillRun idle) throws Exception {
    try (AccountsDatabase database = AccountsDatabase.create(options)) {
      AccountsMigration migration = new AccountsMigration(database.jdbcUrl());
      migration.apply("expand");
      Pgbench pgbench = database.pgbench();
      double idleTps = pgbench.builtin("tpcb-like", options.pgbenchDuration()).tps();
      Duration lead = Duration.ofSeconds(2);
      Duration load = lead.plus(idle.took().multipliedBy(6)).plusSeconds(10);
      Pgbench.Running running = pgbench.start(List.of("-b", "tpcb-like"), load, true);
      Thread.sleep(lead.toMillis());
      long from = Clock.nowMicros();
      BackfillRun loaded = backfill(migration, database.jdbcUrl(), database.rows());
      long to = Clock.nowMicros();
      PgbenchRun run = running.await();
      boolean covered = run.transactions().stream().anyMatch(t -> t.endMicros() >= to);
      double duringTps = run.tpsBetween(from, to);
      String how = "tpcb-like, " + options.clients() + " clients; idle " + Figure.format(idleTps) + " TPS, during "
          + Figure.format(duringTps) + " TPS" + (covered ? "" : " (WARNING: pgbench ended before the backfill)");
      return List.of(
          Figure.measured(2, "backfill rows/s under pgbench ÷ one whole-table UPDATE rows/s, idle",
              loaded.rowsPerSecond() / updateRate, "", null,
              "backfill " + Figure.format(loaded.rowsPerSecond()) + " rows/s in " + loaded.transactions().size()
                  + " batches while pgbench ran, " + Figure.format(seconds(loaded.paused())) + " s of it paused by the"
                  + " throttle (lock waiters, load), " + Figure.format(seconds(loaded.yielded())) + " s of nice sleeps"
                  + " (the CLI's default nice ratio, 1: a sleep as long as each batch while others are at work)"),
          Figure.measured(2, "pgbench TPS during the backfill ÷ idle TPS", duringTps / idleTps, "",
              Target.atLeast(0.70, ""), how),
          Figure.measured(2, "backfill batch duration p99, under pgbench", loaded.batchPercentileMillis(99), " ms",
              BATCH_TARGET, "p50 " + Figure.format(loaded.batchPercentileMillis(50)) + " ms; " + loaded.cyclesText()),
          profile(loaded, "under pgbench"));
    }
  }

  /**
   * Table and index growth and WAL per row of a backfill with the executor's defaults (vacuum between windows of
   * a tenth of the rows), against one committed UPDATE of every row, each on a fresh table with two more indexes.
   */
  private static List<Figure> spaceCost(BenchmarkOptions options) throws Exception {
    SpaceCost update;
    try (AccountsDatabase database = AccountsDatabase.create(options)) {
      new AccountsMigration(database.jdbcUrl()).apply("expand");
      SpaceCost.addIndexes(database.sql());
      update = SpaceCost.measure(database.sql(),
          () -> database.sql().execute("UPDATE pgbench_accounts SET balance = abalance"));
    }
    SpaceCost backfill;
    try (AccountsDatabase database = AccountsDatabase.create(options)) {
      AccountsMigration migration = new AccountsMigration(database.jdbcUrl());
      migration.apply("expand");
      SpaceCost.addIndexes(database.sql());
      backfill = SpaceCost.measure(database.sql(), () -> migration.apply("backfill"));
    }
    String how = "pgbench_accounts with indexes on aid (key), bid and abalance, from a checkpoint; backfill: "
        + backfill.sizes() + "; one UPDATE: " + update.sizes();
    return List.of(
        Figure.measured(2, "table size after the backfill ÷ before", backfill.tableGrowth(), "",
            Target.atMost(1.25, ""), "the executor's default: VACUUM (TRUNCATE false) after every tenth of the rows;"
                + " " + how),
        Figure.measured(2, "indexes' size after the backfill ÷ before", backfill.indexGrowth(), "", null,
            "each new row version is a new entry in every index (no room on its page for a HOT update)"),
        Figure.measured(2, "table size after one whole-table UPDATE ÷ before", update.tableGrowth(), "", null,
            "indexes ÷ before: " + Figure.format(update.indexGrowth())),
        Figure.measured(2, "WAL bytes per row: backfill ÷ one whole-table UPDATE", backfill.walPerRow()
            / update.walPerRow(), "", null, "backfill " + Figure.format(backfill.walPerRow()) + " B/row (its vacuums'"
            + " and checkpoints' records included), UPDATE " + Figure.format(update.walPerRow()) + " B/row"));
  }

  /** The limit: one UPDATE of every row (through the same trigger), timed, then rolled back. */
  private static double singleUpdateRowsPerSecond(BenchmarkOptions options) throws Exception {
    try (AccountsDatabase database = AccountsDatabase.create(options)) {
      new AccountsMigration(database.jdbcUrl()).apply("expand");
      long rows = database.rows();
      try (Connection connection = DriverManager.getConnection(database.jdbcUrl());
           Statement statement = connection.createStatement()) {
        connection.setAutoCommit(false);
        long started = System.nanoTime();
        long updated = statement.executeUpdate("UPDATE pgbench_accounts SET balance = abalance");
        double took = (System.nanoTime() - started) / 1e9;
        connection.rollback();
        if (updated != rows) {
          throw new IllegalStateException("the UPDATE changed " + updated + " of " + rows + " rows");
        }
        return rows / took;
      }
    }
  }

  private static BackfillRun backfill(AccountsMigration migration, String jdbcUrl, long rows) throws Exception {
    try (WaitProfile profile = WaitProfile.start(jdbcUrl, AccountsMigration.WORK_SESSION)) {
      long started = System.nanoTime();
      migration.apply("backfill");
      Duration took = Duration.ofNanos(System.nanoTime() - started);
      return new BackfillRun(rows, took, migration.batchTransactions(), migration.batchDurations(),
          migration.pausedTime(), migration.yieldedTime(), profile);
    }
  }

  /** Where the backfill's session spent the batches' time, sampled. */
  private static Figure profile(BackfillRun run, String when) {
    return Figure.measured(2, "backfill session, share of its batch time waiting for row locks, " + when,
        100 * run.profile().share(WaitProfile.ROW_LOCK), " %", null, "pg_stat_activity of the backfill's session: "
            + run.profile().summary());
  }

  private static double seconds(Duration duration) {
    return duration.toNanos() / 1e9;
  }
}
