package dev.colsync.benchmarks;

import java.util.List;

public final class DdlStallBenchmark implements Benchmark {
  @Override
  public int section() {
    return 3;
  }

  @Override
  public String title() {
    return "DdlStallBenchmark";
  }

  @Override
  public List<Figure> run(BenchmarkOptions options) {
    return List.of(Figure.notMeasured(3, title(), null, "not implemented yet"));
  }
}
