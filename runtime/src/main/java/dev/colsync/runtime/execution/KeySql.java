package dev.colsync.runtime.execution;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/** SQL pieces over a composite key: lists, row comparisons against bind parameters, key ordering. */
final class KeySql {
  private final List<KeyColumn> keys;

  KeySql(List<KeyColumn> keys) {
    this.keys = List.copyOf(keys);
  }

  int size() {
    return keys.size();
  }

  /** {@code "a", "b"} (each prefixed with {@code prefix}, e.g. {@code b.}). */
  String columns(String prefix) {
    return join(key -> prefix + key.quoted());
  }

  /** {@code "a"::text, "b"::text}: the key as the checkpoint writes it. */
  String asText(String prefix) {
    return join(key -> prefix + key.quoted() + "::text");
  }

  /** {@code "a" DESC, "b" DESC}. */
  String descending(String prefix) {
    return join(key -> prefix + key.quoted() + " DESC");
  }

  /** {@code ("a", "b") <op> (CAST(? AS t1), CAST(? AS t2))}: binds one parameter per key column. */
  String compare(String operator) {
    return "(" + columns("") + ") " + operator + " (" + join(KeyColumn::parameter) + ")";
  }

  private String join(Function<KeyColumn, String> piece) {
    return keys.stream().map(piece).collect(Collectors.joining(", "));
  }
}
