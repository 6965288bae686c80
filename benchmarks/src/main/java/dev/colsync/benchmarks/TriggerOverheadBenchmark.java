package dev.colsync.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * (1) What the sync trigger costs writers: pgbench TPS with colsync's trigger on
 * {@code pgbench_accounts} against TPS with no trigger and with a one-line reference trigger. The three
 * set-ups run in many short rounds on one table, their order rotated round by round; each round gives
 * its own ratios, and the figure is the median of those, so that the machine's drift between rounds
 * (other work on it) cancels within each round instead of landing on one set-up. Then what the trigger
 * costs per row, without pgbench's round trips around it: one {@code UPDATE} of many rows per set-up,
 * rolled back, the same way in rounds.
 */
public final class TriggerOverheadBenchmark implements Benchmark {
  private static final List<String> WORKLOADS = List.of("tpcb-like", "simple-update");
  /** Rounds per workload, three pgbench runs each (one per set-up), each run a third of {@code --seconds}. */
  private static final int ROUNDS = 15;
  private static final int WARM_UP_ROUNDS = 10;
  private static final int RUNS_PER_MEASUREMENT = 3;
  private static final int BULK_ROUNDS = 7;
  private static final int BULK_ROWS = 100_000;
  private static final String REFERENCE_TRIGGER = "bench_reference_sync";
  private static final String PINNED_REFERENCE_TRIGGER = "bench_reference_sync_pinned";
  private static final String REFERENCE_BODY = "BEGIN NEW.balance := NEW.abalance; RETURN NEW; END";

  /** What fires on a write of {@code abalance}. */
  private enum Setup {
    NO_TRIGGER, COLSYNC, REFERENCE,
    /** The reference trigger with colsync's {@code SET search_path} clause: what pinning the path costs. */
    PINNED_REFERENCE
  }

  private static final List<Setup> PGBENCH_SETUPS = List.of(Setup.NO_TRIGGER, Setup.COLSYNC, Setup.REFERENCE);

  @Override
  public int section() {
    return 1;
  }

  @Override
  public String title() {
    return "1 trigger write overhead";
  }

  @Override
  public List<Figure> run(BenchmarkOptions options) throws Exception {
    List<Figure> figures = new ArrayList<>();
    try (AccountsDatabase database = AccountsDatabase.create(options)) {
      AccountsMigration migration = new AccountsMigration(database.jdbcUrl());
      migration.apply("expand");
      database.sql().execute(
          "CREATE FUNCTION " + REFERENCE_TRIGGER + "() RETURNS trigger LANGUAGE plpgsql AS $$ " + REFERENCE_BODY + " $$",
          "CREATE TRIGGER " + REFERENCE_TRIGGER + " BEFORE INSERT OR UPDATE ON pgbench_accounts FOR EACH ROW"
              + " EXECUTE FUNCTION " + REFERENCE_TRIGGER + "()",
          "CREATE FUNCTION " + PINNED_REFERENCE_TRIGGER + "() RETURNS trigger LANGUAGE plpgsql"
              + " SET search_path = pg_catalog, public, pg_temp AS $$ " + REFERENCE_BODY + " $$",
          "CREATE TRIGGER " + PINNED_REFERENCE_TRIGGER + " BEFORE INSERT OR UPDATE ON pgbench_accounts FOR EACH ROW"
              + " EXECUTE FUNCTION " + PINNED_REFERENCE_TRIGGER + "()");
      String settings = ServerSettings.read(database.sql()).text();
      Optional<String> unavailable = AccountsDatabase.unavailable(options);
      for (String workload : WORKLOADS) {
        if (unavailable.isPresent()) {
          figures.add(Figure.notMeasured(1, workload + ": TPS colsync trigger ÷ no trigger", target(workload),
              unavailable.get()));
          figures.add(Figure.notMeasured(1, workload + ": TPS colsync trigger ÷ reference trigger", null,
              unavailable.get()));
        } else {
          figures.addAll(pgbench(workload, database, migration, options, settings));
        }
      }
      figures.addAll(bulk(database, migration, options));
      return figures;
    }
  }

  private static List<Figure> pgbench(String workload, AccountsDatabase database, AccountsMigration migration,
      BenchmarkOptions options, String settings) throws Exception {
    Duration run = roundLength(options);
    switchTo(Setup.COLSYNC, database.sql(), migration);
    // Warm-up, not counted: the table's pages into the cache, and the accounts' share of HOT updates
    // near its steady state (after pgbench -i it climbed from 14 % to 76 % over four 5 s runs of
    // tpcb-like as pages were pruned), so that the rounds do not compare set-ups across that drift.
    database.pgbench().builtin(workload, run.multipliedBy(WARM_UP_ROUNDS));
    Map<Setup, List<Double>> tps = new EnumMap<>(Setup.class);
    List<Double> overNone = new ArrayList<>();
    List<Double> overReference = new ArrayList<>();
    for (int round = 0; round < ROUNDS; round++) {
      Map<Setup, Double> thisRound = new EnumMap<>(Setup.class);
      for (int i = 0; i < PGBENCH_SETUPS.size(); i++) {
        Setup setup = PGBENCH_SETUPS.get((round + i) % PGBENCH_SETUPS.size());
        switchTo(setup, database.sql(), migration);
        thisRound.put(setup, database.pgbench().builtin(workload, run).tps());
      }
      thisRound.forEach((setup, value) -> tps.computeIfAbsent(setup, s -> new ArrayList<>()).add(value));
      overNone.add(thisRound.get(Setup.COLSYNC) / thisRound.get(Setup.NO_TRIGGER));
      overReference.add(thisRound.get(Setup.COLSYNC) / thisRound.get(Setup.REFERENCE));
    }
    String how = "median of the per-round ratios of " + ROUNDS + " rounds, each one " + run.toSeconds()
        + " s run per set-up, order rotated; " + options.clients() + " clients, scale " + options.scale()
        + "; per-round ratios " + spread(overNone) + "; median TPS none "
        + Figure.format(Stats.median(tps.get(Setup.NO_TRIGGER))) + ", colsync "
        + Figure.format(Stats.median(tps.get(Setup.COLSYNC))) + ", reference "
        + Figure.format(Stats.median(tps.get(Setup.REFERENCE))) + "; server " + settings;
    return List.of(
        Figure.measured(1, workload + ": TPS colsync trigger ÷ no trigger", Stats.median(overNone), "",
            target(workload), how),
        Figure.measured(1, workload + ": TPS colsync trigger ÷ reference trigger", Stats.median(overReference), "",
            null, "per-round ratios " + spread(overReference) + "; reference: " + REFERENCE_BODY));
  }

  /**
   * The trigger's own cost per row: {@code UPDATE … SET abalance = abalance + 1} of the first
   * {@value #BULK_ROWS} accounts (all of them in the quick mode) under each set-up, rolled back, then a
   * {@code VACUUM}; the figure is the median over rounds of (time with the trigger − time without) ÷ rows.
   */
  private static List<Figure> bulk(AccountsDatabase database, AccountsMigration migration, BenchmarkOptions options)
      throws Exception {
    int rounds = options.quick() ? 2 : BULK_ROUNDS;
    long rows = Math.min(BULK_ROWS, database.rows());
    Setup[] setups = Setup.values();
    Map<Setup, List<Double>> extraMicros = new EnumMap<>(Setup.class);
    List<Double> noneMicros = new ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      Map<Setup, Double> thisRound = new EnumMap<>(Setup.class);
      for (int i = 0; i < setups.length; i++) {
        Setup setup = setups[(round + i) % setups.length];
        switchTo(setup, database.sql(), migration);
        thisRound.put(setup, bulkUpdateMicrosPerRow(database.jdbcUrl(), rows));
      }
      database.sql().execute("VACUUM pgbench_accounts");
      double none = thisRound.get(Setup.NO_TRIGGER);
      noneMicros.add(none);
      thisRound.forEach((setup, micros) -> extraMicros.computeIfAbsent(setup, s -> new ArrayList<>())
          .add(micros - none));
    }
    String how = "one UPDATE of " + rows + " rows per set-up, rolled back; median over " + rounds
        + " rounds (order rotated) of µs per row with the trigger minus without; without any: "
        + Figure.format(Stats.median(noneMicros)) + " µs per row";
    return List.of(
        Figure.measured(1, "per row written: colsync trigger's cost (bulk UPDATE)",
            Stats.median(extraMicros.get(Setup.COLSYNC)), " µs", null, how),
        Figure.measured(1, "per row written: reference trigger's cost (bulk UPDATE)",
            Stats.median(extraMicros.get(Setup.REFERENCE)), " µs", null, "reference: " + REFERENCE_BODY),
        Figure.measured(1, "per row written: reference trigger with SET search_path (bulk UPDATE)",
            Stats.median(extraMicros.get(Setup.PINNED_REFERENCE)), " µs", null,
            "the reference with colsync's SET search_path = pg_catalog, public, pg_temp"));
  }

  private static double bulkUpdateMicrosPerRow(String jdbcUrl, long rows) throws Exception {
    try (Connection connection = DriverManager.getConnection(jdbcUrl);
         Statement statement = connection.createStatement()) {
      connection.setAutoCommit(false);
      long started = System.nanoTime();
      long updated = statement.executeUpdate("UPDATE pgbench_accounts SET abalance = abalance + 1 WHERE aid <= " + rows);
      double micros = (System.nanoTime() - started) / 1e3;
      connection.rollback();
      if (updated != rows) {
        throw new IllegalStateException("the UPDATE changed " + updated + " of " + rows + " rows");
      }
      return micros / rows;
    }
  }

  /** Each pgbench run of a round: a third of {@code --seconds}, at least a second. */
  static Duration roundLength(BenchmarkOptions options) {
    return Duration.ofSeconds(Math.max(1, options.pgbenchDuration().toSeconds() / RUNS_PER_MEASUREMENT));
  }

  /** "p25–p75 0.93–0.98, min–max 0.88–1.02". */
  private static String spread(List<Double> ratios) {
    return "p25–p75 " + Figure.format(Stats.percentile(ratios, 25)) + "–" + Figure.format(Stats.percentile(ratios, 75))
        + ", min–max " + Figure.format(Stats.percentile(ratios, 0)) + "–" + Figure.format(Stats.percentile(ratios, 100));
  }

  private static Target target(String workload) {
    return workload.equals("tpcb-like") ? Target.atLeast(0.95, "") : null;
  }

  /** Enables the triggers of {@code setup} and disables every other (colsync's both, or neither). */
  private static void switchTo(Setup setup, Database sql, AccountsMigration migration) throws Exception {
    List<String> statements = new ArrayList<>();
    for (String trigger : migration.syncTriggers()) {
      statements.add(alter(setup == Setup.COLSYNC, "\"" + trigger + "\""));
    }
    statements.add(alter(setup == Setup.REFERENCE, REFERENCE_TRIGGER));
    statements.add(alter(setup == Setup.PINNED_REFERENCE, PINNED_REFERENCE_TRIGGER));
    sql.execute(statements.toArray(String[]::new));
  }

  private static String alter(boolean enable, String trigger) {
    return "ALTER TABLE pgbench_accounts " + (enable ? "ENABLE" : "DISABLE") + " TRIGGER " + trigger;
  }
}
