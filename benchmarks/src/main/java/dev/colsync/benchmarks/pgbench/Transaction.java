package dev.colsync.benchmarks.pgbench;

import java.util.Optional;

/** One transaction from pgbench's per-transaction log: when it started and ended, in epoch microseconds. */
public record Transaction(long startMicros, long endMicros) {

  /**
   * One line of {@code pgbench -l}: {@code client transaction latency_us script epoch_s epoch_us …},
   * the epoch being when the transaction ended. Empty for a skipped or failed transaction, or a line of
   * another form.
   */
  public static Optional<Transaction> fromLogLine(String line) {
    String[] fields = line.trim().split("\\s+");
    if (fields.length < 6) {
      return Optional.empty();
    }
    try {
      long latency = Long.parseLong(fields[2]);
      long end = Long.parseLong(fields[4]) * 1_000_000 + Long.parseLong(fields[5]);
      return Optional.of(new Transaction(end - latency, end));
    } catch (NumberFormatException notATransaction) {
      return Optional.empty();
    }
  }

  public long latencyMicros() {
    return endMicros - startMicros;
  }

  /** Whether any part of it fell inside [{@code fromMicros}, {@code toMicros}]. */
  public boolean overlaps(long fromMicros, long toMicros) {
    return startMicros <= toMicros && endMicros >= fromMicros;
  }
}
