package dev.colsync.core.render;

import static dev.colsync.runtime.sql.SqlIdentifiers.literal;
import static dev.colsync.runtime.sql.SqlIdentifiers.qualified;

import dev.colsync.core.render.Models.TableSql;
import dev.colsync.core.spec.MigrationSpec;
import dev.colsync.core.spec.ViewSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The views over the column of an in-place type change, moved inside the cut-over (and its rollback): a
 * view is bound to the column it read when created, not to the name, and its output column changes type,
 * so it is dropped before the swap and created again from its recorded query after it, with its owner,
 * grants, comment and column comments as they were. Each view is locked before the table, in the order its
 * readers lock them.
 */
public final class InPlaceViews {
  private final List<ViewSpec> views;
  private final ViewCopies copies;

  public InPlaceViews(MigrationSpec spec, TableSql table) {
    this.views = spec.objects().views();
    this.copies = new ViewCopies(spec, table);
  }

  /** {@code LOCK TABLE} of each view, before the table's lock (a view's lock takes its tables' too). */
  public List<String> locks() {
    return views.stream().map(view -> "LOCK TABLE " + name(view) + " IN ACCESS EXCLUSIVE MODE;").toList();
  }

  /** The block's variables: what each view was, to be given back. */
  public List<String> declarations() {
    if (views.isEmpty()) {
      return List.of();
    }
    List<String> declarations = new ArrayList<>();
    for (int n = 1; n <= views.size(); n++) {
      declarations.add("colsync_view_" + n + " record;");
    }
    declarations.add("colsync_grant record;");
    declarations.add("colsync_comment record;");
    return declarations;
  }

  /** Before the swap: each view's owner, grants and comments kept, then the view dropped. */
  public List<String> beforeSwap() {
    List<String> statements = new ArrayList<>();
    int n = 0;
    for (ViewSpec view : views) {
      n++;
      statements.add("SELECT pg_catalog.pg_get_userbyid(c.relowner) AS owner, c.relowner AS owner_oid, c.relacl AS acl,"
          + " pg_catalog.obj_description(c.oid, 'pg_class') AS comment, COALESCE((SELECT pg_catalog.jsonb_object_agg("
          + "a.attname, d.description) FROM pg_catalog.pg_attribute AS a JOIN pg_catalog.pg_description AS d"
          + " ON d.objoid OPERATOR(pg_catalog.=) c.oid AND d.classoid OPERATOR(pg_catalog.=)"
          + " 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objsubid OPERATOR(pg_catalog.=) a.attnum"
          + " WHERE a.attrelid OPERATOR(pg_catalog.=) c.oid), '{}'::pg_catalog.jsonb) AS columns"
          + " INTO colsync_view_" + n + " FROM pg_catalog.pg_class AS c WHERE c.oid OPERATOR(pg_catalog.=) "
          + literal(name(view)) + "::pg_catalog.regclass;");
      statements.add("DROP VIEW " + name(view) + ";");
    }
    return statements;
  }

  /** After the swap: each view from its recorded query, over the column now of that name, as it was. */
  public List<String> afterSwap() {
    if (views.isEmpty()) {
      return List.of();
    }
    List<String> statements = new ArrayList<>(copies.overOldColumn());
    int n = 0;
    for (ViewSpec view : views) {
      n++;
      String kept = "colsync_view_" + n;
      String nameLiteral = literal(name(view));
      statements.add("EXECUTE pg_catalog.format('ALTER VIEW %s OWNER TO %I', " + nameLiteral + ", " + kept
          + ".owner);");
      statements.add("IF " + kept + ".comment IS NOT NULL THEN EXECUTE pg_catalog.format('COMMENT ON VIEW %s IS %L', "
          + nameLiteral + ", " + kept + ".comment); END IF;");
      statements.add("FOR colsync_grant IN SELECT g.privilege_type, g.grantee, g.is_grantable FROM"
          + " pg_catalog.aclexplode(" + kept + ".acl) AS g WHERE g.grantee OPERATOR(pg_catalog.<>) " + kept
          + ".owner_oid LOOP EXECUTE pg_catalog.format('GRANT %s ON %s TO %s%s', colsync_grant.privilege_type, "
          + nameLiteral + ", CASE WHEN colsync_grant.grantee OPERATOR(pg_catalog.=) 0 THEN 'PUBLIC' ELSE"
          + " pg_catalog.quote_ident(pg_catalog.pg_get_userbyid(colsync_grant.grantee)) END, CASE WHEN"
          + " colsync_grant.is_grantable THEN ' WITH GRANT OPTION' ELSE '' END); END LOOP;");
      statements.add("FOR colsync_comment IN SELECT e.key, e.value FROM pg_catalog.jsonb_each_text(" + kept
          + ".columns) AS e LOOP EXECUTE pg_catalog.format('COMMENT ON COLUMN %s.%I IS %L', " + nameLiteral
          + ", colsync_comment.key, colsync_comment.value); END LOOP;");
    }
    return statements;
  }

  private static String name(ViewSpec view) {
    return qualified(view.schema(), view.name());
  }
}
