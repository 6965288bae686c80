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

  /**
   * {@code "a"::text AS colsync_key_1, …}: the key as the checkpoint writes it. The aliases keep an
   * {@code ORDER BY "a"} of the same query on the column itself, not on its text.
   */
  String asText(String prefix) {
    StringBuilder list = new StringBuilder();
    for (int i = 0; i < keys.size(); i++) {
      list.append(i == 0 ? "" : ", ").append(prefix).append(keys.get(i).quoted()).append("::text AS colsync_key_")
          .append(i + 1);
    }
    return list.toString();
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
