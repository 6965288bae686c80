package dev.colsync.core.spec;

import dev.colsync.runtime.sql.SqlLexer;
import dev.colsync.runtime.sql.SqlSyntaxException;
import dev.colsync.runtime.sql.SqlToken;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Checks SQL written in a spec ({@code type}, {@code up}, {@code down}), which the generator pastes
 * into statements, usually wrapped in parentheses. It must stay one expression wherever it is
 * pasted: no {@code ;} ending one statement and starting another, no parenthesis closing what the
 * fragment did not open, and no {@code --} comment, which would swallow the rest of the generated
 * line. A {@code ;} inside a string, quoted identifier, dollar quote or block comment is harmless.
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
    Deque<SqlToken> open = new ArrayDeque<>();
    for (SqlToken token : tokens) {
      String at = " at character " + (token.start() + 1);
      if (token.is(";")) {
        return Optional.of("contains ';'" + at + "; it must be a single SQL expression, not statements");
      }
      if (token.kind() == SqlToken.Kind.COMMENT && token.text().startsWith("--")) {
        return Optional.of("contains a -- comment" + at
            + ", which would swallow the rest of the generated line; use /* ... */ instead");
      }
      if (token.is("(") || token.is("[")) {
        open.push(token);
      } else if (token.is(")") || token.is("]")) {
        String opening = token.is(")") ? "(" : "[";
        if (open.isEmpty() || !open.pop().is(opening)) {
          return Optional.of("has a '" + token.text() + "'" + at + " that closes nothing it opened");
        }
      }
    }
    if (!open.isEmpty()) {
      return Optional.of("has a '" + open.peek().text() + "' at character " + (open.peek().start() + 1)
          + " that is never closed");
    }
    if (tokens.stream().allMatch(SqlToken::isTrivia)) {
      return Optional.of("contains only comments");
    }
    return EmbeddedText.sqlProblem(sql);
  }
}
