package dev.colsync.core.spec;

import dev.colsync.runtime.sql.SqlLexer;
import dev.colsync.runtime.sql.SqlSyntaxException;
import dev.colsync.runtime.sql.SqlToken;
import java.util.List;
import java.util.Optional;

/**
 * Checks SQL written in a spec ({@code type}, {@code up}, {@code down}), which the generator pastes
 * into statements: it must be exactly one expression, so it may not end one statement and start
 * another. A {@code ;} inside a string, quoted identifier, dollar quote or comment is harmless.
 */
final class SqlFragmentCheck {
  private SqlFragmentCheck() {}

  /** Why {@code sql} is not a single SQL fragment, as a sentence; empty when it is. */
  static Optional<String> problem(String sql) {
    if (sql.isBlank()) {
      return Optional.of("is blank");
    }
    List<SqlToken> tokens;
    try {
      tokens = SqlLexer.tokenize(sql);
    } catch (SqlSyntaxException e) {
      String what = e.getMessage().replaceFirst(" at offset \\d+$", "");
      return Optional.of("is not complete SQL: " + what + " starting at character " + (e.offset() + 1));
    }
    for (SqlToken token : tokens) {
      if (token.is(";")) {
        return Optional.of("contains ';' at character " + (token.start() + 1)
            + "; it must be a single SQL expression, not statements");
      }
    }
    if (tokens.stream().allMatch(SqlToken::isTrivia)) {
      return Optional.of("contains only comments");
    }
    return Optional.empty();
  }
}
