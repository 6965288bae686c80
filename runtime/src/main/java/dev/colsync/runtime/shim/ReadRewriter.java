package dev.colsync.runtime.shim;

import dev.colsync.runtime.flag.ReadPath;
import dev.colsync.runtime.sql.SqlLexer;
import dev.colsync.runtime.sql.SqlSyntaxException;
import dev.colsync.runtime.sql.SqlToken;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Rewrites the SELECT statements an ORM generates (Hibernate's, through a statement inspector) so that their reads
 * of a migration's new column follow the read-path flag: an entity maps the new column, and on OLD and SHADOW every
 * reference {@code alias.new_column} to a table of a shim becomes {@code up(alias.old_column)}, in the select list,
 * WHERE, ORDER BY and joins alike; on NEW the statement is left as it is. Writes (INSERT, UPDATE, DELETE) are never
 * touched: they may name the new column, which the sync trigger carries to the old one.
 *
 * <p>The flag of each shim is evaluated once per statement, and only for a statement that reads its table. A
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

  private final List<Target> targets;

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
    List<SqlToken> tokens;
    try {
      tokens = SqlLexer.tokenize(sql);
    } catch (SqlSyntaxException e) {
      return sql;
    }
    List<Integer> code = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      if (!tokens.get(i).isTrivia()) {
        code.add(i);
      }
    }
    if (code.isEmpty() || !(tokens.get(code.get(0)).isKeyword("select") || tokens.get(code.get(0)).isKeyword("with"))) {
      return sql;
    }
    Map<Integer, String> replacements = new HashMap<>();
    Set<Integer> replacedTokens = new HashSet<>();
    for (Target target : targets) {
      Set<String> aliases = aliases(tokens, code, target);
      if (aliases.isEmpty()) {
        continue;
      }
      ReadPath path = null;
      for (int k = 0; k + 2 < code.size(); k++) {
        SqlToken alias = tokens.get(code.get(k));
        SqlToken dot = tokens.get(code.get(k + 1));
        SqlToken column = tokens.get(code.get(k + 2));
        if (!dot.is(".") || alias.identifier() == null || !aliases.contains(alias.identifier())
            || !target.newColumn().equals(column.identifier())
            || k > 0 && tokens.get(code.get(k - 1)).is(".")) {
          continue;
        }
        if (path == null) {
          path = target.shim().readPath();
          if (path == ReadPath.NEW) {
            break;
          }
        }
        replacements.put(code.get(k), target.shim().fragments().value(path, alias.identifier()));
        for (int t = code.get(k); t <= code.get(k + 2); t++) {
          replacedTokens.add(t);
        }
      }
    }
    if (replacements.isEmpty()) {
      return sql;
    }
    StringBuilder rewritten = new StringBuilder(sql.length() + 64 * replacements.size());
    for (int i = 0; i < tokens.size(); i++) {
      if (replacements.containsKey(i)) {
        rewritten.append(replacements.get(i));
      } else if (!replacedTokens.contains(i)) {
        rewritten.append(tokens.get(i).text());
      }
    }
    return rewritten.toString();
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
