package dev.colsync.benchmarks;

import java.util.List;

public final class BackfillBenchmark implements Benchmark {
  @Override
  public int section() {
    return 2;
  }

  @Override
  public String title() {
    return "BackfillBenchmark";
  }

  @Override
  public List<Figure> run(BenchmarkOptions options) {
    return List.of(Figure.notMeasured(2, title(), null, "not implemented yet"));
  }
}
