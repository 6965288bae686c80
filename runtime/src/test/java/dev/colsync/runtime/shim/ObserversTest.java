package dev.colsync.runtime.shim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.colsync.runtime.flag.ReadPath;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ObserversTest {

  @Test
  void micrometerCountsReadsByMigrationAndPathAndShadowsByResult() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    MicrometerReadPathObserver observer = new MicrometerReadPathObserver(registry);

    observer.onRead("users_full_name", ReadPath.SHADOW);
    observer.onRead("users_full_name", ReadPath.SHADOW);
    observer.onRead("users_full_name", ReadPath.NEW);
    observer.onRead("orders_amount_cents", ReadPath.OLD);
    observer.onShadow("users_full_name", ShadowOutcome.MISSING);
    observer.onShadow("users_full_name", ShadowOutcome.MATCH);

    assertThat(registry.get("colsync.reads").tags("migration", "users_full_name", "path", "shadow").counter().count())
        .isEqualTo(2);
    assertThat(registry.get("colsync.reads").tags("migration", "users_full_name", "path", "new").counter().count())
        .isEqualTo(1);
    assertThat(registry.get("colsync.reads").tags("migration", "orders_amount_cents", "path", "old").counter().count())
        .isEqualTo(1);
    assertThat(registry.get("colsync.shadow.comparisons").tags("migration", "users_full_name", "result", "missing")
        .counter().count()).isEqualTo(1);
    assertThat(registry.get("colsync.shadow.comparisons").tags("migration", "users_full_name", "result", "mismatch")
        .counter().count()).isZero();
  }

  @Test
  void micrometerTagsAreOnlyMigrationAndPathOrResult() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    MicrometerReadPathObserver observer = new MicrometerReadPathObserver(registry);
    observer.onRead("m", ReadPath.OLD);
    observer.onShadow("m", ShadowOutcome.ERROR);

    List<String> tagKeys = new ArrayList<>();
    for (Meter meter : registry.getMeters()) {
      meter.getId().getTags().forEach(tag -> tagKeys.add(meter.getId().getName() + ":" + tag.getKey()));
    }
    assertThat(tagKeys).containsOnly("colsync.reads:migration", "colsync.reads:path",
        "colsync.shadow.comparisons:migration", "colsync.shadow.comparisons:result");
  }

  @Test
  void countsAreKeptPerMigrationAndBothObserversAreTold() {
    ReadPathCounts first = new ReadPathCounts();
    ReadPathCounts second = new ReadPathCounts();
    ReadPathObserver both = ReadPathObserver.both(first, second);

    both.onRead("a", ReadPath.OLD);
    both.onShadow("a", ShadowOutcome.MISMATCH);
    both.onShadow("b", ShadowOutcome.MISMATCH);

    for (ReadPathCounts counts : List.of(first, second)) {
      assertThat(counts.reads("a", ReadPath.OLD)).isEqualTo(1);
      assertThat(counts.reads("a", ReadPath.NEW)).isZero();
      assertThat(counts.reads("c", ReadPath.OLD)).isZero();
      assertThat(counts.shadows("a", ShadowOutcome.MISMATCH)).isEqualTo(1);
      assertThat(counts.shadows("b", ShadowOutcome.MISMATCH)).isEqualTo(1);
    }
  }

  @Test
  void theComparisonCodesMapBackToTheirOutcomes() {
    assertThat(ShadowOutcome.ofCode(0)).isEqualTo(ShadowOutcome.MATCH);
    assertThat(ShadowOutcome.ofCode(1)).isEqualTo(ShadowOutcome.MISSING);
    assertThat(ShadowOutcome.ofCode(2)).isEqualTo(ShadowOutcome.MISMATCH);
    assertThat(ShadowOutcome.ofCode(3)).isEqualTo(ShadowOutcome.ERROR);
    assertThat(ShadowOutcome.ofCode(-1)).isEqualTo(ShadowOutcome.ERROR);
    assertThat(ShadowOutcome.comparisonSql("\"b\"", "(\"a\")"))
        .isEqualTo("CASE WHEN \"b\" IS NOT DISTINCT FROM (\"a\") THEN 0 WHEN \"b\" IS NULL THEN 1 ELSE 2 END");
  }
}
