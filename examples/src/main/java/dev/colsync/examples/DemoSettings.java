package dev.colsync.examples;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How big the demo is: the rows loaded before the change, and how long clients keep running after
 * each phase (so every phase is measured under traffic, however quick its SQL).
 */
public record DemoSettings(long rows, Duration soak, int clientsPerVersion) {
  public static final DemoSettings DEFAULTS = new DemoSettings(1_000_000, Duration.ofSeconds(1), 2);

  private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s)");

  public DemoSettings {
    if (rows < 1) {
      throw new IllegalArgumentException("rows must be at least 1: " + rows);
    }
    if (soak.isNegative()) {
      throw new IllegalArgumentException("soak must not be negative: " + soak);
    }
    if (clientsPerVersion < 1) {
      throw new IllegalArgumentException("clientsPerVersion must be at least 1: " + clientsPerVersion);
    }
  }

  /** From {@code --rows=N}, {@code --soak=500ms|2s} and {@code --clients=N}; the defaults for what is not given. */
  public static DemoSettings parse(String... args) {
    DemoSettings settings = DEFAULTS;
    for (String arg : args) {
      String value = arg.substring(arg.indexOf('=') + 1);
      if (arg.startsWith("--rows=")) {
        settings = new DemoSettings(Long.parseLong(value.replace("_", "")), settings.soak, settings.clientsPerVersion);
      } else if (arg.startsWith("--soak=")) {
        settings = new DemoSettings(settings.rows, duration(value), settings.clientsPerVersion);
      } else if (arg.startsWith("--clients=")) {
        settings = new DemoSettings(settings.rows, settings.soak, Integer.parseInt(value));
      } else {
        throw new IllegalArgumentException("unknown argument " + arg + "; expected --rows=N, --soak=500ms|2s, --clients=N");
      }
    }
    return settings;
  }

  private static Duration duration(String text) {
    Matcher matcher = DURATION.matcher(text);
    if (!matcher.matches()) {
      throw new IllegalArgumentException("not a duration: " + text + "; expected e.g. 500ms or 2s");
    }
    long amount = Long.parseLong(matcher.group(1));
    return matcher.group(2).equals("ms") ? Duration.ofMillis(amount) : Duration.ofSeconds(amount);
  }
}
