package dev.colsync.benchmarks.pgbench;

import java.util.List;

/**
 * What one pgbench run reported.
 *
 * @param tps transactions per second, as pgbench prints it (without the initial connection time)
 * @param transactions every transaction, when the run was logged; else empty
 * @param output pgbench's own report
 */
public record PgbenchRun(double tps, List<Transaction> transactions, String output) {

  /** Transactions per second that ended inside [{@code fromMicros}, {@code toMicros}]. */
  public double tpsBetween(long fromMicros, long toMicros) {
    long ended = transactions.stream().filter(t -> t.endMicros() >= fromMicros && t.endMicros() <= toMicros).count();
    return ended / ((toMicros - fromMicros) / 1e6);
  }

  /** Latencies in milliseconds of the transactions that overlapped [{@code fromMicros}, {@code toMicros}]. */
  public double[] latenciesMillisOverlapping(long fromMicros, long toMicros) {
    return transactions.stream().filter(t -> t.overlaps(fromMicros, toMicros))
        .mapToDouble(t -> t.latencyMicros() / 1e3).toArray();
  }

  /** Latencies in milliseconds of the transactions that started and ended inside [{@code fromMicros}, {@code toMicros}). */
  public double[] latenciesMillisWithin(long fromMicros, long toMicros) {
    return transactions.stream().filter(t -> t.startMicros() >= fromMicros && t.endMicros() < toMicros)
        .mapToDouble(t -> t.latencyMicros() / 1e3).toArray();
  }

  /** When the first transaction ended, in epoch microseconds. */
  public long firstEndMicros() {
    return transactions.stream().mapToLong(Transaction::endMicros).min().orElseThrow();
  }
}
