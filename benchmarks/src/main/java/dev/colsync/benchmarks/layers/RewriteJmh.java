package dev.colsync.benchmarks.layers;

import dev.colsync.runtime.flag.ReadPath;
import dev.colsync.runtime.shim.ReadRewriter;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * (6) What colsync's statement inspector costs per statement: {@link ReadRewriter#rewrite} of the SELECT Hibernate
 * sends for a find ({@link HibernateReads#FIND_SQL}), its analysis cached as it is from the second time a text is
 * sent, on OLD (rewritten) and on NEW (left as it is); and, for reference, the first time a text is seen (a new
 * rewriter each call, so the analysis runs every time).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RewriteJmh {
  private final List<ReadRewriter.Target> onOld = List.of(ReadRewriter.target(PathShims.on(ReadPath.OLD)));
  private final ReadRewriter old = new ReadRewriter(onOld);
  private final ReadRewriter onNew = new ReadRewriter(List.of(ReadRewriter.target(PathShims.on(ReadPath.NEW))));

  /** The statement the benchmarks rewrite; a field, so that JIT cannot fold it. */
  private String sql = HibernateReads.FIND_SQL;

  @Benchmark
  public String cachedOnOld() {
    return old.rewrite(sql);
  }

  @Benchmark
  public String cachedOnNew() {
    return onNew.rewrite(sql);
  }

  @Benchmark
  public String firstSightOnOld() {
    return new ReadRewriter(onOld).rewrite(sql);
  }
}
