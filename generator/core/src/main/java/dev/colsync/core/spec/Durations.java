package dev.colsync.core.spec;

import java.math.BigInteger;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as written in specs: a whole number and a unit, {@code 500ms}, {@code 2s}, {@code 1min}, {@code 1h}. */
final class Durations {
  static final String EXPECTED = "a duration such as 500ms, 2s, 1min or 1h";

  private static final Pattern FORM = Pattern.compile("([0-9]+)(ms|s|min|h)");
  private static final BigInteger MAX_MILLIS = BigInteger.valueOf(Long.MAX_VALUE);

  private Durations() {}

  /**
   * The duration {@code text} denotes.
   *
   * @throws IllegalArgumentException with a message for the user when it denotes none
   */
  static Duration parse(String text) {
    Matcher matcher = FORM.matcher(text);
    if (!matcher.matches()) {
      throw new IllegalArgumentException("'" + text + "' is not a duration");
    }
    BigInteger millis = new BigInteger(matcher.group(1)).multiply(BigInteger.valueOf(millisPer(matcher.group(2))));
    if (millis.compareTo(MAX_MILLIS) > 0) {
      throw new IllegalArgumentException("'" + text + "' is too long");
    }
    return Duration.ofMillis(millis.longValueExact());
  }

  private static long millisPer(String unit) {
    return switch (unit) {
      case "ms" -> 1;
      case "s" -> 1_000;
      case "min" -> 60_000;
      case "h" -> 3_600_000;
      default -> throw new IllegalStateException("unit " + unit);
    };
  }
}
