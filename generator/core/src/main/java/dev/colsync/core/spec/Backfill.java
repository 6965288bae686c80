package dev.colsync.core.spec;

import java.time.Duration;
import java.util.Objects;

/**
 * How the backfill walks the table.
 *
 * @param batchSize rows per batch (one short transaction each)
 * @param pause sleep between batches
 */
public record Backfill(int batchSize, Duration pause) {
  public static final Backfill DEFAULTS = new Backfill(5_000, Duration.ofMillis(10));

  public Backfill {
    Objects.requireNonNull(pause, "pause");
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize < 1");
    }
  }
}
