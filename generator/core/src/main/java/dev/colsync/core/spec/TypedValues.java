package dev.colsync.core.spec;

import dev.colsync.core.spec.YamlNode.Scalar;
import dev.colsync.core.spec.YamlNode.ScalarKind;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads YAML values as the type a key needs, reporting a located problem (and returning empty)
 * when the value has another type.
 */
final class TypedValues {
  private final Problems problems;

  TypedValues(Problems problems) {
    this.problems = problems;
  }

  Problems problems() {
    return problems;
  }

  Optional<YamlNode.Mapping> mapping(YamlNode node, String expected) {
    if (node instanceof YamlNode.Mapping mapping) {
      return Optional.of(mapping);
    }
    wrongType(node, "a mapping", expected);
    return Optional.empty();
  }

  Optional<YamlNode.Sequence> sequence(YamlNode node, String expected) {
    if (node instanceof YamlNode.Sequence sequence) {
      return Optional.of(sequence);
    }
    wrongType(node, "a list", expected);
    return Optional.empty();
  }

  /** A YAML string; other scalars are refused (with a hint to quote them) rather than converted. */
  Optional<String> string(YamlNode node, String expected) {
    if (node instanceof Scalar scalar && scalar.kind() == ScalarKind.STRING) {
      return Optional.of(scalar.text());
    }
    if (node instanceof Scalar scalar && !node.isLeftOut()) {
      problems.report(node,
          "must be a string, not " + node.describe() + "; write \"" + scalar.text() + "\" in quotes to use it as text",
          expected);
    } else {
      wrongType(node, "a string", expected);
    }
    return Optional.empty();
  }

  Optional<Boolean> bool(YamlNode node) {
    if (node instanceof Scalar scalar && scalar.kind() == ScalarKind.BOOLEAN) {
      return Optional.of(Boolean.parseBoolean(scalar.text().toLowerCase(Locale.ROOT)));
    }
    wrongType(node, "a boolean", "true or false");
    return Optional.empty();
  }

  Optional<Integer> integer(YamlNode node, int min, int max, String expected) {
    if (!(node instanceof Scalar scalar && scalar.kind() == ScalarKind.INTEGER)) {
      wrongType(node, "a whole number", expected);
      return Optional.empty();
    }
    BigInteger value = scalar.integer();
    if (value.compareTo(BigInteger.valueOf(min)) < 0 || value.compareTo(BigInteger.valueOf(max)) > 0) {
      problems.report(node, value + " is out of range", expected);
      return Optional.empty();
    }
    return Optional.of(value.intValueExact());
  }

  private void wrongType(YamlNode node, String wanted, String expected) {
    String message = node.isLeftOut() ? "has no value" : "must be " + wanted + ", not " + node.describe();
    problems.report(node, message, expected);
  }
}
