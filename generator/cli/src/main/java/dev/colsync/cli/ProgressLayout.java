package dev.colsync.cli;

import dev.colsync.runtime.execution.BackfillProgress;
import java.time.Duration;
import java.util.Locale;

/**
 * Lays a backfill's progress out on one terminal line of a given width: name, percentage, bar, rows, rate,
 * ETA and batch size. Every field has a fixed width for the run, so the bar keeps its length as the numbers
 * grow; fields that do not fit are left out (batch first, then rate, then rows), and the line is never
 * longer than the width.
 */
final class ProgressLayout {
  static final int MIN_BAR = 10;
  static final int MAX_BAR = 40;

  private ProgressLayout() {}

  /** Fields after the bar in reading order, and the order in which they are left out when space is short. */
  private static final int ROWS = 0;
  private static final int RATE = 1;
  private static final int ETA = 2;
  private static final int BATCH = 3;
  private static final int[] LEFT_OUT_FIRST = {BATCH, RATE, ROWS, ETA};

  static String render(BackfillProgress progress, int width) {
    String name = "backfill " + progress.direction();
    String percent = percent(progress);
    String[] fields = {rows(progress), rate(progress), eta(progress),
        String.format(Locale.ROOT, "batch %,7d", progress.batchSize())};
    boolean[] shown = {true, true, true, true};
    for (int leftOut = 0; ; leftOut++) {
      int text = name.length() + 1 + percent.length();
      for (int i = 0; i < fields.length; i++) {
        text += shown[i] ? fields[i].length() + 1 : 0;
      }
      int bar = Math.min(MAX_BAR, width - text - 1);
      if (bar >= MIN_BAR || leftOut == LEFT_OUT_FIRST.length) {
        StringBuilder line = new StringBuilder(name).append(' ').append(percent);
        if (bar >= 3) {
          line.append(' ').append(bar(progress, bar));
        }
        for (int i = 0; i < fields.length; i++) {
          if (shown[i]) {
            line.append(' ').append(fields[i]);
          }
        }
        return line.length() <= width ? line.toString() : line.substring(0, Math.max(0, width));
      }
      shown[LEFT_OUT_FIRST[leftOut]] = false;
    }
  }

  private static String percent(BackfillProgress progress) {
    if (progress.estimatedTotal() < 0) {
      return "  ?%";
    }
    long percent = progress.done() || progress.estimatedTotal() == 0 ? 100
        : Math.min(100, progress.rowsDone() * 100 / progress.estimatedTotal());
    return String.format(Locale.ROOT, "%3d%%", percent);
  }

  private static String bar(BackfillProgress progress, int width) {
    int inside = width - 2;
    double fraction = progress.done() ? 1
        : progress.estimatedTotal() <= 0 ? 0 : Math.min(1, (double) progress.rowsDone() / progress.estimatedTotal());
    int filled = (int) Math.floor(fraction * inside);
    StringBuilder bar = new StringBuilder(width).append('[').append("=".repeat(filled));
    if (filled < inside) {
      bar.append(filled > 0 ? ">" : " ").append(" ".repeat(inside - filled - 1));
    }
    return bar.append(']').toString();
  }

  private static String rows(BackfillProgress progress) {
    if (progress.estimatedTotal() < 0) {
      return String.format(Locale.ROOT, "%,d rows", progress.rowsDone());
    }
    String total = String.format(Locale.ROOT, "%,d", progress.estimatedTotal());
    return String.format(Locale.ROOT, "%," + total.length() + "d/%s rows", progress.rowsDone(), total);
  }

  private static String rate(BackfillProgress progress) {
    return String.format(Locale.ROOT, "%,9.0f rows/s", progress.rowsPerSecond());
  }

  private static String eta(BackfillProgress progress) {
    String value = progress.done() ? "done" : progress.eta().map(ProgressLayout::clock).orElse("-:--:--");
    return String.format(Locale.ROOT, "ETA %8s", value);
  }

  /** {@code 0:04:05}, up to {@code 99:59:59}; longer is {@code >99h}. */
  private static String clock(Duration duration) {
    long seconds = duration.toSeconds();
    if (seconds >= 100 * 3600) {
      return ">99h";
    }
    return String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds % 3600 / 60, seconds % 60);
  }
}
