package dev.colsync.benchmarks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The full run's JMH settings (one fork, 3×1 s warm-up, 8×1 s measured iterations), and each benchmark method's
 * score as the median of its measured iterations: one disturbed second on a shared machine moves it little.
 */
final class JmhMedians {
  static final int MEASUREMENTS = 8;

  /** How the figures' notes name these settings. */
  static final String HOW = "JMH, 1 fork, 3×1 s warm-up, median of " + MEASUREMENTS + "×1 s iterations";

  private JmhMedians() {}

  /** JMH's options with these settings, for the benchmarks to include and parameters to add. */
  static ChainedOptionsBuilder options() {
    return new OptionsBuilder()
        .forks(1)
        .warmupIterations(3).warmupTime(TimeValue.seconds(1))
        .measurementIterations(MEASUREMENTS).measurementTime(TimeValue.seconds(1));
  }

  /** Runs the benchmarks {@code options} include; the median score of each, by method name. */
  static Map<String, Double> run(ChainedOptionsBuilder options) throws Exception {
    Collection<RunResult> results = new Runner(options.build()).run();
    Map<String, Double> scores = new HashMap<>();
    for (RunResult result : results) {
      String method = result.getParams().getBenchmark();
      scores.put(method.substring(method.lastIndexOf('.') + 1), medianOfIterations(result));
    }
    return scores;
  }

  private static double medianOfIterations(RunResult result) {
    List<Double> scores = new ArrayList<>();
    for (BenchmarkResult benchmark : result.getBenchmarkResults()) {
      for (IterationResult iteration : benchmark.getIterationResults()) {
        scores.add(iteration.getPrimaryResult().getScore());
      }
    }
    return Stats.median(scores);
  }
}
