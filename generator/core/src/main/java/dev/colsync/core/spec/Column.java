package dev.colsync.core.spec;

import java.util.Objects;

/**
 * A column's exact name and its SQL type as written in the spec.
 *
 * @param name the exact column name (case-sensitive, unquoted)
 * @param type an SQL type expression, for example {@code numeric(12,2)}
 */
public record Column(String name, String type) {
  public Column {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
  }
}
