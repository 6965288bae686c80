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
 * small in-process loop.
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
      Map<String, Double> scores = options.quick() ? loop(database.jdbcUrl()) : jmh(database.jdbcUrl());
      String how = options.quick() ? "quick in-process loop"
          : "JMH, 1 fork, 3×1 s warm-up, median of " + MEASUREMENTS + "×1 s iterations";
      List<Figure> figures = new ArrayList<>();
      figures.add(Figure.measured(4, "flag evaluation through the shim (readPath)", scores.get("readPath"), " ns/op",
          Target.atMost(25, " ns"), how + "; InMemoryFlagSource"));
      figures.add(Figure.measured(4, "PK read: shim on OLD ÷ plain JDBC", scores.get("shimOld") / scores.get("plainJdbc"),
          "", Target.atMost(1.05, ""), how + "; plain JDBC " + Figure.format(scores.get("plainJdbc")) + " µs/read"));
      figures.add(Figure.measured(4, "PK read: shim on SHADOW ÷ shim on OLD",
          scores.get("shimShadow") / scores.get("shimOld"), "", null, how));
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

  /** ns/op of the flag, µs/op of the reads: the units JMH reports them in. */
  private static Map<String, Double> loop(String jdbcUrl) throws Exception {
    Map<String, Double> scores = new HashMap<>();
    var flag = new FlagEvaluationJmh();
    int evaluations = 2_000_000;
    long sink = 0;
    long started = System.nanoTime();
    for (int i = 0; i < evaluations; i++) {
      sink += flag.readPath().ordinal();
    }
    scores.put("readPath", (double) (System.nanoTime() - started) / evaluations);
    if (sink < 0) {
      throw new AssertionError();
    }
    int reads = 500;
    try (ShimFixture fixture = ShimFixture.connect(jdbcUrl)) {
      for (int round = 0; round < 3; round++) {
        best(scores, "plainJdbc", timeReads(reads, key -> fixture.plainRead(key)));
        fixture.readOn(ReadPath.OLD);
        best(scores, "shimOld", timeReads(reads, key -> fixture.shimRead(key)));
        fixture.readOn(ReadPath.SHADOW);
        best(scores, "shimShadow", timeReads(reads, key -> fixture.shimRead(key)));
      }
    }
    return scores;
  }

  private static void best(Map<String, Double> scores, String name, double micros) {
    scores.merge(name, micros, Math::min);
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
