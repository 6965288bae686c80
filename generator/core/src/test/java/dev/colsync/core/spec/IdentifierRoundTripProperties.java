package dev.colsync.core.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/** Any name survives the trip through YAML exactly, or is refused for a PostgreSQL reason. */
class IdentifierRoundTripProperties {
  private final SpecLoader loader = new SpecLoader();

  @Property(tries = 500)
  void aColumnNameIsKeptExactlyOrRefused(@ForAll("names") String name) throws Exception {
    String yaml = SpecTexts.with("", "rename: { from: " + doubleQuoted(name) + ", to: full_name, type: text }\n");
    boolean usable = !name.isEmpty() && name.indexOf('\0') < 0
        && name.getBytes(StandardCharsets.UTF_8).length <= Identifiers.MAX_BYTES && !name.equals("full_name");

    if (usable) {
      assertThat(loader.load("spec.yaml", yaml).change().from().name()).isEqualTo(name);
    } else {
      SpecException failure = catchThrowableOfType(SpecException.class, () -> loader.load("spec.yaml", yaml));
      assertThat(failure).isNotNull();
      assertThat(failure.problems()).singleElement()
          .satisfies(problem -> assertThat(problem.pointer()).isIn("/rename/from", "/rename/to"));
    }
  }

  @Provide
  Arbitrary<String> names() {
    Arbitrary<Integer> codePoints = Arbitraries.frequencyOf(
        Tuple.of(6, Arbitraries.integers().between(0x20, 0x7E)),
        Tuple.of(2, Arbitraries.integers().between(0xA0, 0x7FF)),
        Tuple.of(1, Arbitraries.integers().between(0x800, 0xD7FF)),
        Tuple.of(1, Arbitraries.integers().between(0x10000, 0x10FFFF)),
        Tuple.of(1, Arbitraries.of(0, 9, 10, 13, 0x22, 0x5C, 0x27, 0x2E, 0x3B, 0x23, 0x3A))); // NUL, controls, "\'.;#:
    return codePoints.list().ofMaxSize(70).map(list -> {
      StringBuilder name = new StringBuilder();
      list.forEach(name::appendCodePoint);
      return name.toString();
    });
  }

  /** A YAML double-quoted scalar holding exactly {@code text}. */
  private static String doubleQuoted(String text) {
    StringBuilder quoted = new StringBuilder("\"");
    text.codePoints().forEach(c -> {
      if (c == '"' || c == '\\') {
        quoted.append('\\').appendCodePoint(c);
      } else if (c < 0x20 || c == 0x7F) {
        quoted.append(String.format("\\x%02X", c));
      } else if (c > 0xFFFF) {
        quoted.append(String.format("\\U%08X", c));
      } else {
        quoted.appendCodePoint(c);
      }
    });
    return quoted.append('"').toString();
  }
}
