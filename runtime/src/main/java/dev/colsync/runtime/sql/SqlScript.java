package dev.colsync.runtime.sql;

import java.util.ArrayList;
import java.util.List;

/** A script's statements, split at semicolons that are code (not inside strings, quotes or comments). */
public final class SqlScript {
  /** The first line that marks a script to be run statement by statement in autocommit. */
  public static final String NO_TRANSACTION_MARKER = "-- colsync:no-transaction";

  private SqlScript() {}

  /** The statements of {@code script}, each without its terminating semicolon; comment-only pieces are dropped. */
  public static List<String> statements(String script) {
    List<String> statements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean hasCode = false;
    for (SqlToken token : SqlLexer.tokenize(script)) {
      if (token.is(";")) {
        if (hasCode) {
          statements.add(current.toString().strip());
        }
        current.setLength(0);
        hasCode = false;
      } else {
        current.append(token.text());
        hasCode |= !token.isTrivia();
      }
    }
    if (hasCode) {
      statements.add(current.toString().strip());
    }
    return statements;
  }

  /** Whether the script must run outside a transaction (its first line is the marker). */
  public static boolean isNoTransaction(String script) {
    int end = script.indexOf('\n');
    String firstLine = end < 0 ? script : script.substring(0, end);
    return firstLine.stripTrailing().equals(NO_TRANSACTION_MARKER);
  }
}
