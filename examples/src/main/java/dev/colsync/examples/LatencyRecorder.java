package dev.colsync.examples;

import java.util.Arrays;

/** Every latency of one phase, kept whole so the percentiles are exact. */
final class LatencyRecorder {
  private long[] nanos = new long[1024];
  private int count;

  synchronized void record(long latencyNanos) {
    if (count == nanos.length) {
      nanos = Arrays.copyOf(nanos, count * 2);
    }
    nanos[count++] = latencyNanos;
  }

  /** p50, p99 and max, in nanoseconds; zeros when nothing was recorded. */
  synchronized Latencies summary() {
    if (count == 0) {
      return new Latencies(0, 0, 0, 0);
    }
    long[] sorted = Arrays.copyOf(nanos, count);
    Arrays.sort(sorted);
    return new Latencies(count, percentile(sorted, 50), percentile(sorted, 99), sorted[count - 1]);
  }

  /** Nearest-rank percentile. */
  private static long percentile(long[] sorted, int percent) {
    int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }

  /** A phase's latency summary. */
  record Latencies(long count, long p50Nanos, long p99Nanos, long maxNanos) {}
}
