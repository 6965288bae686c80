package dev.colsync.core.plan;

import dev.colsync.runtime.sql.SqlLexer;
import dev.colsync.runtime.sql.SqlToken;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rewrites references to columns in an SQL expression, token by token. Only identifier tokens that
 * are column references change: string constants, comments, function names ({@code subpath(…)}),
 * qualified names, type names after {@code ::} or {@code AS}, and type names of typed literals
 * ({@code date '…'}) stay exactly as written.
 */
public final class ColumnReferences {
  private static final Set<String> RESERVED_HERE = Set.of(
      "and", "or", "not", "null", "true", "false", "is", "in", "like", "ilike", "similar", "between",
      "case", "when", "then", "else", "end", "cast", "as", "at", "distinct", "from", "array",
      "current_date", "current_time", "current_timestamp", "localtime", "localtimestamp",
      "current_user", "session_user", "user", "collate", "any", "all", "some", "with", "without");

  /** Unquoted words after which an operand (possibly a column) may follow. */
  private static final Set<String> KEYWORDS_BEFORE_OPERANDS = Set.of(
      "and", "or", "not", "is", "in", "like", "ilike", "similar", "between", "case", "when", "then", "else",
      "distinct", "from", "any", "all", "some", "by", "where", "select", "on", "using", "having", "returning",
      "over", "partition", "order", "group", "exists", "escape", "to", "for", "filter", "within", "null",
      "nulls", "desc", "asc", "first", "last", "interval", "both", "leading", "trailing", "overlaps", "isnull",
      "notnull", "operator", "array", "row", "values", "limit", "offset", "join", "lateral", "only", "with",
      "zone", "at", "cast", "as", "end");

  private ColumnReferences() {}

  /**
   * {@code expression} with each reference to a column named in {@code replacements} (exact
   * catalog names) replaced by that column's replacement SQL.
   */
  public static String rewrite(String expression, Map<String, String> replacements) {
    List<SqlToken> tokens = SqlLexer.tokenize(expression);
    StringBuilder out = new StringBuilder(expression.length() + 16);
    for (int i = 0; i < tokens.size(); i++) {
      SqlToken token = tokens.get(i);
      String replacement = isColumnReference(tokens, i) ? replacements.get(token.identifier()) : null;
      out.append(replacement != null ? replacement : token.text());
    }
    return out.toString();
  }

  /** Whether {@code expression} refers to the column {@code name} anywhere. */
  public static boolean refersTo(String expression, String name) {
    List<SqlToken> tokens = SqlLexer.tokenize(expression);
    for (int i = 0; i < tokens.size(); i++) {
      if (isColumnReference(tokens, i) && name.equals(tokens.get(i).identifier())) {
        return true;
      }
    }
    return false;
  }

  /** The exact catalog names of every column {@code expression} refers to, in order of first use. */
  public static Set<String> referencedColumns(String expression) {
    List<SqlToken> tokens = SqlLexer.tokenize(expression);
    Set<String> columns = new java.util.LinkedHashSet<>();
    for (int i = 0; i < tokens.size(); i++) {
      if (isColumnReference(tokens, i)) {
        columns.add(tokens.get(i).identifier());
      }
    }
    return columns;
  }

  static boolean isColumnReference(List<SqlToken> tokens, int i) {
    SqlToken token = tokens.get(i);
    if (token.identifier() == null) {
      return false;
    }
    boolean quoted = token.kind() == SqlToken.Kind.QUOTED_IDENTIFIER;
    if (!quoted && RESERVED_HERE.contains(token.identifier())) {
      return false;
    }
    SqlToken previous = neighbour(tokens, i, -1);
    SqlToken next = neighbour(tokens, i, +1);
    if (next != null && (next.is("(") || next.is("."))) {
      return false; // a function name, or the qualifier of a qualified name
    }
    if (previous != null && (previous.is(".") || previous.is("::") || previous.isKeyword("as"))) {
      return false; // the last part of a qualified name, or a type name
    }
    if (!quoted && next != null && next.kind() == SqlToken.Kind.STRING) {
      return false; // the type of a typed literal: date '2024-01-01'
    }
    if (!quoted && isPartOfTypePhrase(token.identifier(), previous, next)) {
      return false; // part of a multi-word type: with time zone, character varying, double precision
    }
    if (next != null && next.is("=>")) {
      return false; // the name of a named argument: make_interval(secs => …)
    }
    if (previous != null && previous.isKeyword("collate")) {
      return false; // a collation name
    }
    if (!quoted && previous != null && followsAnOperand(previous)) {
      return false; // an operator class or an alias: ("Path" text_pattern_ops), lower(x) AS-less alias
    }
    return true;
  }

  /** Whether {@code previous} ends an operand, so that a bare word after it cannot be another operand. */
  static boolean followsAnOperand(SqlToken previous) {
    if (previous.is(")")) {
      return true;
    }
    return previous.identifier() != null
        && (previous.kind() == SqlToken.Kind.QUOTED_IDENTIFIER || !KEYWORDS_BEFORE_OPERANDS.contains(previous.identifier()));
  }

  private static boolean isPartOfTypePhrase(String word, SqlToken previous, SqlToken next) {
    return switch (word) {
      case "time" -> previous != null && (previous.isKeyword("at") || previous.isKeyword("with")
          || previous.isKeyword("without")) && next != null && next.isKeyword("zone");
      case "zone" -> previous != null && previous.isKeyword("time");
      case "varying" -> previous != null && (previous.isKeyword("character") || previous.isKeyword("char")
          || previous.isKeyword("bit") || previous.isKeyword("national"));
      case "precision" -> previous != null && previous.isKeyword("double");
      default -> false;
    };
  }

  private static SqlToken neighbour(List<SqlToken> tokens, int from, int direction) {
    for (int j = from + direction; j >= 0 && j < tokens.size(); j += direction) {
      if (!tokens.get(j).isTrivia()) {
        return tokens.get(j);
      }
    }
    return null;
  }
}
