package dev.colsync.benchmarks;

import dev.colsync.benchmarks.shim.FlagEvaluationJmh;
import dev.colsync.benchmarks.shim.ShimFixture;
import dev.colsync.benchmarks.shim.ShimReadJmh;
import dev.colsync.runtime.flag.ReadPath;
import dev.colsync.testing.PostgresServers;
import dev.colsync.testing.TestDatabase;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * (4) Shim overhead: the flag evaluation in ns/op, and a primary-key read through the shim against
 * the same read in plain JDBC. The full run uses JMH (one fork, short iterations); the quick mode a
 * small in-process loop. The read ratios come from interleaved rounds in both: JMH measures one
 * benchmark after the other, and on a shared machine the load drifts more between them than the
 * few per cent being measured.
 */
public final class ShimBenchmark implements Benchmark {
  private static final int MEASUREMENTS = 8;

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
      String how = options.quick() ? "quick in-process loop"
          : "JMH, 1 fork, 3×1 s warm-up, median of " + MEASUREMENTS + "×1 s iterations";
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
    Options options = new OptionsBuilder()
        .include(FlagEvaluationJmh.class.getName())
        .include(ShimReadJmh.class.getName())
        .param("jdbcUrl", jdbcUrl)
        .forks(1)
        .warmupIterations(3).warmupTime(TimeValue.seconds(1))
        .measurementIterations(MEASUREMENTS).measurementTime(TimeValue.seconds(1))
        .build();
    Collection<RunResult> results = new Runner(options).run();
    Map<String, Double> scores = new HashMap<>();
    for (RunResult result : results) {
      String method = result.getParams().getBenchmark();
      scores.put(method.substring(method.lastIndexOf('.') + 1), medianOfIterations(result));
    }
    return scores;
  }

  /** The median of the measurement iterations: one disturbed second on a shared machine moves it little. */
  private static double medianOfIterations(RunResult result) {
    List<Double> scores = new ArrayList<>();
    for (BenchmarkResult benchmark : result.getBenchmarkResults()) {
      for (IterationResult iteration : benchmark.getIterationResults()) {
        scores.add(iteration.getPrimaryResult().getScore());
      }
    }
    return Stats.median(scores);
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
    List<Double> oldOverPlain = new ArrayList<>();
    List<Double> shadowOverOld = new ArrayList<>();
    try (ShimFixture plain = ShimFixture.connect(jdbcUrl);
         ShimFixture old = ShimFixture.connect(jdbcUrl);
         ShimFixture shadow = ShimFixture.connect(jdbcUrl)) {
      old.readOn(ReadPath.OLD);
      shadow.readOn(ReadPath.SHADOW);
      List<Read> ways = List.of(plain::plainRead, old::shimRead, shadow::shimRead);
      for (int warmUp = 0; warmUp < 3; warmUp++) {
        for (Read way : ways) {
          timeReads(reads, way);
        }
      }
      for (int round = 0; round < rounds; round++) {
        double[] micros = new double[ways.size()];
        for (int i = 0; i < ways.size(); i++) {
          int way = (round + i) % ways.size();
          micros[way] = timeReads(reads, ways.get(way));
        }
        oldOverPlain.add(micros[1] / micros[0]);
        shadowOverOld.add(micros[2] / micros[1]);
      }
    }
    return new ReadRatios(Stats.median(oldOverPlain), Stats.median(shadowOverOld));
  }

  private interface Read {
    Integer at(int key) throws Exception;
  }

  private static double timeReads(int reads, Read read) throws Exception {
    long started = System.nanoTime();
    for (int i = 0; i < reads; i++) {
      if (read.at(1 + (i * 7919) % ShimFixture.ROWS) == null) {
        throw new IllegalStateException("no row for a key that exists");
      }
    }
    return (System.nanoTime() - started) / 1e3 / reads;
  }
}
