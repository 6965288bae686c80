package dev.colsync.benchmarks;

import java.util.List;

public final class TriggerOverheadBenchmark implements Benchmark {
  @Override
  public String title() {
    return "TriggerOverheadBenchmark";
  }

  @Override
  public List<Figure> run(BenchmarkOptions options) {
    return List.of(Figure.notMeasured(1, title(), null, "not implemented yet"));
  }
}
