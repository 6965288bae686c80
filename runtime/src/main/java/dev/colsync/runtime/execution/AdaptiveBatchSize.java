package dev.colsync.runtime.execution;

import java.time.Duration;

/**
 * The next batch size, aiming each batch at a target duration. Nothing is known of the table before a
 * batch ran, so the first batch is a probe of a tenth of the plan's size; the second takes what the probe
 * suggests, but no more than the plan's size. After that, a batch that ran too long (1.5 times the target
 * or more) resizes the next one at once, in proportion, so a slow stretch costs one long batch, not
 * several; otherwise the size moves halfway towards what the last batch suggests, and grows at most
 * 1.5-fold per batch, so one fast batch of rows that were already converged does not make the next one
 * huge.
 */
final class AdaptiveBatchSize {
  static final int PROBE_FRACTION = 10;
  private static final double OUTLIER = 1.5;
  private static final double MAX_GROWTH = 1.5;

  private final int min;
  private final int max;
  private final double targetNanos;
  private final int planned;
  private boolean probing;
  private int current;

  AdaptiveBatchSize(int planned, ExecutionSettings.BatchSizing sizing) {
    this.min = sizing.min();
    this.max = sizing.max();
    this.targetNanos = sizing.target().toNanos();
    this.planned = clamp(planned);
    this.current = clamp(this.planned / (double) PROBE_FRACTION);
    this.probing = current < this.planned;
  }

  int current() {
    return current;
  }

  /** Takes in how long a batch of {@code rows} rows (walked, not only written) took. */
  void record(long rows, Duration took) {
    if (rows <= 0) {
      return;
    }
    double nanos = Math.max(1, took.toNanos());
    double ideal = rows * targetNanos / nanos;
    if (probing) {
      probing = false;
      current = clamp(Math.min(ideal, planned));
      return;
    }
    if (nanos >= OUTLIER * targetNanos) {
      current = clamp(ideal);
      return;
    }
    double next = current + (ideal - current) / 2;
    current = clamp(Math.min(next, current * MAX_GROWTH));
  }

  /** After a batch lost its lock wait: try half as many rows. */
  void halve() {
    current = clamp(current / 2.0);
  }

  private int clamp(double size) {
    return (int) Math.max(min, Math.min(max, Math.round(size)));
  }
}
