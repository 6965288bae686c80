package dev.colsync.runtime.sql;

/**
 * One lexical token of PostgreSQL SQL.
 *
 * @param kind what the token is
 * @param text the token exactly as written
 * @param start offset of the token's first character in the source
 */
public record SqlToken(Kind kind, String text, int start) {

  /** Token kinds; enough to tell identifiers from everything that merely looks like one. */
  public enum Kind {
    WHITESPACE,
    /** {@code -- …} or a (nested) block comment. */
    COMMENT,
    /** An unquoted identifier or key word. */
    WORD,
    /** A {@code "quoted identifier"}. */
    QUOTED_IDENTIFIER,
    /** A string constant: {@code '…'}, {@code E'…'}, {@code B'…'}, {@code X'…'}, {@code U&'…'}. */
    STRING,
    /** A dollar-quoted string constant. */
    DOLLAR_STRING,
    NUMBER,
    /** A positional parameter such as {@code $1}. */
    PARAMETER,
    /** An operator, including {@code ::}. */
    OPERATOR,
    /** One of {@code ( ) [ ] , ; . :}. */
    PUNCTUATION
  }

  /** Whether this token is whitespace or a comment. */
  public boolean isTrivia() {
    return kind == Kind.WHITESPACE || kind == Kind.COMMENT;
  }

  /**
   * The identifier this token names, as the catalog would store it: an unquoted word folded to
   * lower case, a quoted identifier with its quotes removed; {@code null} for other kinds.
   */
  public String identifier() {
    if (kind == Kind.WORD) {
      return SqlIdentifiers.foldUnquoted(text);
    }
    if (kind == Kind.QUOTED_IDENTIFIER) {
      return text.substring(1, text.length() - 1).replace("\"\"", "\"");
    }
    return null;
  }

  /** Whether this token is the given key word (case-insensitive, unquoted only). */
  public boolean isKeyword(String keyword) {
    return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
  }

  /** Whether this token is the given punctuation or operator text. */
  public boolean is(String symbol) {
    return (kind == Kind.PUNCTUATION || kind == Kind.OPERATOR) && text.equals(symbol);
  }
}
