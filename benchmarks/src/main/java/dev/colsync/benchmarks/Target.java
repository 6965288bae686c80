package dev.colsync.benchmarks;

/** The bound a figure should stay within, from issue #7: at least or at most {@code bound}. */
public record Target(boolean atLeast, double bound, String unit) {

  public static Target atLeast(double bound, String unit) {
    return new Target(true, bound, unit);
  }

  public static Target atMost(double bound, String unit) {
    return new Target(false, bound, unit);
  }

  public boolean isMetBy(double value) {
    return atLeast ? value >= bound : value <= bound;
  }

  @Override
  public String toString() {
    return (atLeast ? "≥ " : "≤ ") + Figure.format(bound) + unit;
  }
}
