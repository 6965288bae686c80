package dev.colsync.runtime.sql;

import java.util.Locale;

/** Quoting of identifiers and literals for generated SQL; the only place SQL text is escaped. */
public final class SqlIdentifiers {
  private SqlIdentifiers() {}

  /** {@code "name"} with embedded double quotes doubled: safe for any identifier. */
  public static String quote(String identifier) {
    if (identifier.isEmpty() || identifier.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("not an identifier: empty or contains NUL");
    }
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  /** {@code "schema"."name"}. */
  public static String qualified(String schema, String name) {
    return quote(schema) + '.' + quote(name);
  }

  /**
   * A standard-conforming string literal ({@code 'it''s'}). Used only for catalog look-ups of
   * names colsync generates and for fixed settings, never for data.
   */
  public static String literal(String value) {
    if (value.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("a string literal cannot contain NUL");
    }
    return '\'' + value.replace("'", "''") + '\'';
  }

  /** How PostgreSQL folds an unquoted identifier: ASCII letters to lower case, nothing else. */
  public static String foldUnquoted(String word) {
    StringBuilder folded = new StringBuilder(word.length());
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      folded.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
    }
    return folded.toString();
  }

  /** Whether {@code word} reads the same unquoted: lower-case letters, digits, underscores, not a key word. */
  public static boolean isPlain(String word) {
    if (word.isEmpty() || !(Character.isLowerCase(word.charAt(0)) || word.charAt(0) == '_')) {
      return false;
    }
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) {
        return false;
      }
    }
    return !ReservedWords.contains(word.toLowerCase(Locale.ROOT));
  }
}
