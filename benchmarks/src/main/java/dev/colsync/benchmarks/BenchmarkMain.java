package dev.colsync.benchmarks;

import java.io.PrintStream;
import java.util.List;

/** Runs every benchmark and prints the table; see {@link BenchmarkOptions#USAGE}. */
public final class BenchmarkMain {
  private final PrintStream out;

  public BenchmarkMain(PrintStream out) {
    this.out = out;
  }

  public static void main(String[] args) {
    BenchmarkOptions options;
    try {
      options = BenchmarkOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    new BenchmarkMain(System.out).run(options);
    System.exit(0);
  }

  /** Runs every benchmark in turn; one that fails adds its failure to the table instead of its figures. */
  public ResultTable run(BenchmarkOptions options) {
    ResultTable table = new ResultTable();
    for (Benchmark benchmark : benchmarks()) {
      if (!options.runs(benchmark.section())) {
        continue;
      }
      out.println("== " + benchmark.title() + (options.quick() ? " (quick mode)" : ""));
      long started = System.nanoTime();
      try {
        List<Figure> figures = benchmark.run(options);
        figures.forEach(figure -> out.println("   " + figure.name() + ": " + figure.valueText()));
        table.addAll(figures);
      } catch (Exception e) {
        out.println("   failed: " + e);
        e.printStackTrace(out);
        table.add(Figure.notMeasured(benchmark.section(), benchmark.title(), null, "failed: " + e));
      }
      out.printf("   (%.1f s)%n", (System.nanoTime() - started) / 1e9);
    }
    out.println();
    out.print(table.render());
    return table;
  }

  private static List<Benchmark> benchmarks() {
    return List.of(new GenerationBenchmark(), new ShimBenchmark(), new TriggerOverheadBenchmark(),
        new BackfillBenchmark(), new DdlStallBenchmark());
  }
}
