package dev.colsync.core.spec;

import java.util.Optional;

/** Reads PostgreSQL names from a spec: single names, and the {@code table} / {@code schema} pair. */
final class IdentifierReader {
  static final String DEFAULT_SCHEMA = "public";
  static final String EXPECTED_TABLE =
      "schema.table, or just table for schema public; names exactly as stored, without SQL quotes";

  private final TypedValues values;

  IdentifierReader(TypedValues values) {
    this.values = values;
  }

  Optional<String> name(YamlNode node, String subject) {
    return values.string(node, Identifiers.EXPECTED).flatMap(name -> checked(node, name, subject));
  }

  /**
   * The table from {@code table} and the optional {@code schema}. With {@code schema} the table name
   * is taken literally (it may contain dots); without it, {@code table} is split at its only dot.
   */
  Optional<TableName> table(YamlNode tableNode, Optional<YamlNode> schemaNode) {
    if (schemaNode.isPresent()) {
      Optional<String> schema = name(schemaNode.get(), "the schema name");
      Optional<String> table = name(tableNode, "the table name");
      return schema.isPresent() && table.isPresent()
          ? Optional.of(new TableName(schema.get(), table.get()))
          : Optional.empty();
    }
    return values.string(tableNode, EXPECTED_TABLE).flatMap(qualified -> split(tableNode, qualified));
  }

  private Optional<TableName> split(YamlNode node, String qualified) {
    int dot = qualified.indexOf('.');
    if (dot < 0) {
      return checked(node, qualified, "the table name").map(name -> new TableName(DEFAULT_SCHEMA, name));
    }
    if (qualified.indexOf('.', dot + 1) >= 0) {
      values.problems().report(node,
          "'" + qualified + "' has more than one dot, so the schema part is ambiguous;"
              + " give schema: and table: separately",
          "schema: <schema> and table: <table name, dots allowed> as two keys");
      return Optional.empty();
    }
    Optional<String> schema = checked(node, qualified.substring(0, dot), "the schema part of '" + qualified + "'");
    Optional<String> table = checked(node, qualified.substring(dot + 1), "the table part of '" + qualified + "'");
    return schema.isPresent() && table.isPresent()
        ? Optional.of(new TableName(schema.get(), table.get()))
        : Optional.empty();
  }

  private Optional<String> checked(YamlNode node, String name, String subject) {
    Optional<String> problem = Identifiers.problem(name, subject);
    problem.ifPresent(message -> values.problems().report(node, message, Identifiers.EXPECTED));
    return problem.isPresent() ? Optional.empty() : Optional.of(name);
  }
}
