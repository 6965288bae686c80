package dev.colsync.runtime.execution;

import java.time.Duration;
import java.util.Locale;

/** One line describing a backfill's progress, for logs and plain (non-terminal) output. */
public final class Progress {
  private Progress() {}

  /** {@code backfill up of m: 1200 of ~5000 rows (24%), 830 rows/s, ETA 4s, 37 changed, batch 400}. */
  public static String describe(BackfillProgress p) {
    StringBuilder line = new StringBuilder("backfill ").append(p.direction()).append(" of ").append(p.migration())
        .append(": ").append(p.rowsDone());
    if (p.estimatedTotal() >= 0) {
      long percent = p.estimatedTotal() == 0 ? 100 : Math.min(100, p.rowsDone() * 100 / p.estimatedTotal());
      line.append(" of ~").append(p.estimatedTotal()).append(" rows (").append(percent).append("%)");
    } else {
      line.append(" rows");
    }
    line.append(", ").append(String.format(Locale.ROOT, "%.0f", p.rowsPerSecond())).append(" rows/s");
    if (p.done()) {
      line.append(", done");
    } else {
      p.eta().ifPresent(eta -> line.append(", ETA ").append(duration(eta)));
    }
    return line.append(", ").append(p.rowsChanged()).append(" changed, batch ").append(p.batchSize()).toString();
  }

  /** {@code 850ms}, {@code 12s}, {@code 3min 5s}, {@code 2h 10min}. */
  public static String duration(Duration duration) {
    long millis = duration.toMillis();
    if (millis < 1000) {
      return millis + "ms";
    }
    long seconds = duration.toSeconds();
    if (seconds < 60) {
      return seconds + "s";
    }
    if (seconds < 3600) {
      return seconds / 60 + "min " + seconds % 60 + "s";
    }
    return seconds / 3600 + "h " + seconds % 3600 / 60 + "min";
  }
}
