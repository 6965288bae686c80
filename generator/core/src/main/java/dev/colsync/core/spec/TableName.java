package dev.colsync.core.spec;

import java.util.Objects;

/** A table's schema and name, exactly as the catalog stores them (case-sensitive, unquoted). */
public record TableName(String schema, String name) {
  public TableName {
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(name, "name");
  }

  @Override
  public String toString() {
    return schema + "." + name;
  }
}
