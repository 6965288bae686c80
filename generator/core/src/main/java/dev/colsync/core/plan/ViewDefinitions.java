package dev.colsync.core.plan;

import static dev.colsync.runtime.sql.SqlIdentifiers.quote;

import dev.colsync.runtime.sql.SqlLexer;
import dev.colsync.runtime.sql.SqlToken;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Rewrites a plain view's query, as {@code pg_get_viewdef} prints it, so that it reads another
 * column (or an expression over it) where it read the old column. Token by token: only the
 * references to the old column of the migrated table change, unqualified ({@code path}) or
 * qualified by the table's name or alias ({@code items.path}, {@code i.path}); strings, comments,
 * function names, other relations' columns and output names stay as written. An output column that
 * was named after the old column implicitly keeps that name ({@code path} becomes
 * {@code items."location" AS "path"}), so the view's columns stay the same.
 *
 * <p>Only a single {@code SELECT} is rewritten: a query whose references colsync cannot attribute
 * with certainty (subqueries, WITH, set operations, NATURAL or USING joins on the column,
 * whole-row references, unqualified references among several relations) is refused with the
 * reason.
 */
public final class ViewDefinitions {
  private static final Set<String> FROM_ENDS =
      Set.of("where", "group", "having", "window", "order", "limit", "offset", "fetch", "for");
  private static final Set<String> JOIN_WORDS = Set.of("join", "inner", "left", "right", "full", "outer", "cross");
  private static final Set<String> NOT_AN_ALIAS = Set.of("on", "using", "natural", "join", "inner", "left", "right",
      "full", "outer", "cross", "lateral", "tablesample");
  private static final Set<String> NOT_AN_OUTPUT_NAME = Set.of("end", "null", "true", "false");

  private ViewDefinitions() {}

  /** Why the view's query cannot be rewritten safely, or empty when it can. */
  public static Optional<String> refusal(String definition, String schema, String table, String column) {
    try {
      analyze(definition, schema, table, column);
      return Optional.empty();
    } catch (Refused refused) {
      return Optional.of(refused.getMessage());
    }
  }

  /**
   * The query with each reference to {@code column} of the table replaced by
   * {@code replacement.apply(qualifier)}, where the qualifier is the reference's own ({@code i.}),
   * or the table's alias or name for an unqualified one, and a trailing semicolon dropped.
   *
   * @throws IllegalArgumentException when {@link #refusal} names a reason
   */
  public static String rewrite(String definition, String schema, String table, String column,
      UnaryOperator<String> replacement) {
    Analysis analysis;
    try {
      analysis = analyze(definition, schema, table, column);
    } catch (Refused refused) {
      throw new IllegalArgumentException(refused.getMessage());
    }
    StringBuilder out = new StringBuilder();
    int at = 0;
    String text = analysis.text();
    for (Edit edit : analysis.edits()) {
      out.append(text, at, edit.start()).append(replacement.apply(edit.qualifier()));
      if (edit.keepName()) {
        out.append(" AS ").append(quote(column));
      }
      at = edit.end();
    }
    return out.append(text.substring(at)).toString().strip();
  }

  /** The query without its trailing semicolon. */
  public static String withoutSemicolon(String definition) {
    List<SqlToken> tokens = code(definition);
    String text = definition.strip();
    if (!tokens.isEmpty() && tokens.get(tokens.size() - 1).is(";")) {
      text = definition.substring(0, tokens.get(tokens.size() - 1).start()).strip();
    }
    return text;
  }

  /**
   * One reference to replace.
   *
   * @param start offset of its first character (the qualifier's, when qualified)
   * @param end offset after its last character
   * @param qualifier the qualifier as written, with its dot ({@code "i."})
   * @param keepName whether the reference is a whole output column named after the old column
   */
  private record Edit(int start, int end, String qualifier, boolean keepName) {}

  private record Analysis(String text, List<Edit> edits) {}

  private static final class Refused extends Exception {
    Refused(String message) {
      super(message, null, false, false);
    }
  }

  private static Analysis analyze(String definition, String schema, String table, String column) throws Refused {
    String text = withoutSemicolon(definition);
    List<SqlToken> tokens = code(text);
    if (tokens.isEmpty() || !tokens.get(0).isKeyword("select")) {
      throw new Refused("its query is not a plain SELECT (WITH, VALUES or TABLE), so colsync cannot tell which"
          + " names refer to the column");
    }
    for (int i = 1; i < tokens.size(); i++) {
      SqlToken token = tokens.get(i);
      if (token.isKeyword("select") || token.isKeyword("union") || token.isKeyword("intersect")
          || token.isKeyword("except")) {
        throw new Refused("its query has a subquery or a set operation (UNION, INTERSECT, EXCEPT), whose names"
            + " colsync cannot attribute to the table with certainty");
      }
    }
    int from = topLevel(tokens, 1, Set.of("from"));
    if (from < 0) {
      throw new Refused("its query has no FROM clause naming the table");
    }
    int fromEnd = topLevel(tokens, from + 1, FROM_ENDS);
    FromClause relations = new FromClause(tokens, from + 1, fromEnd < 0 ? tokens.size() : fromEnd, schema, table,
        column);
    relations.read();
    if (relations.qualifiers.isEmpty()) {
      throw new Refused("its FROM clause does not name the table where colsync can see it");
    }
    List<int[]> references = references(tokens, relations, column);
    return new Analysis(text, edits(text, tokens, from, references, relations.firstQualifier() + "."));
  }

  /** Each reference as {first token, last token, qualified?}. */
  private static List<int[]> references(List<SqlToken> tokens, FromClause relations, String column)
      throws Refused {
    List<int[]> references = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      SqlToken token = tokens.get(i);
      if (token.is("*") && i >= 2 && tokens.get(i - 1).is(".")
          && relations.qualifiers.contains(tokens.get(i - 2).identifier())) {
        throw new Refused("it reads the whole row " + tokens.get(i - 2).text() + ".*, whose fields change with the"
            + " column");
      }
      if (relations.names.contains(i) || !column.equals(token.identifier())) {
        continue;
      }
      SqlToken previous = i > 0 ? tokens.get(i - 1) : null;
      SqlToken next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
      if (previous != null && previous.is(".")) {
        SqlToken qualifier = i >= 2 ? tokens.get(i - 2) : null;
        boolean functionOrType = (next != null && next.is("(")) || (i >= 3 && (tokens.get(i - 3).is("::")
            || tokens.get(i - 3).isKeyword("as")));
        if (qualifier == null || functionOrType || !relations.qualifiers.contains(qualifier.identifier())) {
          continue;
        }
        if (i >= 3 && tokens.get(i - 3).is(".")) {
          throw new Refused("it refers to the column with a schema-qualified name ("
              + tokens.get(i - 4).text() + "." + qualifier.text() + "." + token.text() + ")");
        }
        references.add(new int[] {i - 2, i});
      } else if (ColumnReferences.isColumnReference(tokens, i)) {
        if (relations.count > 1) {
          throw new Refused("it refers to the column without a qualifier while its FROM clause has several"
              + " relations, so colsync cannot tell which one the name refers to; qualify it ("
              + relations.firstQualifier() + "." + token.text() + ")");
        }
        references.add(new int[] {i, i});
      }
    }
    return references;
  }

  /** The edits, with the output columns that are a bare reference keeping the old column's name. */
  private static List<Edit> edits(String text, List<SqlToken> tokens, int from, List<int[]> references,
      String tableQualifier) throws Refused {
    List<int[]> items = selectItems(tokens, from);
    List<Edit> edits = new ArrayList<>();
    for (int[] reference : references) {
      SqlToken first = tokens.get(reference[0]);
      SqlToken last = tokens.get(reference[1]);
      boolean wholeItem = false;
      for (int[] item : items) {
        if (reference[0] >= item[0] && reference[1] <= item[1]) {
          wholeItem = reference[0] == item[0] && reference[1] == item[1];
          if (!wholeItem && !hasOutputName(tokens, item)) {
            SqlToken end = tokens.get(item[1]);
            throw new Refused("its output column " + text.substring(tokens.get(item[0]).start(),
                end.start() + end.text().length()) + " has no name of its own (AS …), so its name could change"
                + " with the column");
          }
        }
      }
      // Qualified even where the original was not: a bare name in ORDER BY would mean an output
      // column of that name first.
      String qualifier = reference[0] == reference[1] ? tableQualifier : first.text() + ".";
      edits.add(new Edit(first.start(), last.start() + last.text().length(), qualifier, wholeItem));
    }
    return edits;
  }

  /** The select list's items as {first token, last token}. */
  private static List<int[]> selectItems(List<SqlToken> tokens, int from) throws Refused {
    int start = 1;
    if (start < from && tokens.get(start).isKeyword("all")) {
      start++;
    } else if (start < from && tokens.get(start).isKeyword("distinct")) {
      start++;
      if (start < from && tokens.get(start).isKeyword("on")) {
        start = closing(tokens, start + 1) + 1;
      }
    }
    List<int[]> items = new ArrayList<>();
    int depth = 0;
    int itemStart = start;
    for (int i = start; i <= from; i++) {
      SqlToken token = tokens.get(i);
      if (i == from || (depth == 0 && token.is(","))) {
        if (i > itemStart) {
          items.add(new int[] {itemStart, i - 1});
        }
        itemStart = i + 1;
      } else if (token.is("(") || token.is("[")) {
        depth++;
      } else if (token.is(")") || token.is("]")) {
        depth--;
      }
    }
    for (int[] item : items) {
      if (item[0] == item[1] && tokens.get(item[0]).is("*")) {
        throw new Refused("its select list has *, which colsync cannot map column by column");
      }
    }
    return items;
  }

  private static boolean hasOutputName(List<SqlToken> tokens, int[] item) {
    SqlToken last = tokens.get(item[1]);
    if (item[1] == item[0] || last.identifier() == null
        || (last.kind() == SqlToken.Kind.WORD && NOT_AN_OUTPUT_NAME.contains(last.identifier()))) {
      return false;
    }
    SqlToken previous = tokens.get(item[1] - 1);
    return previous.isKeyword("as") || ColumnReferences.followsAnOperand(previous);
  }

  /** The relations of a FROM clause: how many, which tokens name them, and the table's qualifiers. */
  private static final class FromClause {
    private final List<SqlToken> tokens;
    private final int end;
    private final String schema;
    private final String table;
    private final String column;
    private int at;
    int count;
    final Set<String> qualifiers = new HashSet<>();
    final Set<Integer> names = new HashSet<>();
    private final List<String> written = new ArrayList<>();

    FromClause(List<SqlToken> tokens, int start, int end, String schema, String table, String column) {
      this.tokens = tokens;
      this.at = start;
      this.end = end;
      this.schema = schema;
      this.table = table;
      this.column = column;
    }

    String firstQualifier() {
      return written.isEmpty() ? table : written.get(0);
    }

    void read() throws Refused {
      int depth = 0;
      relation();
      while (at < end) {
        SqlToken token = tokens.get(at);
        if (token.isKeyword("natural")) {
          throw new Refused("it has a NATURAL join, which may join on the column by its name");
        } else if (token.isKeyword("join")) {
          at++;
          relation();
        } else if (token.is(",") && depth == 0) {
          at++;
          relation();
        } else if (token.isKeyword("using")) {
          int close = closing(tokens, at + 1);
          for (int i = at + 1; i < close; i++) {
            if (column.equals(tokens.get(i).identifier())) {
              throw new Refused("it joins USING the column, which merges it with another relation's column of"
                  + " the same name");
            }
          }
          at = close + 1;
        } else if (token.is(")") && depth == 0) {
          at++;
          if (at < end && (tokens.get(at).isKeyword("as") || isAlias(tokens.get(at)))) {
            throw new Refused("it gives a join an alias, through which colsync cannot follow the column");
          }
        } else {
          if (token.is("(")) {
            depth++;
          } else if (token.is(")")) {
            depth--;
          }
          at++;
        }
      }
    }

    /** One relation, after FROM, a comma or JOIN; opening parentheses of a nested join come first. */
    private void relation() throws Refused {
      while (at < end && (tokens.get(at).is("(") || tokens.get(at).isKeyword("lateral")
          || tokens.get(at).isKeyword("only"))) {
        at++;
      }
      if (at >= end || tokens.get(at).identifier() == null) {
        throw new Refused("its FROM clause has a form colsync does not read");
      }
      count++;
      int first = at;
      List<String> parts = new ArrayList<>();
      parts.add(tokens.get(at).identifier());
      at++;
      while (at + 1 < end && tokens.get(at).is(".") && tokens.get(at + 1).identifier() != null) {
        parts.add(tokens.get(at + 1).identifier());
        at += 2;
      }
      if (at < end && tokens.get(at).is("(")) {
        at = closing(tokens, at) + 1; // a function in FROM: another relation with columns of its own
        parts.clear();
      }
      if (at < end && tokens.get(at).isKeyword("only")) {
        at++;
      }
      boolean isTable = parts.size() <= 2 && !parts.isEmpty() && parts.get(parts.size() - 1).equals(table)
          && (parts.size() == 1 || parts.get(0).equals(schema));
      for (int i = first; i < at; i++) {
        names.add(i);
      }
      String qualifier = isTable ? table : null;
      if (at < end && tokens.get(at).isKeyword("as")) {
        names.add(at);
        at++;
      }
      if (at < end && isAlias(tokens.get(at))) {
        names.add(at);
        qualifier = tokens.get(at).identifier();
        written.add(tokens.get(at).text());
        at++;
        if (at < end && tokens.get(at).is("(") && isTable) {
          throw new Refused("it renames the table's columns in its FROM clause (" + qualifier + "(…)), through"
              + " which colsync cannot follow the column");
        }
      } else if (isTable) {
        written.add(tokens.get(at - 1).text());
      }
      if (isTable) {
        qualifiers.add(qualifier);
      }
    }

    private static boolean isAlias(SqlToken token) {
      return token.identifier() != null && !(token.kind() == SqlToken.Kind.WORD
          && (NOT_AN_ALIAS.contains(token.identifier()) || FROM_ENDS.contains(token.identifier())));
    }
  }

  private static int topLevel(List<SqlToken> tokens, int from, Set<String> keywords) {
    int depth = 0;
    for (int i = from; i < tokens.size(); i++) {
      SqlToken token = tokens.get(i);
      if (token.is("(")) {
        depth++;
      } else if (token.is(")")) {
        depth--;
      } else if (depth == 0 && token.kind() == SqlToken.Kind.WORD && keywords.contains(token.identifier())) {
        return i;
      }
    }
    return -1;
  }

  /** The index of the parenthesis that closes the one at {@code open}. */
  private static int closing(List<SqlToken> tokens, int open) throws Refused {
    int depth = 0;
    for (int i = open; i < tokens.size(); i++) {
      if (tokens.get(i).is("(")) {
        depth++;
      } else if (tokens.get(i).is(")") && --depth == 0) {
        return i;
      }
    }
    throw new Refused("its query has unbalanced parentheses");
  }

  private static List<SqlToken> code(String sql) {
    return SqlLexer.tokenize(sql).stream().filter(token -> !token.isTrivia()).toList();
  }
}
