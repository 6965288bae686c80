package dev.colsync.runtime.shim;

import dev.colsync.runtime.flag.ReadPath;
import io.micrometer.core.instrument.Counter;
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

  private final MeterRegistry registry;
  private final Map<String, Counter[]> reads = new ConcurrentHashMap<>();
  private final Map<String, Counter[]> shadows = new ConcurrentHashMap<>();

  public MicrometerReadPathObserver(MeterRegistry registry) {
    if (registry == null) {
      throw new NullPointerException("registry");
    }
    this.registry = registry;
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
