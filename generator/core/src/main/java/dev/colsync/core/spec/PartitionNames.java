package dev.colsync.core.spec;

import dev.colsync.runtime.sql.SqlLexer;
import dev.colsync.runtime.sql.SqlSyntaxException;
import dev.colsync.runtime.sql.SqlToken;
import java.util.List;
import java.util.Optional;

/**
 * Reads a partition's name as {@code colsync scaffold} records it: SQL text as {@code regclass}
 * prints it, {@code schema.name} with each part quoted where SQL needs it ({@code public."Events 2025"}).
 */
final class PartitionNames {
  private PartitionNames() {}

  static Optional<TableName> parse(String text) {
    List<SqlToken> code;
    try {
      code = SqlLexer.tokenize(text).stream().filter(token -> !token.isTrivia()).toList();
    } catch (SqlSyntaxException e) {
      return Optional.empty();
    }
    if (code.size() == 3 && isName(code.get(0)) && code.get(1).is(".") && isName(code.get(2))) {
      return checked(code.get(0).identifier(), code.get(2).identifier());
    }
    return Optional.empty();
  }

  private static boolean isName(SqlToken token) {
    return token.kind() == SqlToken.Kind.WORD || token.kind() == SqlToken.Kind.QUOTED_IDENTIFIER;
  }

  private static Optional<TableName> checked(String schema, String name) {
    return Identifiers.problem(schema, "schema").isEmpty() && Identifiers.problem(name, "name").isEmpty()
        ? Optional.of(new TableName(schema, name))
        : Optional.empty();
  }
}
