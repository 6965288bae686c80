package dev.colsync.benchmarks.shim;

import dev.colsync.runtime.flag.InMemoryFlagSource;
import dev.colsync.runtime.flag.ReadPath;
import dev.colsync.runtime.shim.ColumnType;
import dev.colsync.runtime.shim.LogicalColumn;
import dev.colsync.runtime.shim.ShimOptions;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** (4) What a shim pays per call to learn its read path: the flag, evaluated through the shim. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class FlagEvaluationJmh {
  private final LogicalColumn<Integer> column = new LogicalColumn<>(ShimFixture.MIGRATION, ColumnType.INTEGER, false,
      ShimOptions.of(new InMemoryFlagSource().set(ShimFixture.MIGRATION, ReadPath.SHADOW)));

  @Benchmark
  public ReadPath readPath() {
    return column.readPath();
  }
}
