package dev.colsync.core.plan;

import dev.colsync.runtime.sql.SqlLexer;
import dev.colsync.runtime.sql.SqlToken;
import java.util.List;
import java.util.Map;

/**
 * Rewrites index and constraint definitions as the catalog prints them so they apply to another
 * column. Only the parts that can name the column change: an index's key list, INCLUDE list and
 * predicate (never its storage parameters or tablespace); a CHECK's expression; a foreign key's own
 * column list (never the referenced table's columns).
 */
public final class Definitions {
  private Definitions() {}

  /**
   * {@code CREATE [UNIQUE] INDEX CONCURRENTLY IF NOT EXISTS <name> ON [ONLY] <table> USING …} from a
   * {@code pg_get_indexdef} text, with column {@code from} replaced by the SQL {@code to}.
   *
   * @param quotedName the index's name, quoted
   * @param qualifiedTable the table, qualified and quoted
   */
  public static String concurrentIndex(String definition, String quotedName, String qualifiedTable, String from,
      String to) {
    return index(definition, quotedName, qualifiedTable, from, to, Build.CONCURRENTLY_AS_WRITTEN);
  }

  /**
   * {@code CREATE [UNIQUE] INDEX IF NOT EXISTS <name> ON ONLY <table> USING …}: the index of a
   * partitioned table alone, which builds nothing and stays invalid until every partition's index is
   * attached to it.
   */
  public static String parentIndex(String definition, String quotedName, String qualifiedTable, String from,
      String to) {
    return index(definition, quotedName, qualifiedTable, from, to, Build.PARENT_ONLY);
  }

  /** {@code CREATE [UNIQUE] INDEX CONCURRENTLY IF NOT EXISTS <name> ON <partition> USING …}, never {@code ONLY}. */
  public static String partitionIndex(String definition, String quotedName, String qualifiedPartition, String from,
      String to) {
    return index(definition, quotedName, qualifiedPartition, from, to, Build.CONCURRENTLY);
  }

  private enum Build { CONCURRENTLY_AS_WRITTEN, PARENT_ONLY, CONCURRENTLY }

  private static String index(String definition, String quotedName, String qualifiedTable, String from, String to,
      Build build) {
    List<SqlToken> tokens = code(definition);
    int on = indexOf(tokens, 0, "on");
    int using = indexOf(tokens, on, "using");
    if (!tokens.get(0).isKeyword("create") || on < 0 || using < 0 || using + 1 >= tokens.size()) {
      throw new IllegalArgumentException("not an index definition as pg_get_indexdef prints it: " + definition);
    }
    boolean unique = tokens.get(1).isKeyword("unique");
    boolean only = switch (build) {
      case CONCURRENTLY_AS_WRITTEN -> tokens.get(on + 1).isKeyword("only");
      case PARENT_ONLY -> true;
      case CONCURRENTLY -> false;
    };
    String method = tokens.get(using + 1).text();
    int tailStart = tokens.get(using + 1).start() + method.length();
    return "CREATE " + (unique ? "UNIQUE " : "") + "INDEX " + (build == Build.PARENT_ONLY ? "" : "CONCURRENTLY ")
        + "IF NOT EXISTS " + quotedName + " ON " + (only ? "ONLY " : "") + qualifiedTable + " USING " + method
        + rewriteIndexTail(definition.substring(tailStart), from, to);
  }

  /** A CHECK (or other expression) constraint's definition with the column replaced, without {@code NOT VALID}. */
  public static String check(String definition, String from, String to) {
    return ColumnReferences.rewrite(withoutNotValid(definition), Map.of(from, to));
  }

  /** A foreign key's definition with the column replaced in its own column list only, without {@code NOT VALID}. */
  public static String foreignKey(String definition, String from, String to) {
    String text = withoutNotValid(definition);
    List<SqlToken> tokens = SqlLexer.tokenize(text);
    int open = -1;
    int close = -1;
    for (int i = 0; i < tokens.size() && close < 0; i++) {
      if (open < 0 && tokens.get(i).is("(")) {
        open = tokens.get(i).start();
      } else if (open >= 0 && tokens.get(i).is(")")) {
        close = tokens.get(i).start();
      }
    }
    if (!text.regionMatches(true, 0, "FOREIGN KEY", 0, 11) || close < 0) {
      throw new IllegalArgumentException("not a foreign key as pg_get_constraintdef prints it: " + definition);
    }
    return text.substring(0, open) + ColumnReferences.rewrite(text.substring(open, close), Map.of(from, to))
        + text.substring(close);
  }

  /**
   * A foreign key of another table with the column replaced in its REFERENCES column list only,
   * without {@code NOT VALID}.
   */
  public static String referencedColumns(String definition, String from, String to) {
    String text = withoutNotValid(definition);
    List<SqlToken> tokens = SqlLexer.tokenize(text);
    int references = -1;
    int open = -1;
    int close = -1;
    for (int i = 0; i < tokens.size() && close < 0; i++) {
      SqlToken token = tokens.get(i);
      if (references < 0 && token.isKeyword("references")) {
        references = i;
      } else if (references >= 0 && open < 0 && token.is("(")) {
        open = token.start();
      } else if (open >= 0 && token.is(")")) {
        close = token.start();
      }
    }
    if (close < 0) {
      throw new IllegalArgumentException("not a foreign key with a REFERENCES column list: " + definition);
    }
    return text.substring(0, open) + ColumnReferences.rewrite(text.substring(open, close), Map.of(from, to))
        + text.substring(close);
  }

  /** The definition without a trailing {@code NOT VALID}, which the scripts add themselves. */
  static String withoutNotValid(String definition) {
    String text = definition.strip();
    List<SqlToken> tokens = code(text);
    int n = tokens.size();
    if (n >= 2 && tokens.get(n - 2).isKeyword("not") && tokens.get(n - 1).isKeyword("valid")) {
      return text.substring(0, tokens.get(n - 2).start()).strip();
    }
    return text;
  }

  /** Rewrites the key list, INCLUDE and WHERE of an index; WITH (…) and TABLESPACE stay as written. */
  private static String rewriteIndexTail(String tail, String from, String to) {
    List<SqlToken> tokens = SqlLexer.tokenize(tail);
    StringBuilder out = new StringBuilder();
    StringBuilder pending = new StringBuilder();
    int depth = 0;
    boolean verbatim = false;
    int verbatimDepth = 0;
    for (int i = 0; i < tokens.size(); i++) {
      SqlToken token = tokens.get(i);
      if (!verbatim && depth == 0 && (token.isKeyword("with") || token.isKeyword("tablespace"))) {
        out.append(ColumnReferences.rewrite(pending.toString(), Map.of(from, to)));
        pending.setLength(0);
        verbatim = true;
        verbatimDepth = token.isKeyword("tablespace") ? -1 : 0;
      }
      if (token.is("(")) {
        depth++;
      } else if (token.is(")")) {
        depth--;
      }
      if (verbatim) {
        out.append(token.text());
        boolean tablespaceNameDone = verbatimDepth == -1 && token.identifier() != null && !token.isKeyword("tablespace");
        boolean withDone = verbatimDepth == 0 && token.is(")") && depth == 0;
        if (tablespaceNameDone || withDone) {
          verbatim = false;
        }
      } else {
        pending.append(token.text());
      }
    }
    return out.append(ColumnReferences.rewrite(pending.toString(), Map.of(from, to))).toString();
  }

  private static List<SqlToken> code(String sql) {
    return SqlLexer.tokenize(sql).stream().filter(token -> !token.isTrivia()).toList();
  }

  private static int indexOf(List<SqlToken> tokens, int from, String keyword) {
    for (int i = Math.max(from, 0); i < tokens.size(); i++) {
      if (tokens.get(i).isKeyword(keyword)) {
        return i;
      }
    }
    return -1;
  }
}
