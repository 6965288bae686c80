package dev.colsync.core.spec;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The keys of one YAML mapping, checked against the keys it may have. Unknown keys are reported
 * when the view is made; missing required keys when they are asked for.
 */
final class MappingFields {
  private final YamlNode.Mapping mapping;
  private final Problems problems;

  private MappingFields(YamlNode.Mapping mapping, Problems problems) {
    this.mapping = mapping;
    this.problems = problems;
  }

  static MappingFields of(YamlNode.Mapping mapping, Problems problems, List<String> allowedKeys) {
    mapping.entries().forEach((key, value) -> {
      if (!allowedKeys.contains(key)) {
        problems.reportAtKey(value, "unknown key '" + key + "'", "one of: " + String.join(", ", allowedKeys));
      }
    });
    return new MappingFields(mapping, problems);
  }

  YamlNode.Mapping mapping() {
    return mapping;
  }

  boolean has(String key) {
    return mapping.entries().containsKey(key);
  }

  Optional<YamlNode> node(String key) {
    return Optional.ofNullable(mapping.entries().get(key));
  }

  /** The key's value read by {@code reader}; a missing key is reported at the mapping. */
  <T> Optional<T> required(String key, String expected, Function<YamlNode, Optional<T>> reader) {
    YamlNode value = mapping.entries().get(key);
    if (value == null) {
      problems.reportAt(mapping.keyPosition(), mapping.pointer() + "/" + YamlTreeReader.escapePointerSegment(key),
          "missing required key '" + key + "'", expected);
      return Optional.empty();
    }
    return reader.apply(value);
  }

  /** The key's value read by {@code reader}, or {@code defaultValue} when the key is absent. */
  <T> Optional<T> optional(String key, T defaultValue, Function<YamlNode, Optional<T>> reader) {
    YamlNode value = mapping.entries().get(key);
    return value == null ? Optional.of(defaultValue) : reader.apply(value);
  }
}
