package dev.colsync.core.spec;

import dev.colsync.runtime.sql.SqlLexer;
import dev.colsync.runtime.sql.SqlSyntaxException;
import dev.colsync.runtime.sql.SqlToken;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An object definition a spec records (as {@code pg_get_indexdef}, {@code pg_get_constraintdef},
 * {@code pg_get_triggerdef} or {@code pg_get_viewdef} print it), which the generator embeds in a
 * statement of its own: it must be exactly one definition of its kind, so it cannot end that statement
 * and start another.
 */
enum RecordedSql {
  INDEX("a CREATE INDEX statement", List.of("CREATE INDEX", "CREATE UNIQUE INDEX")),
  CONSTRAINT("a constraint definition (CHECK, UNIQUE, PRIMARY KEY, FOREIGN KEY or EXCLUDE)",
      List.of("CHECK", "UNIQUE", "PRIMARY KEY", "FOREIGN KEY", "EXCLUDE", "NOT NULL")),
  TRIGGER("a CREATE TRIGGER statement", List.of("CREATE TRIGGER", "CREATE CONSTRAINT TRIGGER")),
  VIEW("a query (SELECT, WITH, VALUES or TABLE)", List.of("SELECT", "WITH", "VALUES", "TABLE", "("));

  private final String expected;
  private final List<String> starts;

  RecordedSql(String expected, List<String> starts) {
    this.expected = expected;
    this.starts = starts;
  }

  /** Why {@code sql} is not exactly one definition of this kind, as a sentence; empty when it is. */
  Optional<String> problem(String sql) {
    Optional<String> embedding = EmbeddedText.sqlProblem(sql);
    if (embedding.isPresent()) {
      return embedding;
    }
    List<SqlToken> tokens;
    try {
      tokens = SqlLexer.tokenize(sql).stream().filter(token -> token.kind() != SqlToken.Kind.WHITESPACE).toList();
    } catch (SqlSyntaxException e) {
      return Optional.of("is not SQL that can be read: " + e.getMessage());
    }
    for (int i = 0; i < tokens.size(); i++) {
      SqlToken token = tokens.get(i);
      if (token.kind() == SqlToken.Kind.COMMENT) {
        return Optional.of("contains a comment at character " + (token.start() + 1) + "; record the definition"
            + " as the catalog prints it");
      }
      // pg_get_viewdef ends a query with ';': only there is one allowed, and only for a view.
      boolean trailingViewSemicolon = this == VIEW && i == tokens.size() - 1;
      if (token.is(";") && !trailingViewSemicolon) {
        return Optional.of("contains ';' at character " + (token.start() + 1) + "; it must be " + expected
            + ", one definition only");
      }
    }
    String words = String.join(" ", tokens.stream().limit(3).map(token -> token.text().toUpperCase(Locale.ROOT))
        .toList());
    if (starts.stream().noneMatch(start -> (words + " ").startsWith(start + " "))) {
      return Optional.of("is not " + expected);
    }
    return Optional.empty();
  }

  String expected() {
    return expected;
  }
}
