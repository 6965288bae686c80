package dev.colsync.runtime.flag;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The fixed, in-memory and system-property / environment sources. */
class SimpleFlagSourcesTest {

  @Test
  void aFixedSourceAnswersTheSameForEveryMigration() {
    FlagSource flags = FlagSource.fixed(ReadPath.SHADOW);

    assertThat(flags.readPath("users_full_name")).isEqualTo(ReadPath.SHADOW);
    assertThat(flags.readPath("anything")).isEqualTo(ReadPath.SHADOW);
  }

  @Test
  void inMemoryFlagsAreSetPerMigrationAndReadOldOtherwise() {
    InMemoryFlagSource flags = new InMemoryFlagSource().set("a", ReadPath.NEW);

    assertThat(flags.readPath("a")).isEqualTo(ReadPath.NEW);
    assertThat(flags.readPath("b")).isEqualTo(ReadPath.OLD);
    assertThat(flags.readPath(null)).isEqualTo(ReadPath.OLD);

    flags.set("a", ReadPath.SHADOW);
    assertThat(flags.readPath("a")).isEqualTo(ReadPath.SHADOW);
    flags.clear("a");
    assertThat(flags.readPath("a")).isEqualTo(ReadPath.OLD);
  }

  @Test
  void aSystemPropertyComesBeforeTheEnvironmentVariable() {
    Map<String, String> properties = Map.of("colsync.read-path.users_full_name", "shadow");
    Map<String, String> environment = Map.of(
        "COLSYNC_READ_PATH_USERS_FULL_NAME", "NEW", "COLSYNC_READ_PATH_ORDERS_AMOUNT_CENTS", "NEW");
    SystemFlagSource flags = new SystemFlagSource(properties::get, environment::get);

    assertThat(flags.readPath("users_full_name")).isEqualTo(ReadPath.SHADOW);
    assertThat(flags.readPath("orders_amount_cents")).isEqualTo(ReadPath.NEW);
    assertThat(flags.readPath("events_created_at_tz")).isEqualTo(ReadPath.OLD);
  }

  @Test
  void anUnknownOrBrokenSystemValueReadsOld() {
    Map<String, String> properties = Map.of("colsync.read-path.a", "NEWEST");
    SystemFlagSource unknown = new SystemFlagSource(properties::get, name -> null);
    SystemFlagSource broken = new SystemFlagSource(name -> {
      throw new SecurityException("no access");
    }, name -> null);

    assertThat(unknown.readPath("a")).isEqualTo(ReadPath.OLD);
    assertThat(broken.readPath("a")).isEqualTo(ReadPath.OLD);
  }

  @Test
  void theDefaultSystemSourceSeesAPropertySetAtRuntime() {
    String property = SystemFlagSource.propertyName("colsync_runtime_property_test");
    SystemFlagSource flags = new SystemFlagSource();
    try {
      assertThat(flags.readPath("colsync_runtime_property_test")).isEqualTo(ReadPath.OLD);
      System.setProperty(property, "NEW");
      assertThat(flags.readPath("colsync_runtime_property_test")).isEqualTo(ReadPath.NEW);
    } finally {
      System.clearProperty(property);
    }
    assertThat(SystemFlagSource.variableName("users_full_name")).isEqualTo("COLSYNC_READ_PATH_USERS_FULL_NAME");
  }
}
