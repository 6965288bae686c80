package dev.colsync.core.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The small value rules: durations, Java names, PostgreSQL names. */
class ValueRulesTest {

  @Test
  void durationsInEachUnit() {
    assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(Durations.parse("2s")).isEqualTo(Duration.ofSeconds(2));
    assertThat(Durations.parse("1min")).isEqualTo(Duration.ofMinutes(1));
    assertThat(Durations.parse("1h")).isEqualTo(Duration.ofHours(1));
    assertThat(Durations.parse("0ms")).isEqualTo(Duration.ZERO);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "2", "2 s", "2S", "1.5s", "-1s", "1m", "1d", "s", "2s ", " 2s", "1h30min"})
  void notDurations(String text) {
    assertThatThrownBy(() -> Durations.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'" + text + "' is not a duration");
  }

  @ParameterizedTest
  @ValueSource(strings = {"com.example", "a", "com.example.users", "_x.$y", "ünïcode.pkg", "com.example.var"})
  void javaPackageNames(String name) {
    assertThat(JavaNames.packageProblem(name)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "com..example", "com.example.", ".com", "com.class", "com.true", "com._", "1com",
      "com.exa-mple", "java", "java.util.shim", "com example"})
  void notJavaPackageNames(String name) {
    assertThat(JavaNames.packageProblem(name)).isPresent();
  }

  @ParameterizedTest
  @ValueSource(strings = {"UsersShim", "Shim2", "_Shim", "Été"})
  void javaClassNames(String name) {
    assertThat(JavaNames.classProblem(name)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "class", "var", "record", "yield", "sealed", "permits", "2Shim", "Users.Shim", "null"})
  void notJavaClassNames(String name) {
    assertThat(JavaNames.classProblem(name)).isPresent();
  }

  @Test
  void identifierLengthCountsUtf8Bytes() {
    assertThat(Identifiers.problem("x".repeat(63), "the name")).isEmpty();
    assertThat(Identifiers.problem("€".repeat(21), "the name")).isEmpty();
    assertThat(Identifiers.problem("€".repeat(21) + "x", "the name")).isPresent();
    assertThat(Identifiers.problem("x".repeat(64), "the name")).isPresent();
  }
}
