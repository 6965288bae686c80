package dev.colsync.core.render;

import dev.colsync.runtime.sql.SqlLexer;
import dev.colsync.runtime.sql.SqlToken;
import java.util.List;

/** Whether a conversion only changes the type of a value ({@code col::bigint}) or computes another value. */
final class ConversionShape {
  private ConversionShape() {}

  /**
   * Whether {@code expression} is {@code column}, {@code column::type} (casts may be chained) or
   * {@code CAST(column AS type)}, possibly in parentheses.
   */
  static boolean isCast(String expression, String column) {
    List<SqlToken> tokens = SqlLexer.tokenize(expression).stream().filter(token -> !token.isTrivia()).toList();
    int start = 0;
    int end = tokens.size();
    while (end - start >= 2 && tokens.get(start).is("(") && tokens.get(end - 1).is(")")) {
      start++;
      end--;
    }
    if (end - start >= 5 && tokens.get(start).isKeyword("cast") && tokens.get(start + 1).is("(")
        && column.equals(tokens.get(start + 2).identifier()) && tokens.get(start + 3).isKeyword("as")
        && tokens.get(end - 1).is(")")) {
      return true;
    }
    if (start >= end || !column.equals(tokens.get(start).identifier())) {
      return false;
    }
    // After the column, only '::' and the words, parentheses and numbers of a type name.
    for (int i = start + 1; i < end; i++) {
      SqlToken token = tokens.get(i);
      if (!(token.is("::") || token.is("(") || token.is(")") || token.is(",") || token.is("[") || token.is("]")
          || token.kind() == SqlToken.Kind.WORD || token.kind() == SqlToken.Kind.NUMBER
          || token.kind() == SqlToken.Kind.QUOTED_IDENTIFIER || token.is("."))) {
        return false;
      }
    }
    return end == start + 1 || tokens.get(start + 1).is("::");
  }
}
