package dev.colsync.benchmarks;

import java.time.Instant;

/** Wall-clock time in epoch microseconds: the clock pgbench's transaction log uses. */
final class Clock {
  private Clock() {}

  static long nowMicros() {
    Instant now = Instant.now();
    return now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
  }
}
