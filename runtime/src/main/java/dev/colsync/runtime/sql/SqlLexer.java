package dev.colsync.runtime.sql;

import dev.colsync.runtime.sql.SqlToken.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits PostgreSQL SQL into tokens, following the server's lexical rules closely enough that
 * string constants, dollar quotes, quoted identifiers and (nested) comments are never mistaken for
 * code. Assumes {@code standard_conforming_strings = on} (the default since 9.1).
 */
public final class SqlLexer {
  private static final String OPERATOR_CHARS = "+-*/<>=~!@#%^&|`?";

  private final String sql;
  private int pos;

  private SqlLexer(String sql) {
    this.sql = sql;
  }

  /**
   * Every token of {@code sql}, trivia included, so that joining their texts gives {@code sql} back.
   *
   * @throws SqlSyntaxException on an unterminated string, identifier, dollar quote or comment
   */
  public static List<SqlToken> tokenize(String sql) {
    return new SqlLexer(sql).all();
  }

  private List<SqlToken> all() {
    List<SqlToken> tokens = new ArrayList<>();
    while (pos < sql.length()) {
      int start = pos;
      Kind kind = next();
      tokens.add(new SqlToken(kind, sql.substring(start, pos), start));
    }
    return tokens;
  }

  private Kind next() {
    char c = sql.charAt(pos);
    if (Character.isWhitespace(c)) {
      while (pos < sql.length() && Character.isWhitespace(sql.charAt(pos))) {
        pos++;
      }
      return Kind.WHITESPACE;
    }
    if (startsWith("--")) {
      int end = sql.indexOf('\n', pos);
      pos = end < 0 ? sql.length() : end;
      return Kind.COMMENT;
    }
    if (startsWith("/*")) {
      blockComment();
      return Kind.COMMENT;
    }
    if (c == '"') {
      quoted('"', false);
      return Kind.QUOTED_IDENTIFIER;
    }
    if (c == '\'') {
      quoted('\'', false);
      return Kind.STRING;
    }
    if (isPrefixedString()) {
      return prefixedString();
    }
    if (c == '$') {
      return dollar();
    }
    if (Character.isDigit(c) || (c == '.' && pos + 1 < sql.length() && Character.isDigit(sql.charAt(pos + 1)))) {
      number();
      return Kind.NUMBER;
    }
    if (isWordStart(c)) {
      while (pos < sql.length() && isWordPart(sql.charAt(pos))) {
        pos++;
      }
      return Kind.WORD;
    }
    if (startsWith("::")) {
      pos += 2;
      return Kind.OPERATOR;
    }
    if ("()[],;.:".indexOf(c) >= 0) {
      pos++;
      return Kind.PUNCTUATION;
    }
    if (OPERATOR_CHARS.indexOf(c) >= 0) {
      operator();
      return Kind.OPERATOR;
    }
    pos++;
    return Kind.OPERATOR;
  }

  private boolean startsWith(String text) {
    return sql.startsWith(text, pos);
  }

  private void blockComment() {
    int start = pos;
    int depth = 0;
    while (pos < sql.length()) {
      if (startsWith("/*")) {
        depth++;
        pos += 2;
      } else if (startsWith("*/")) {
        depth--;
        pos += 2;
        if (depth == 0) {
          return;
        }
      } else {
        pos++;
      }
    }
    throw new SqlSyntaxException("unterminated /* comment", start);
  }

  /** A quoted run ending at an undoubled {@code quote}; backslash escapes when {@code escapes}. */
  private void quoted(char quote, boolean escapes) {
    int start = pos;
    pos++;
    while (pos < sql.length()) {
      char c = sql.charAt(pos);
      if (escapes && c == '\\') {
        pos += 2;
      } else if (c == quote) {
        if (pos + 1 < sql.length() && sql.charAt(pos + 1) == quote) {
          pos += 2;
        } else {
          pos++;
          return;
        }
      } else {
        pos++;
      }
    }
    throw new SqlSyntaxException(
        quote == '"' ? "unterminated quoted identifier" : "unterminated string constant", start);
  }

  private boolean isPrefixedString() {
    char c = Character.toUpperCase(sql.charAt(pos));
    if ((c == 'E' || c == 'B' || c == 'X' || c == 'N') && pos + 1 < sql.length() && sql.charAt(pos + 1) == '\'') {
      return true;
    }
    return c == 'U' && pos + 2 < sql.length() && sql.charAt(pos + 1) == '&'
        && (sql.charAt(pos + 2) == '\'' || sql.charAt(pos + 2) == '"');
  }

  private Kind prefixedString() {
    char c = Character.toUpperCase(sql.charAt(pos));
    if (c == 'U') {
      pos += 2;
      boolean identifier = sql.charAt(pos) == '"';
      quoted(sql.charAt(pos), false);
      return identifier ? Kind.QUOTED_IDENTIFIER : Kind.STRING;
    }
    pos++;
    quoted('\'', c == 'E');
    return Kind.STRING;
  }

  private Kind dollar() {
    int start = pos;
    int end = pos + 1;
    if (end < sql.length() && Character.isDigit(sql.charAt(end))) {
      while (end < sql.length() && Character.isDigit(sql.charAt(end))) {
        end++;
      }
      pos = end;
      return Kind.PARAMETER;
    }
    while (end < sql.length() && isWordPart(sql.charAt(end)) && sql.charAt(end) != '$') {
      end++;
    }
    if (end >= sql.length() || sql.charAt(end) != '$') {
      pos++;
      return Kind.OPERATOR;
    }
    String tag = sql.substring(start, end + 1);
    int close = sql.indexOf(tag, end + 1);
    if (close < 0) {
      throw new SqlSyntaxException("unterminated dollar-quoted string " + tag, start);
    }
    pos = close + tag.length();
    return Kind.DOLLAR_STRING;
  }

  private void number() {
    while (pos < sql.length()) {
      char c = sql.charAt(pos);
      if (Character.isLetterOrDigit(c) || c == '_') {
        boolean exponent = (c == 'e' || c == 'E') && pos + 1 < sql.length()
            && (sql.charAt(pos + 1) == '+' || sql.charAt(pos + 1) == '-');
        pos += exponent ? 2 : 1;
      } else if (c == '.' && !startsWith("..")) {
        pos++;
      } else {
        return;
      }
    }
  }

  private void operator() {
    while (pos < sql.length() && OPERATOR_CHARS.indexOf(sql.charAt(pos)) >= 0
        && !startsWith("--") && !startsWith("/*")) {
      pos++;
    }
  }

  private static boolean isWordStart(char c) {
    return Character.isLetter(c) || c == '_' || c >= 0x80;
  }

  private static boolean isWordPart(char c) {
    return isWordStart(c) || Character.isDigit(c) || c == '$';
  }
}
