package dev.colsync.runtime.execution;

import dev.colsync.runtime.sql.SqlLexer;
import dev.colsync.runtime.sql.SqlToken;
import java.util.List;
import java.util.Optional;

/**
 * A {@code CREATE [UNIQUE] INDEX CONCURRENTLY [IF NOT EXISTS] name ON [ONLY] table …} statement: the
 * index's name and the table as written. An index build of that kind that fails leaves an INVALID index
 * behind, which a rerun must drop first.
 *
 * @param index the index's name as the catalog stores it
 * @param table the table as written in the statement (quoted or not, qualified or not)
 */
record IndexBuild(String index, String table) {

  static Optional<IndexBuild> parse(String statement) {
    List<SqlToken> tokens = SqlLexer.tokenize(statement).stream().filter(token -> !token.isTrivia()).toList();
    Cursor cursor = new Cursor(tokens);
    if (!cursor.keyword("CREATE")) {
      return Optional.empty();
    }
    cursor.keyword("UNIQUE");
    if (!cursor.keyword("INDEX") || !cursor.keyword("CONCURRENTLY")) {
      return Optional.empty();
    }
    if (cursor.keyword("IF")) {
      if (!cursor.keyword("NOT") || !cursor.keyword("EXISTS")) {
        return Optional.empty();
      }
    }
    if (cursor.peekKeyword("ON")) {
      return Optional.empty(); // no name: PostgreSQL picks a fresh one, nothing can be left in the way
    }
    String index = cursor.identifier();
    if (index == null || !cursor.keyword("ON")) {
      return Optional.empty();
    }
    cursor.keyword("ONLY");
    StringBuilder table = new StringBuilder();
    String part = cursor.identifierText();
    if (part == null) {
      return Optional.empty();
    }
    table.append(part);
    while (cursor.symbol(".")) {
      String next = cursor.identifierText();
      if (next == null) {
        return Optional.empty();
      }
      table.append('.').append(next);
    }
    return Optional.of(new IndexBuild(index, table.toString()));
  }

  /** Reads significant tokens front to back. */
  private static final class Cursor {
    private final List<SqlToken> tokens;
    private int next;

    Cursor(List<SqlToken> tokens) {
      this.tokens = tokens;
    }

    boolean keyword(String word) {
      if (peekKeyword(word)) {
        next++;
        return true;
      }
      return false;
    }

    boolean peekKeyword(String word) {
      return next < tokens.size() && tokens.get(next).isKeyword(word);
    }

    boolean symbol(String symbol) {
      if (next < tokens.size() && tokens.get(next).is(symbol)) {
        next++;
        return true;
      }
      return false;
    }

    /** The catalog name of the next token, if it is an identifier. */
    String identifier() {
      if (next < tokens.size() && tokens.get(next).identifier() != null) {
        return tokens.get(next++).identifier();
      }
      return null;
    }

    /** The next identifier as written, quotes kept. */
    String identifierText() {
      if (next < tokens.size() && tokens.get(next).identifier() != null) {
        return tokens.get(next++).text();
      }
      return null;
    }
  }
}
