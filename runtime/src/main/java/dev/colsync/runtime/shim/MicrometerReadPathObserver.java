package dev.colsync.runtime.shim;

import dev.colsync.runtime.flag.JdbcFlagSource;
import dev.colsync.runtime.flag.ReadPath;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts reads and SHADOW comparisons in the Micrometer registry it is given (never a global one):
 * {@value #READS} tagged {@code migration} and {@code path}, and {@value #SHADOW} tagged
 * {@code migration} and {@code result} ({@code match}, {@code missing}, {@code mismatch},
 * {@code error}). Tags never carry keys or values. Needs Micrometer ({@code io.micrometer:micrometer-core}).
 */
public final class MicrometerReadPathObserver implements ReadPathObserver {
  public static final String READS = "colsync.reads";
  public static final String SHADOW = "colsync.shadow.comparisons";
  public static final String FLAGS_FRESH = "colsync.flags.fresh";
  public static final String FLAG_RELOAD_FAILURES = "colsync.flags.reload.failures";

  private final MeterRegistry registry;
  private final Map<String, Counter[]> reads = new ConcurrentHashMap<>();
  private final Map<String, Counter[]> shadows = new ConcurrentHashMap<>();

  public MicrometerReadPathObserver(MeterRegistry registry) {
    if (registry == null) {
      throw new NullPointerException("registry");
    }
    this.registry = registry;
  }

  /**
   * Watches {@code flags} in {@code registry}: {@value #FLAGS_FRESH} is 1 while its flags are fresh and 0 while
   * every migration reads OLD because they could not be reloaded (alert on it); {@value #FLAG_RELOAD_FAILURES}
   * counts failed reloads.
   */
  public static void monitor(JdbcFlagSource flags, MeterRegistry registry) {
    Gauge.builder(FLAGS_FRESH, flags, source -> source.isFresh() ? 1 : 0)
        .description("1 while the read-path flags are fresh; 0 while every migration reads OLD").register(registry);
    FunctionCounter.builder(FLAG_RELOAD_FAILURES, flags, JdbcFlagSource::failures)
        .description("Reloads of the read-path flags that failed").register(registry);
  }

  @Override
  public void onRead(String migration, ReadPath path) {
    Counter[] counters = reads.get(migration);
    if (counters == null) {
      counters = reads.computeIfAbsent(migration, this::readCounters);
    }
    counters[path.ordinal()].increment();
  }

  @Override
  public void onShadow(String migration, ShadowOutcome outcome) {
    Counter[] counters = shadows.get(migration);
    if (counters == null) {
      counters = shadows.computeIfAbsent(migration, this::shadowCounters);
    }
    counters[outcome.ordinal()].increment();
  }

  private Counter[] readCounters(String migration) {
    ReadPath[] paths = ReadPath.values();
    Counter[] counters = new Counter[paths.length];
    for (ReadPath path : paths) {
      counters[path.ordinal()] = Counter.builder(READS)
          .description("Reads of a changing column, by the read path they took")
          .tag("migration", migration)
          .tag("path", path.name().toLowerCase(Locale.ROOT))
          .register(registry);
    }
    return counters;
  }

  private Counter[] shadowCounters(String migration) {
    ShadowOutcome[] outcomes = ShadowOutcome.values();
    Counter[] counters = new Counter[outcomes.length];
    for (ShadowOutcome outcome : outcomes) {
      counters[outcome.ordinal()] = Counter.builder(SHADOW)
          .description("SHADOW comparisons of the new column with the old one, by result")
          .tag("migration", migration)
          .tag("result", outcome.name().toLowerCase(Locale.ROOT))
          .register(registry);
    }
    return counters;
  }
}
