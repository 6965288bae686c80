package dev.colsync.runtime.execution;

import dev.colsync.runtime.sql.SqlIdentifiers;
import java.util.Objects;

/**
 * A schema-qualified catalog name, exactly as the catalog stores it (case-sensitive, unquoted).
 *
 * @param schema the schema
 * @param name the object's name within it
 */
public record QualifiedName(String schema, String name) {
  public QualifiedName {
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(name, "name");
  }

  /** {@code "schema"."name"}: safe to put into SQL. */
  public String quoted() {
    return SqlIdentifiers.qualified(schema, name);
  }

  @Override
  public String toString() {
    return schema + "." + name;
  }
}
