package dev.colsync.core.spec;

import dev.colsync.runtime.sql.SqlLexer;
import dev.colsync.runtime.sql.SqlSyntaxException;
import dev.colsync.runtime.sql.SqlToken;
import java.util.List;
import java.util.Optional;

/**
 * What no spec text may carry, wherever the generator embeds it, because a runner reads the generated
 * file before PostgreSQL does: Flyway and Liquibase replace {@code ${…}} placeholders anywhere in a
 * script; Liquibase reads a line starting with {@code --} as a changelog directive ({@code --rollback},
 * {@code --changeset}) even inside a string; psql runs a backslash outside a string as a meta-command
 * ({@code \!} runs a shell command). Names additionally may not hold a line break or other control
 * character.
 */
final class EmbeddedText {
  private EmbeddedText() {}

  /** Why {@code name} cannot be embedded in generated scripts; empty when it can. */
  static Optional<String> nameProblem(String name, String subject) {
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isISOControl(c)) {
        return Optional.of(subject + " contains the control character U+%04X at character %d, which would break the"
            .formatted((int) c, i + 1) + " generated scripts' lines");
      }
    }
    return placeholder(name).map(at -> subject + " contains '${' at character " + at
        + ", which Flyway and Liquibase replace as a placeholder");
  }

  /** Why text a spec gives for a string constant (a comment) cannot be embedded; empty when it can. */
  static Optional<String> literalProblem(String text) {
    Optional<Integer> placeholder = placeholder(text);
    if (placeholder.isPresent()) {
      return Optional.of("contains '${' at character " + placeholder.get()
          + ", which Flyway and Liquibase replace as a placeholder");
    }
    String[] lines = text.split("\r\n|\r|\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].stripLeading().startsWith("--")) {
        return Optional.of("has a line starting with '--' (line " + (i + 1) + "), which Liquibase reads as a"
            + " changelog directive even inside a string");
      }
    }
    return Optional.empty();
  }

  /** Why SQL text from a spec cannot be embedded in generated scripts; empty when it can. */
  static Optional<String> sqlProblem(String sql) {
    Optional<String> inAnyString = literalProblem(sql);
    if (inAnyString.isPresent()) {
      return inAnyString;
    }
    List<SqlToken> tokens;
    try {
      tokens = SqlLexer.tokenize(sql);
    } catch (SqlSyntaxException e) {
      return Optional.empty(); // the caller's own check reports unreadable SQL
    }
    for (SqlToken token : tokens) {
      boolean literal = token.kind() == SqlToken.Kind.STRING || token.kind() == SqlToken.Kind.DOLLAR_STRING
          || token.kind() == SqlToken.Kind.QUOTED_IDENTIFIER;
      int backslash = token.text().indexOf('\\');
      if (!literal && backslash >= 0) {
        return Optional.of("contains a backslash outside a string at character " + (token.start() + backslash + 1)
            + ", which psql runs as a meta-command");
      }
    }
    return Optional.empty();
  }

  private static Optional<Integer> placeholder(String text) {
    int at = text.indexOf("${");
    return at < 0 ? Optional.empty() : Optional.of(at + 1);
  }
}
