package dev.colsync.benchmarks.pgbench;

/** One transaction from pgbench's per-transaction log: when it started and ended, in epoch microseconds. */
public record Transaction(long startMicros, long endMicros) {

  public long latencyMicros() {
    return endMicros - startMicros;
  }

  /** Whether any part of it fell inside [{@code fromMicros}, {@code toMicros}]. */
  public boolean overlaps(long fromMicros, long toMicros) {
    return startMicros <= toMicros && endMicros >= fromMicros;
  }
}
