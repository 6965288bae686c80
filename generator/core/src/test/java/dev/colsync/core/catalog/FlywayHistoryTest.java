package dev.colsync.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.colsync.core.spec.FlywayVersions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FlywayHistoryTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "1,2,3                 | 3          | 4",
      "1,10,9                | 10         | 11",
      "1.1,1.10,1.9          | 1.10       | 1.11",
      "2026.11.1,2026.2.30   | 2026.11.1  | 2026.11.2",
      "3,4.07,4.01           | 4.07       | 4.08",
      "1_5,1_12              | 1_12       | 1_13",
      "1,2.0,2               | 2.0        | 2.1",
  })
  void theNextVersionComesAfterEveryAppliedOne(String applied, String latest, String next) {
    FlywayHistory history = new FlywayHistory(List.of(applied.split(",")));

    assertThat(history.latest()).hasValueSatisfying(value -> assertThat(FlywayVersions.ORDER.compare(value, latest))
        .isZero());
    assertThat(history.next()).isEqualTo(next);
    assertThat(List.of(applied.split(","))).allSatisfy(version ->
        assertThat(FlywayVersions.ORDER.compare(next + ".01", version)).isPositive());
  }

  @Test
  void anEmptyHistoryStartsAtOne() {
    assertThat(new FlywayHistory(List.of()).next()).isEqualTo("1");
  }

  @Test
  void scriptsBelowTheLatestAppliedVersionAreRefusedUnlessTheirOwnAreAppliedAlready() {
    FlywayHistory history = new FlywayHistory(List.of("1", "2", "3", "3.01", "3.02", "4"));

    assertThat(history.refusesScriptsAt("1")).isTrue();
    assertThat(history.refusesScriptsAt("2.5")).isTrue();
    assertThat(history.refusesScriptsAt("3")).isFalse();
    assertThat(history.refusesScriptsAt("4")).isFalse();
    assertThat(history.refusesScriptsAt("5")).isFalse();
  }
}
