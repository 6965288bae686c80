package dev.colsync.benchmarks;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One row of the benchmark table: a measured value, or the reason it was not measured.
 *
 * @param section the numbered area (1 trigger … 5 generation, 6 data layers)
 * @param name what was measured, ratios written as "a ÷ b"
 * @param value the measured value; empty when not measured
 * @param unit appended to the value ("" for a ratio)
 * @param target the bound it should stay within, if the issue sets one
 * @param note how it was measured, or why it was not
 */
public record Figure(int section, String name, OptionalDouble value, String unit, Optional<Target> target, String note) {

  public static Figure measured(int section, String name, double value, String unit, Target target, String note) {
    return new Figure(section, name, OptionalDouble.of(value), unit, Optional.ofNullable(target), note);
  }

  public static Figure notMeasured(int section, String name, Target target, String reason) {
    return new Figure(section, name, OptionalDouble.empty(), "", Optional.ofNullable(target), reason);
  }

  public boolean isMeasured() {
    return value.isPresent();
  }

  /** "met", "MISSED", or "" when there is no target or no value. */
  public String verdict() {
    if (value.isEmpty() || target.isEmpty()) {
      return "";
    }
    return target.get().isMetBy(value.getAsDouble()) ? "met" : "MISSED";
  }

  public String valueText() {
    return value.isPresent() ? format(value.getAsDouble()) + unit : "not measured yet";
  }

  /** Three significant digits, without exponent: 0.973, 12.4, 1520. */
  static String format(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return String.valueOf(value);
    }
    double magnitude = Math.abs(value);
    String pattern = magnitude >= 100 ? "%.0f" : magnitude >= 10 ? "%.1f" : magnitude >= 1 ? "%.2f" : "%.3f";
    return String.format(Locale.ROOT, pattern, value);
  }
}
