package dev.colsync.benchmarks;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * (1) What the sync trigger costs writers: pgbench TPS with colsync's trigger on
 * {@code pgbench_accounts} against TPS with no trigger and with a one-line reference trigger. The three
 * set-ups alternate round by round on one table, and each ratio is of medians.
 */
public final class TriggerOverheadBenchmark implements Benchmark {
  private static final List<String> WORKLOADS = List.of("tpcb-like", "simple-update");
  private static final int ROUNDS = 3;
  private static final String REFERENCE_TRIGGER = "bench_reference_sync";

  private enum Setup { NO_TRIGGER, COLSYNC, REFERENCE }

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
    Optional<String> unavailable = AccountsDatabase.unavailable(options);
    if (unavailable.isPresent()) {
      List<Figure> figures = new ArrayList<>();
      for (String workload : WORKLOADS) {
        figures.add(Figure.notMeasured(1, workload + ": TPS colsync trigger ÷ no trigger", target(workload),
            unavailable.get()));
        figures.add(Figure.notMeasured(1, workload + ": TPS colsync trigger ÷ reference trigger", null,
            unavailable.get()));
      }
      return figures;
    }
    try (AccountsDatabase database = AccountsDatabase.create(options)) {
      AccountsMigration migration = new AccountsMigration(database.jdbcUrl());
      migration.apply("expand");
      database.sql().execute("CREATE FUNCTION " + REFERENCE_TRIGGER + "() RETURNS trigger LANGUAGE plpgsql AS"
              + " $$ BEGIN NEW.balance := NEW.abalance; RETURN NEW; END $$",
          "CREATE TRIGGER " + REFERENCE_TRIGGER + " BEFORE INSERT OR UPDATE ON pgbench_accounts FOR EACH ROW"
              + " EXECUTE FUNCTION " + REFERENCE_TRIGGER + "()");
      List<Figure> figures = new ArrayList<>();
      for (String workload : WORKLOADS) {
        Map<Setup, List<Double>> tps = new EnumMap<>(Setup.class);
        for (int round = 0; round < ROUNDS; round++) {
          for (Setup setup : Setup.values()) {
            switchTo(setup, database.sql(), migration.syncTrigger());
            tps.computeIfAbsent(setup, s -> new ArrayList<>())
                .add(database.pgbench().builtin(workload, options.pgbenchDuration()).tps());
          }
        }
        double none = Stats.median(tps.get(Setup.NO_TRIGGER));
        double colsync = Stats.median(tps.get(Setup.COLSYNC));
        double reference = Stats.median(tps.get(Setup.REFERENCE));
        String how = "median of " + ROUNDS + " alternating " + options.pgbenchDuration().toSeconds() + " s runs, "
            + options.clients() + " clients, scale " + options.scale() + "; TPS none " + Figure.format(none)
            + ", colsync " + Figure.format(colsync) + ", reference " + Figure.format(reference);
        figures.add(Figure.measured(1, workload + ": TPS colsync trigger ÷ no trigger", colsync / none, "",
            target(workload), how));
        figures.add(Figure.measured(1, workload + ": TPS colsync trigger ÷ reference trigger", colsync / reference, "",
            null, "reference: BEGIN NEW.balance := NEW.abalance; RETURN NEW; END"));
      }
      return figures;
    }
  }

  private static Target target(String workload) {
    return workload.equals("tpcb-like") ? Target.atLeast(0.95, "") : null;
  }

  private static void switchTo(Setup setup, Database sql, String syncTrigger) throws Exception {
    sql.execute(
        "ALTER TABLE pgbench_accounts " + (setup == Setup.COLSYNC ? "ENABLE" : "DISABLE") + " TRIGGER \"" + syncTrigger
            + "\"",
        "ALTER TABLE pgbench_accounts " + (setup == Setup.REFERENCE ? "ENABLE" : "DISABLE") + " TRIGGER "
            + REFERENCE_TRIGGER);
  }
}
