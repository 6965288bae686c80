package dev.colsync.core.render;

import static dev.colsync.runtime.sql.SqlIdentifiers.literal;
import static dev.colsync.runtime.sql.SqlIdentifiers.qualified;
import static dev.colsync.runtime.sql.SqlIdentifiers.quote;

import dev.colsync.core.plan.ColumnReferences;
import dev.colsync.core.plan.ObjectNames;
import dev.colsync.core.render.Models.BackfillSql;
import dev.colsync.core.render.Models.KeyColumn;
import dev.colsync.core.render.Models.NotNullSql;
import dev.colsync.core.render.Models.SyncSql;
import dev.colsync.core.render.Models.TableSql;
import dev.colsync.core.spec.ColumnChange;
import dev.colsync.core.spec.MigrationSpec;
import dev.colsync.core.spec.OnUpError;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The quoted SQL pieces of one migration that the templates assemble. */
public final class SqlFragments {
  private final MigrationSpec spec;
  private final ObjectNames names;
  private final ColumnChange change;
  private final String quote;
  private final TableSql table;

  public SqlFragments(MigrationSpec spec, ObjectNames names) {
    this.spec = spec;
    this.names = names;
    this.change = spec.change();
    List<String> userText = new ArrayList<>(List.of(
        change.up(), change.down(), change.from().type(), change.to().type(), change.from().name(),
        change.to().name(), spec.table().schema(), spec.table().name()));
    userText.addAll(spec.primaryKey());
    this.quote = dollarQuote(userText);
    this.table = tableSql();
  }

  public TableSql table() {
    return table;
  }

  private TableSql tableSql() {
    String schema = spec.table().schema();
    String searchPath = "pg_catalog, " + quote(schema) + ", pg_temp";
    return new TableSql(
        qualified(schema, spec.table().name()),
        literal(qualified(schema, spec.table().name())) + "::pg_catalog.regclass",
        searchPath,
        literal(searchPath),
        literal(millis(spec.timeouts().lock())),
        literal(millis(spec.timeouts().statement())));
  }

  public SyncSql sync() {
    boolean wrapUp = change.onUpError() == OnUpError.NULL;
    String oldColumn = quote(change.from().name());
    String newColumn = quote(change.to().name());
    String upFunction = inSchema(names.upFunction());
    String toNew = inSchema(names.toNewFunction());
    String toOld = inSchema(names.toOldFunction());
    String upOfNew = (wrapUp ? upFunction : toNew) + "(NEW." + oldColumn + ")";
    String downOfNew = toOld + "(NEW." + newColumn + ")";
    return new SyncSql(
        table, oldColumn, newColumn, change.from().type(), change.to().type(),
        inSchema(names.syncFunction()), quote(names.syncTrigger()), quote(names.newWrittenTrigger()), upOfNew,
        downOfNew, wrapUp, upFunction, toNew, toOld, inSchema(names.oldDiffersFunction()),
        inSchema(names.newDiffersFunction()),
        ColumnReferences.rewrite(change.up(), Map.of(change.from().name(), "$1")),
        ColumnReferences.rewrite(change.down(), Map.of(change.to().name(), "$1")),
        literal("colsync " + spec.migration() + ": the value written to column " + newColumn
            + " cannot be stored in column " + oldColumn + " without changing it"),
        quote);
  }

  /** {@code up} over the table's own row: the expression the backfill and verification compare against. */
  public String upOfRow() {
    return change.onUpError() == OnUpError.NULL
        ? inSchema(names.upFunction()) + "(" + quote(change.from().name()) + ")"
        : "(" + change.up() + ")";
  }

  /** {@code down} over the table's own row. */
  public String downOfRow() {
    return "(" + change.down() + ")";
  }

  public BackfillSql backfill() {
    List<KeyColumn> key = spec.primaryKey().stream()
        .map(column -> new KeyColumn(quote(column), table.qualified() + "." + quote(column) + "%TYPE"))
        .toList();
    return new BackfillSql(
        table, key, inSchema(names.backfillProcedure()), inSchema(names.backfillState()),
        quote(change.from().name()), quote(change.to().name()), upOfRow(), downOfRow(),
        spec.backfill().batchSize(), literal(millis(spec.backfill().pause())) + "::interval", quote);
  }

  /** The NOT NULL of the new column (validate phase). */
  public NotNullSql newNotNull() {
    return notNull(change.to().name(), names.newNotNull());
  }

  /** The NOT NULL of the old column (restored by the rollback of contract). */
  public NotNullSql oldNotNull() {
    return notNull(change.from().name(), names.oldNotNull());
  }

  private NotNullSql notNull(String column, String constraint) {
    return new NotNullSql(table, quote(column), literal(column), quote(constraint), literal(constraint),
        spec.postgresVersion() >= 18, quote);
  }

  private String inSchema(String name) {
    return qualified(spec.table().schema(), name);
  }

  private static String millis(Duration duration) {
    return duration.toMillis() + "ms";
  }

  /** {@code $colsync$}, or {@code $colsync_N$} when the user's SQL happens to contain it. */
  static String dollarQuote(List<String> userSql) {
    for (int n = 0; ; n++) {
      String tag = n == 0 ? "$colsync$" : "$colsync_" + n + "$";
      if (userSql.stream().noneMatch(sql -> sql.contains(tag))) {
        return tag;
      }
    }
  }
}
