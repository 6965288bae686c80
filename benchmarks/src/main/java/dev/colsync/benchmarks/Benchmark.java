package dev.colsync.benchmarks;

import java.util.List;

/** One area of the table; each returns its figures, measured or each with the reason it was not. */
public interface Benchmark {

  /** The area's number in the table: 1–5 from issue #7's list, 6 from issue #13's. */
  int section();

  /** The area's title, printed as it starts. */
  String title();

  List<Figure> run(BenchmarkOptions options) throws Exception;
}
