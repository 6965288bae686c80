package dev.colsync.runtime.shim;

import static dev.colsync.runtime.flag.Allocations.NEARLY_NOTHING;
import static dev.colsync.runtime.flag.Allocations.bytesAllocatedBy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.colsync.runtime.flag.FlagSource;
import dev.colsync.runtime.flag.InMemoryFlagSource;
import dev.colsync.runtime.flag.ReadPath;
import dev.colsync.runtime.flag.SystemFlagSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Evaluating a flag, and counting the read, allocates nothing: measured with the JVM's per-thread
 * allocation counter over many calls, so even one small object per call would show.
 */
class HotPathAllocationTest {

  @Test
  void flagSourcesAllocateNothingPerRead() {
    InMemoryFlagSource memory = new InMemoryFlagSource().set("users_full_name", ReadPath.NEW);
    Map<String, String> properties = Map.of("colsync.read-path.users_full_name", "SHADOW");
    SystemFlagSource system = new SystemFlagSource(properties::get, name -> "NEW");
    FlagSource fixed = FlagSource.fixed(ReadPath.OLD);

    assertThat(bytesAllocatedBy(() -> memory.readPath("users_full_name"))).isLessThan(NEARLY_NOTHING);
    assertThat(bytesAllocatedBy(() -> system.readPath("users_full_name"))).isLessThan(NEARLY_NOTHING);
    assertThat(bytesAllocatedBy(() -> system.readPath("orders_amount_cents"))).isLessThan(NEARLY_NOTHING);
    assertThat(bytesAllocatedBy(() -> fixed.readPath("m"))).isLessThan(NEARLY_NOTHING);
  }

  @Test
  void aShimsReadPathWithCountsOrMetricsAllocatesNothing() {
    InMemoryFlagSource flags = new InMemoryFlagSource().set("users_full_name", ReadPath.SHADOW);
    LogicalColumn<String> counted = new LogicalColumn<>("users_full_name", ColumnType.TEXT, false,
        ShimOptions.of(flags).observedBy(new ReadPathCounts()));
    LogicalColumn<String> metered = new LogicalColumn<>("users_full_name", ColumnType.TEXT, false,
        ShimOptions.of(flags).observedBy(new MicrometerReadPathObserver(new SimpleMeterRegistry())));

    assertThat(bytesAllocatedBy(counted::readPath)).isLessThan(NEARLY_NOTHING);
    assertThat(bytesAllocatedBy(metered::readPath)).isLessThan(NEARLY_NOTHING);
    assertThat(bytesAllocatedBy(counted::writePath)).isLessThan(NEARLY_NOTHING);
  }
}
