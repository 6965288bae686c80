package dev.colsync.runtime.shim;

import dev.colsync.runtime.flag.ReadPath;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counts reads by path and SHADOW outcomes by result, per migration, in memory. */
public final class ReadPathCounts implements ReadPathObserver {
  private static final int PATHS = ReadPath.values().length;
  private static final int OUTCOMES = ShadowOutcome.values().length;

  private final Map<String, LongAdder[]> reads = new ConcurrentHashMap<>();
  private final Map<String, LongAdder[]> shadows = new ConcurrentHashMap<>();

  @Override
  public void onRead(String migration, ReadPath path) {
    counters(reads, migration, PATHS)[path.ordinal()].increment();
  }

  @Override
  public void onShadow(String migration, ShadowOutcome outcome) {
    counters(shadows, migration, OUTCOMES)[outcome.ordinal()].increment();
  }

  /** Reads of {@code migration} made on {@code path}. */
  public long reads(String migration, ReadPath path) {
    LongAdder[] counters = reads.get(migration);
    return counters == null ? 0 : counters[path.ordinal()].sum();
  }

  /** SHADOW comparisons of {@code migration} that came out as {@code outcome}. */
  public long shadows(String migration, ShadowOutcome outcome) {
    LongAdder[] counters = shadows.get(migration);
    return counters == null ? 0 : counters[outcome.ordinal()].sum();
  }

  private static LongAdder[] counters(Map<String, LongAdder[]> byMigration, String migration, int size) {
    LongAdder[] counters = byMigration.get(migration);
    if (counters == null) {
      counters = byMigration.computeIfAbsent(migration, m -> {
        LongAdder[] created = new LongAdder[size];
        for (int i = 0; i < size; i++) {
          created[i] = new LongAdder();
        }
        return created;
      });
    }
    return counters;
  }
}
