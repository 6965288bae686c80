package dev.colsync.core.catalog;

import dev.colsync.runtime.sql.SqlLexer;
import dev.colsync.runtime.sql.SqlSyntaxException;
import dev.colsync.runtime.sql.SqlToken;
import java.util.Locale;

/** Whether a function's source names a column: an identifier token equal to its name. */
final class FunctionSource {
  private FunctionSource() {}

  /**
   * @param source the function's source ({@code prosrc}), or {@code null} for a language colsync does not read
   */
  static boolean names(String source, String column) {
    if (source == null) {
      return false;
    }
    try {
      for (SqlToken token : SqlLexer.tokenize(source)) {
        if (column.equals(token.identifier())) {
          return true;
        }
      }
      return false;
    } catch (SqlSyntaxException e) {
      // A body the SQL lexer cannot read: say it may name the column rather than miss it.
      return source.toLowerCase(Locale.ROOT).contains(column.toLowerCase(Locale.ROOT));
    }
  }
}
