package dev.colsync.benchmarks.layers;

import dev.colsync.runtime.flag.InMemoryFlagSource;
import dev.colsync.runtime.flag.ReadPath;
import dev.colsync.runtime.shim.ShimOptions;

/** The generated shim with its flag held at one read path: one shim per way a benchmark reads. */
public final class PathShims {
  private PathShims() {}

  public static BenchOrderAmounts on(ReadPath path) {
    return new BenchOrderAmounts(ShimOptions.of(new InMemoryFlagSource().set(BenchOrderAmounts.MIGRATION, path)));
  }
}
