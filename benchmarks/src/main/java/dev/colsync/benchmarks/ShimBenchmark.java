package dev.colsync.benchmarks;

import dev.colsync.benchmarks.shim.FlagEvaluationJmh;
import dev.colsync.benchmarks.shim.ShimFixture;
import dev.colsync.benchmarks.shim.ShimReadJmh;
import dev.colsync.runtime.flag.ReadPath;
import dev.colsync.testing.PostgresServers;
import dev.colsync.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * (4) Shim overhead: the flag evaluation in ns/op, and a primary-key read through the shim against
 * the same read in plain JDBC. The full run uses JMH (one fork, short iterations); the quick mode a
 * small in-process loop. The read ratios come from interleaved rounds in both: JMH measures one
 * benchmark after the other, and on a shared machine the load drifts more between them than the
 * few per cent being measured.
 */
public final class ShimBenchmark implements Benchmark {
  @Override
  public int section() {
    return 4;
  }

  @Override
  public String title() {
    return "4 shim overhead";
  }

  @Override
  public List<Figure> run(BenchmarkOptions options) throws Exception {
    try (TestDatabase database = PostgresServers.any().newDatabase()) {
      ShimFixture.createTable(database.jdbcUrl());
      String how = options.quick() ? "quick in-process loop" : JmhMedians.HOW;
      double flagNanos;
      String absolute = "";
      if (options.quick()) {
        flagNanos = flagLoop();
      } else {
        Map<String, Double> jmh = jmh(database.jdbcUrl());
        flagNanos = jmh.get("readPath");
        absolute = "; JMH, one after the other: plain JDBC " + Figure.format(jmh.get("plainJdbc")) + " µs, shim OLD "
            + Figure.format(jmh.get("shimOld")) + " µs, SHADOW " + Figure.format(jmh.get("shimShadow")) + " µs";
      }
      int rounds = options.quick() ? 3 : 100;
      int reads = options.quick() ? 100 : 250;
      ReadRatios ratios = interleaved(database.jdbcUrl(), rounds, reads);
      String interleaved = "median over " + rounds + " rounds of " + reads + " reads each way, interleaved"
          + " (order rotated) so load drift cancels";
      List<Figure> figures = new ArrayList<>();
      figures.add(Figure.measured(4, "flag evaluation through the shim (readPath)", flagNanos, " ns/op",
          Target.atMost(25, " ns"), how + "; InMemoryFlagSource"));
      figures.add(Figure.measured(4, "PK read: shim on OLD ÷ plain JDBC", ratios.oldOverPlain(), "",
          Target.atMost(1.05, ""), interleaved + absolute));
      figures.add(Figure.measured(4, "PK read: shim on SHADOW ÷ shim on OLD", ratios.shadowOverOld(), "", null,
          interleaved));
      return figures;
    }
  }

  private static Map<String, Double> jmh(String jdbcUrl) throws Exception {
    return JmhMedians.run(JmhMedians.options()
        .include(FlagEvaluationJmh.class.getName())
        .include(ShimReadJmh.class.getName())
        .param("jdbcUrl", jdbcUrl));
  }

  private static double flagLoop() {
    var flag = new FlagEvaluationJmh();
    int evaluations = 2_000_000;
    long sink = 0;
    long started = System.nanoTime();
    for (int i = 0; i < evaluations; i++) {
      sink += flag.readPath().ordinal();
    }
    double nanos = (double) (System.nanoTime() - started) / evaluations;
    if (sink < 0) {
      throw new AssertionError();
    }
    return nanos;
  }

  /** Per-round ratios, medians taken: what the shim adds, with the machine's drift cancelled round by round. */
  private record ReadRatios(double oldOverPlain, double shadowOverOld) {}

  private static ReadRatios interleaved(String jdbcUrl, int rounds, int reads) throws Exception {
    try (ShimFixture plain = ShimFixture.connect(jdbcUrl);
         ShimFixture old = ShimFixture.connect(jdbcUrl);
         ShimFixture shadow = ShimFixture.connect(jdbcUrl)) {
      old.readOn(ReadPath.OLD);
      shadow.readOn(ReadPath.SHADOW);
      InterleavedReads timed = InterleavedReads.time(
          List.of(plain::plainRead, old::shimRead, shadow::shimRead), rounds, reads, ShimFixture.ROWS);
      return new ReadRatios(timed.ratio(1, 0), timed.ratio(2, 1));
    }
  }
}
