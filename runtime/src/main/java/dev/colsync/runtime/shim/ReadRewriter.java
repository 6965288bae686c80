package dev.colsync.runtime.shim;

import dev.colsync.runtime.flag.ReadPath;
import dev.colsync.runtime.sql.SqlIdentifiers;
import dev.colsync.runtime.sql.SqlLexer;
import dev.colsync.runtime.sql.SqlSyntaxException;
import dev.colsync.runtime.sql.SqlToken;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rewrites the SELECT statements an ORM generates (Hibernate's, through a statement inspector) so that their reads
 * of a migration's new column follow the read-path flag: an entity maps the new column, and on OLD and SHADOW every
 * reference {@code alias.new_column} to a table of a shim becomes {@code up(alias.old_column)}, in the select list,
 * WHERE, ORDER BY and joins alike; on NEW the statement is left as it is. On SHADOW the outermost select list also
 * gets, at its end, a comparison of the two columns per alias it reads ({@link #SHADOW_LABEL}), which
 * {@link #reportShadows} reports for each row read (the ORM reads its own columns and not these). Writes (INSERT, UPDATE, DELETE) are never
 * touched: they may name the new column, which the sync trigger carries to the old one.
 *
 * <p>The flag of each shim is evaluated once per statement, and only for a statement that reads its column; each
 * statement text is analysed once (kept for the next time an ORM sends it). A
 * reference is recognised by its alias (Hibernate qualifies every column): the aliases of the shim's table are read
 * from the statement's FROM and JOIN clauses. A statement colsync cannot tokenize is left as it is.
 */
public final class ReadRewriter {
  private static final Set<String> NOT_AN_ALIAS = Set.of("where", "join", "inner", "left", "right", "full", "cross",
      "on", "using", "group", "order", "having", "limit", "offset", "fetch", "for", "union", "intersect", "except",
      "natural", "window", "lateral", "returning", "as");

  /** The key words after which a comma no longer separates table references. */
  private static final Set<String> ENDS_FROM = Set.of("where", "on", "using", "group", "order", "having", "limit",
      "offset", "fetch", "for", "union", "intersect", "except", "window", "select", "returning");

  /** One shim's table and new column, as the catalog names them. */
  public record Target(Shim<?> shim, String schema, String table, String newColumn) {}

  /** The label prefix of the comparison columns a SHADOW read appends to the select list. */
  public static final String SHADOW_LABEL = "colsync_shadow_";

  private static final Analysis NOTHING = new Analysis(List.of(), -1, false);

  /** Outermost key words after which another output column would change the rows or break the statement. */
  private static final Set<String> COMBINES_ROWS = Set.of("distinct", "group", "having", "union", "intersect",
      "except", "window");

  /** How many statement texts are kept analysed; past it the cache starts again. */
  private static final int MAX_ANALYSES = 2_000;

  private final List<Target> targets;
  private final Map<String, Analysis> analyses = new ConcurrentHashMap<>();

  public ReadRewriter(List<Target> targets) {
    this.targets = List.copyOf(targets);
  }

  /** The shim's table and new column from its own description. */
  public static Target target(Shim<?> shim) {
    return new Target(shim, shim.schemaName(), shim.tableName(), shim.newColumnName());
  }

  /** {@code sql} with the reads of every target's new column on the path its flag gives now. */
  public String rewrite(String sql) {
    if (targets.isEmpty()) {
      return sql;
    }
    Analysis analysis = analysed(sql);
    if (analysis.occurrences().isEmpty()) {
      return sql;
    }
    ReadPath[] paths = new ReadPath[targets.size()];
    StringBuilder rewritten = new StringBuilder(sql.length() + 64 * analysis.occurrences().size());
    StringBuilder comparisons = new StringBuilder();
    Set<String> compared = new HashSet<>();
    int copied = 0;
    for (Occurrence occurrence : analysis.occurrences()) {
      Target target = targets.get(occurrence.target());
      if (paths[occurrence.target()] == null) {
        paths[occurrence.target()] = target.shim().readPath();
      }
      ReadPath path = paths[occurrence.target()];
      if (path == ReadPath.NEW) {
        continue;
      }
      if (path == ReadPath.SHADOW && occurrence.inSelectList() && analysis.comparable()
          && compared.add(occurrence.target() + " " + occurrence.alias())) {
        comparisons.append(", ").append(target.shim().fragments().comparison(path, occurrence.alias()))
            .append(" AS ").append(SqlIdentifiers.quote(SHADOW_LABEL + occurrence.target() + "_" + compared.size()));
      }
      if (occurrence.start() >= analysis.selectListEnd() && analysis.selectListEnd() >= copied
          && comparisons.length() > 0) {
        rewritten.append(sql, copied, analysis.selectListEnd()).append(comparisons).append(' ');
        comparisons.setLength(0);
        copied = analysis.selectListEnd();
      }
      rewritten.append(sql, copied, occurrence.start())
          .append(target.shim().fragments().value(path, occurrence.alias()));
      copied = occurrence.end();
    }
    if (copied == 0) {
      return sql;
    }
    if (comparisons.length() > 0) {
      rewritten.append(sql, copied, analysis.selectListEnd()).append(comparisons).append(' ');
      copied = analysis.selectListEnd();
    }
    return rewritten.append(sql, copied, sql.length()).toString();
  }

  /** Whether {@code sql} is a rewritten statement whose rows carry SHADOW comparisons to report. */
  public static boolean comparesShadows(String sql) {
    return sql.contains(SHADOW_LABEL);
  }

  /**
   * Reports the SHADOW comparisons of the current row of a rewritten statement's result to their shims (each
   * shim's observer, as its own reads do); throws what a shim built to fail on an outcome throws.
   */
  public void reportShadows(ResultSet row) throws SQLException {
    ResultSetMetaData columns = row.getMetaData();
    for (int i = 1; i <= columns.getColumnCount(); i++) {
      String label = columns.getColumnLabel(i);
      if (!label.startsWith(SHADOW_LABEL)) {
        continue;
      }
      String rest = label.substring(SHADOW_LABEL.length());
      int target = Integer.parseInt(rest.substring(0, rest.indexOf('_')));
      int code = row.getInt(i);
      targets.get(target).shim().reportShadow(row.wasNull() ? ShadowOutcome.ERROR : ShadowOutcome.ofCode(code));
    }
  }

  /**
   * One read of a target's new column: where it stands in the statement, under which alias, and whether in the
   * outermost select list.
   */
  private record Occurrence(int start, int end, int target, String alias, boolean inSelectList) {}

  /**
   * The reads of one statement text, where its outermost select list ends (its FROM; -1 without one), and whether
   * SHADOW comparisons may be added to that list: only to a plain select of rows, whose list calls no function (an
   * aggregate or window would need the comparison grouped too) and which neither groups, de-duplicates nor combines
   * rows. Any other statement reads OLD's value on SHADOW, uncompared.
   */
  private record Analysis(List<Occurrence> occurrences, int selectListEnd, boolean comparable) {}

  /** The reads of the statement, analysed once per text: an ORM sends the same texts again and again. */
  private Analysis analysed(String sql) {
    Analysis known = analyses.get(sql);
    if (known == null) {
      known = analyse(sql);
      if (analyses.size() >= MAX_ANALYSES) {
        analyses.clear();
      }
      analyses.put(sql, known);
    }
    return known;
  }

  private Analysis analyse(String sql) {
    List<SqlToken> tokens;
    try {
      tokens = SqlLexer.tokenize(sql);
    } catch (SqlSyntaxException e) {
      return NOTHING;
    }
    List<Integer> code = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      if (!tokens.get(i).isTrivia()) {
        code.add(i);
      }
    }
    if (code.isEmpty() || !(tokens.get(code.get(0)).isKeyword("select") || tokens.get(code.get(0)).isKeyword("with"))) {
      return NOTHING;
    }
    int selectListEnd = tokens.get(code.get(0)).isKeyword("select") ? outermostFrom(tokens, code) : -1;
    List<Occurrence> occurrences = new ArrayList<>();
    for (int t = 0; t < targets.size(); t++) {
      Target target = targets.get(t);
      Set<String> aliases = aliases(tokens, code, target);
      if (aliases.isEmpty()) {
        continue;
      }
      for (int k = 0; k + 2 < code.size(); k++) {
        SqlToken alias = tokens.get(code.get(k));
        SqlToken dot = tokens.get(code.get(k + 1));
        SqlToken column = tokens.get(code.get(k + 2));
        if (dot.is(".") && alias.identifier() != null && aliases.contains(alias.identifier())
            && target.newColumn().equals(column.identifier()) && !(k > 0 && tokens.get(code.get(k - 1)).is("."))) {
          occurrences.add(new Occurrence(alias.start(), column.start() + column.text().length(), t,
              alias.identifier(), alias.start() < selectListEnd));
        }
      }
    }
    occurrences.sort(Comparator.comparingInt(Occurrence::start));
    return new Analysis(List.copyOf(occurrences), selectListEnd, selectListEnd >= 0 && comparable(tokens, code,
        selectListEnd));
  }

  /** Whether the outermost select list may end with comparisons (see {@link Analysis}). */
  private static boolean comparable(List<SqlToken> tokens, List<Integer> code, int selectListEnd) {
    int depth = 0;
    for (int k = 1; k < code.size(); k++) {
      SqlToken token = tokens.get(code.get(k));
      if (token.is("(")) {
        if (token.start() < selectListEnd) {
          return false;
        }
        depth++;
      } else if (token.is(")")) {
        depth--;
      } else if (depth == 0 && token.kind() == SqlToken.Kind.WORD
          && COMBINES_ROWS.contains(token.text().toLowerCase(Locale.ROOT))) {
        return false;
      }
    }
    return true;
  }

  /** Where the outermost FROM starts, outside every parenthesis; -1 when there is none. */
  private static int outermostFrom(List<SqlToken> tokens, List<Integer> code) {
    int depth = 0;
    for (int index : code) {
      SqlToken token = tokens.get(index);
      if (token.is("(")) {
        depth++;
      } else if (token.is(")")) {
        depth--;
      } else if (depth == 0 && token.isKeyword("from")) {
        return token.start();
      }
    }
    return -1;
  }

  /**
   * The names under which the statement's FROM and JOIN clauses read {@code target}'s table: each alias, or the
   * table's own name when it has none.
   */
  private static Set<String> aliases(List<SqlToken> tokens, List<Integer> code, Target target) {
    Set<String> aliases = new HashSet<>();
    boolean inFrom = false;
    for (int k = 0; k < code.size(); k++) {
      SqlToken token = tokens.get(code.get(k));
      if (token.isKeyword("from")) {
        inFrom = true;
      } else if (token.kind() == SqlToken.Kind.WORD && ENDS_FROM.contains(token.text().toLowerCase(Locale.ROOT))) {
        inFrom = false;
      }
      boolean startsReference = token.isKeyword("from") || token.isKeyword("join") || inFrom && token.is(",");
      if (!startsReference || k + 1 >= code.size()) {
        continue;
      }
      int next = k + 1;
      SqlToken first = tokens.get(code.get(next));
      if (first.identifier() == null) {
        continue;
      }
      String schema = null;
      String table = first.identifier();
      if (next + 2 < code.size() && tokens.get(code.get(next + 1)).is(".")
          && tokens.get(code.get(next + 2)).identifier() != null) {
        schema = table;
        table = tokens.get(code.get(next + 2)).identifier();
        next += 2;
      }
      if (!table.equals(target.table()) || schema != null && !schema.equals(target.schema())) {
        continue;
      }
      int aliasAt = next + 1;
      if (aliasAt < code.size() && tokens.get(code.get(aliasAt)).isKeyword("as")) {
        aliasAt++;
      }
      SqlToken alias = aliasAt < code.size() ? tokens.get(code.get(aliasAt)) : null;
      boolean named = alias != null && alias.identifier() != null && !(alias.kind() == SqlToken.Kind.WORD
          && NOT_AN_ALIAS.contains(alias.text().toLowerCase(Locale.ROOT)));
      aliases.add(named ? alias.identifier() : table);
    }
    return aliases;
  }
}
