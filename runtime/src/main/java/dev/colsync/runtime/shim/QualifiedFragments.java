package dev.colsync.runtime.shim;

import dev.colsync.runtime.flag.ReadPath;
import dev.colsync.runtime.sql.SqlIdentifiers;
import java.util.Objects;

/**
 * The value of a logical column as SQL fragments for the application's own queries (JdbcTemplate, plain JDBC):
 * over the table under an alias of the query's choosing, in the select list, in WHERE and in ORDER BY. Generated
 * with {@link #ALIAS} where the alias goes; the alias is quoted in, never pasted.
 *
 * @param value the value per path: {@code up(alias.old)} on OLD and SHADOW (what those paths read), the new column
 *     on NEW
 * @param comparison SHADOW's comparison of the two columns; empty on the other paths
 */
public record QualifiedFragments(PathSql value, PathSql comparison) {
  /** Where the generated fragments take the alias: a character no identifier or generated SQL holds. */
  public static final String ALIAS = "\0";

  /** The suffix of SHADOW's comparison column after the value's own label. */
  public static final String COMPARISON_SUFFIX = "_colsync_shadow";

  /** The longest label {@link #selectList} takes: the comparison's label must fit PostgreSQL's 63 bytes. */
  static final int MAX_LABEL_BYTES = 63 - COMPARISON_SUFFIX.length();

  public QualifiedFragments {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(comparison, "comparison");
  }

  /** The value over {@code alias} on {@code path}, for WHERE, ORDER BY or an expression. */
  public String value(ReadPath path, String alias) {
    return qualify(value.on(path), alias);
  }

  /** SHADOW's comparison of the two columns over {@code alias} (0 match, 1 missing, 2 mismatch); empty elsewhere. */
  public String comparison(ReadPath path, String alias) {
    return qualify(comparison.on(path), alias);
  }

  /**
   * The select-list entries of the value over {@code alias} on {@code path}, labelled {@code label}: one column, and
   * on SHADOW a second one right after it with the comparison, which {@link LogicalColumn#read(ReadPath,
   * java.sql.ResultSet, String)} reads by the same label.
   */
  public String selectList(ReadPath path, String alias, String label) {
    if (label.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_LABEL_BYTES) {
      throw new IllegalArgumentException("a label of at most " + MAX_LABEL_BYTES + " bytes, not " + label);
    }
    String entry = value(path, alias) + " AS " + SqlIdentifiers.quote(label);
    return path == ReadPath.SHADOW
        ? entry + ", " + qualify(comparison.on(path), alias) + " AS " + SqlIdentifiers.quote(label + COMPARISON_SUFFIX)
        : entry;
  }

  private static String qualify(String fragment, String alias) {
    return fragment.replace(ALIAS, SqlIdentifiers.quote(alias));
  }
}
