package dev.colsync.core.spec;

import java.math.BigInteger;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed YAML value that remembers where it was written: its JSON pointer, where the value
 * starts, and where the key (or list item) that holds it starts.
 */
sealed interface YamlNode permits YamlNode.Mapping, YamlNode.Sequence, YamlNode.Scalar {

  String pointer();

  /** Where the value starts. */
  SourcePosition position();

  /** Where the key holding this value starts; the value's own position for the document root. */
  SourcePosition keyPosition();

  /** A short phrase naming what this value is, for messages: {@code the string "yes please"}. */
  String describe();

  /** Where a problem with this value is reported: at its key when the value was left out. */
  default SourcePosition problemPosition() {
    return isLeftOut() ? keyPosition() : position();
  }

  /** Whether the key has no value at all ({@code key:} and nothing after it). */
  default boolean isLeftOut() {
    return this instanceof Scalar scalar && scalar.kind() == ScalarKind.NULL && scalar.text().isEmpty();
  }

  /** A mapping, its entries in file order. */
  record Mapping(String pointer, SourcePosition position, SourcePosition keyPosition, Map<String, YamlNode> entries)
      implements YamlNode {
    public Mapping {
      entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    @Override
    public String describe() {
      return "a mapping";
    }
  }

  record Sequence(String pointer, SourcePosition position, SourcePosition keyPosition, List<YamlNode> items)
      implements YamlNode {
    public Sequence {
      items = List.copyOf(items);
    }

    @Override
    public String describe() {
      return "a list";
    }
  }

  enum ScalarKind {
    STRING,
    INTEGER,
    DECIMAL,
    BOOLEAN,
    NULL
  }

  /**
   * A scalar as YAML typed it.
   *
   * @param text the scalar as written ({@code ""} for a left-out value)
   * @param integer the exact value of an {@link ScalarKind#INTEGER}, otherwise {@code null}
   */
  record Scalar(
      String pointer, SourcePosition position, SourcePosition keyPosition, ScalarKind kind, String text,
      BigInteger integer) implements YamlNode {

    @Override
    public String describe() {
      return switch (kind) {
        case STRING -> "the string \"" + text + "\"";
        case INTEGER, DECIMAL -> "the number " + text;
        case BOOLEAN -> "the boolean " + text;
        case NULL -> text.isEmpty() ? "nothing" : "null";
      };
    }
  }
}
