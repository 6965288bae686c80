package dev.colsync.benchmarks;

import java.util.Arrays;
import java.util.List;

/** Percentiles and medians over measured samples. */
public final class Stats {
  private Stats() {}

  /** The {@code p}-th percentile (0–100) by the nearest-rank method; NaN for no samples. */
  public static double percentile(double[] samples, double p) {
    if (samples.length == 0) {
      return Double.NaN;
    }
    double[] sorted = samples.clone();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  public static double percentile(List<Double> samples, double p) {
    return percentile(samples.stream().mapToDouble(Double::doubleValue).toArray(), p);
  }

  public static double median(List<Double> samples) {
    return percentile(samples, 50);
  }

  public static double max(double[] samples) {
    return Arrays.stream(samples).max().orElse(Double.NaN);
  }
}
