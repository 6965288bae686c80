package dev.colsync.benchmarks;

import dev.colsync.benchmarks.pgbench.PgbenchBinary;
import dev.colsync.testing.PostgresServer;
import dev.colsync.testing.PostgresServers;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.sql.SQLException;
import java.util.Locale;
import java.nio.file.Path;
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
    ResultTable table = new BenchmarkMain(System.out).run(options);
    System.exit(table.figures().stream().anyMatch(figure -> figure.note().startsWith("failed")) ? 1 : 0);
  }

  /** Runs every benchmark in turn; one that fails adds its failure to the table instead of its figures. */
  public ResultTable run(BenchmarkOptions options) {
    ResultTable table = new ResultTable();
    out.println(environment());
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
    out.println("finished, " + loadAverage());
    out.print(table.render());
    return table;
  }

  /** What the figures were measured on, for BENCHMARKS.md. */
  private static String environment() {
    String server;
    try {
      PostgresServer any = PostgresServers.any();
      server = any + " (" + ServerSettings.read(any.jdbcUrl("postgres")).text() + ")";
    } catch (RuntimeException | SQLException e) {
      server = "no PostgreSQL server: " + e.getMessage();
    }
    return "environment: " + Runtime.getRuntime().availableProcessors() + " processors, Java "
        + System.getProperty("java.vm.version") + " (" + System.getProperty("java.vm.name") + "), " + server
        + ", pgbench " + PgbenchBinary.onPath().map(Path::toString).orElse("not on PATH") + ", " + loadAverage();
  }

  /** Other work on the machine disturbs even ratios: the table says how busy it was. */
  private static String loadAverage() {
    double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    return load < 0 ? "load average unknown" : String.format(Locale.ROOT, "load average %.1f", load);
  }

  private static List<Benchmark> benchmarks() {
    return List.of(new GenerationBenchmark(), new ShimBenchmark(), new DataLayerBenchmark(),
        new TriggerOverheadBenchmark(), new BackfillBenchmark(), new DdlStallBenchmark());
  }
}
