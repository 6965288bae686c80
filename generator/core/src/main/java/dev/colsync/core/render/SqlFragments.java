package dev.colsync.core.render;

import static dev.colsync.runtime.sql.SqlIdentifiers.literal;
import static dev.colsync.runtime.sql.SqlIdentifiers.qualified;
import static dev.colsync.runtime.sql.SqlIdentifiers.quote;

import dev.colsync.core.plan.ColumnReferences;
import dev.colsync.core.plan.ObjectNames;
import dev.colsync.core.render.Models.BackfillSql;
import dev.colsync.core.render.Models.GateSql;
import dev.colsync.core.render.Models.KeyColumn;
import dev.colsync.core.render.Models.NotNullSql;
import dev.colsync.core.render.Models.PreflightSql;
import dev.colsync.core.render.Models.SyncSql;
import dev.colsync.core.render.Models.TableSql;
import dev.colsync.core.plan.InPlaceColumns;
import dev.colsync.core.spec.ColumnChange;
import dev.colsync.core.spec.ColumnObjects;
import dev.colsync.core.spec.MigrationSpec;
import dev.colsync.core.spec.OnUpError;
import dev.colsync.core.spec.Rename;
import dev.colsync.runtime.execution.ContractGate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** The quoted SQL pieces of one migration that the templates assemble. */
public final class SqlFragments {
  private final MigrationSpec spec;
  private final ObjectNames names;
  private final ColumnChange change;
  private final String quote;
  private final List<String> userText;
  private final TableSql table;

  public SqlFragments(MigrationSpec spec, ObjectNames names) {
    this.spec = spec;
    this.names = names;
    this.change = spec.change();
    List<String> userText = new ArrayList<>(List.of(
        change.up(), change.down(), change.from().type(), change.to().type(), change.from().name(),
        change.to().name(), spec.table().schema(), spec.table().name()));
    userText.addAll(spec.primaryKey());
    userText.addAll(recordedText(spec.objects()));
    this.userText = List.copyOf(userText);
    this.quote = dollarQuote(userText, "colsync");
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

  /**
   * The catalog facts contract's gate checks. {@code readPath}: whether the application switches its reads
   * by a flag (not for an in-place change, whose column keeps its name); {@code cutover}: whether this is
   * the side after an in-place change's cut-over.
   */
  public GateSql gate(boolean readPath, boolean cutover) {
    String regclass = table.regclass();
    String triggerNames = names(List.of(names.newWrittenTrigger(), names.syncTrigger()));
    List<String> functions = new ArrayList<>(List.of(names.toNewFunction(), names.toOldFunction(),
        names.oldDiffersFunction(), names.newDiffersFunction()));
    boolean wrapUp = change.onUpError() == OnUpError.NULL;
    if (wrapUp) {
      functions.add(names.upFunction());
    }
    String syncTriggers = "FROM pg_catalog.pg_trigger AS t WHERE t.tgrelid OPERATOR(pg_catalog.=) " + regclass
        + " AND t.tgname OPERATOR(pg_catalog.=) ANY (" + triggerNames + ")";
    String seal = "pg_catalog.concat_ws(' ',"
        + " (SELECT pg_catalog.string_agg(pg_catalog.concat_ws(':', t.tgname, t.tgenabled, t.xmin, p.xmin), ','"
        + " ORDER BY t.tgname) FROM pg_catalog.pg_trigger AS t JOIN pg_catalog.pg_proc AS p"
        + " ON p.oid OPERATOR(pg_catalog.=) t.tgfoid WHERE t.tgrelid OPERATOR(pg_catalog.=) " + regclass
        + " AND t.tgname OPERATOR(pg_catalog.=) ANY (" + triggerNames + ")),"
        + " (SELECT pg_catalog.string_agg(pg_catalog.concat_ws(':', p.proname, p.xmin), ',' ORDER BY p.proname)"
        + " FROM pg_catalog.pg_proc AS p WHERE p.pronamespace OPERATOR(pg_catalog.=) (SELECT c.relnamespace"
        + " FROM pg_catalog.pg_class AS c WHERE c.oid OPERATOR(pg_catalog.=) " + regclass + ")"
        + " AND p.proname OPERATOR(pg_catalog.=) ANY (" + names(functions) + ")))";
    String oldColumn = quote(change.from().name());
    String up = inSchema(wrapUp ? names.upFunction() : names.toNewFunction()) + "(" + oldColumn + ")";
    return new GateSql(literal(spec.migration()), literal(spec.migration() + ":"),
        columnExists(regclass, change.from().name()),
        literal(change.from().name()),
        "(SELECT pg_catalog.count(*) " + syncTriggers + ")",
        "(SELECT pg_catalog.count(*) " + syncTriggers + " AND t.tgenabled OPERATOR(pg_catalog.<>) 'D'"
            + " AND t.tgenabled OPERATOR(pg_catalog.<>) 'R')",
        seal,
        inSchema(names.newDiffersFunction()) + "(" + quote(change.to().name()) + ", " + up + ")",
        readPath, cutover, ContractGate.GATE_OVERRIDES_DDL, quote);
  }

  /** {@code FROM pg_attribute AS a WHERE …}: the live column {@code column} of the table {@code regclass}. */
  public static String attributeOf(String regclass, String column) {
    return "FROM pg_catalog.pg_attribute AS a WHERE a.attrelid OPERATOR(pg_catalog.=) " + regclass
        + " AND a.attname OPERATOR(pg_catalog.=) " + literal(column)
        + " AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped";
  }

  /** Whether the table {@code regclass} has the live column {@code column}, as a boolean expression. */
  public static String columnExists(String regclass, String column) {
    return "EXISTS (SELECT " + attributeOf(regclass, column) + ")";
  }

  /** Catalog names as a {@code name[]} constant. */
  private static String names(List<String> names) {
    return "ARRAY[" + String.join(", ", names.stream().map(name -> literal(name)).toList())
        + "]::pg_catalog.name[]";
  }

  /**
   * {@code up} over the table's own row, as the application's shims read it (they run before expand and
   * after contract too, when colsync's functions do not exist).
   */
  public String upOfRow() {
    return change.onUpError() == OnUpError.NULL
        ? inSchema(names.upFunction()) + "(" + quote(change.from().name()) + ")"
        : "(" + change.up() + ")";
  }

  /** {@code down} over the table's own row, as the application's shims write it. */
  public String downOfRow() {
    return "(" + change.down() + ")";
  }

  /**
   * {@code up} over the table's own row as the backfill and verification compute it while the migration
   * runs: for a type change a call of the function expand created and checked, so it stays bound to what
   * expand checked, whatever is planted on the search path later.
   */
  public String boundUpOfRow() {
    if (change instanceof Rename) {
      return upOfRow();
    }
    return boundUpOf(quote(change.from().name()));
  }

  /**
   * {@code up} bound as {@link #boundUpOfRow()} is, over {@code oldColumn}: a reference to the old column, which
   * may be qualified (the application's shims qualify it by the alias of their query).
   */
  public String boundUpOf(String oldColumn) {
    if (change instanceof Rename) {
      return oldColumn;
    }
    return inSchema(change.onUpError() == OnUpError.NULL ? names.upFunction() : names.toNewFunction())
        + "(" + oldColumn + ")";
  }

  /** {@code down} over the table's own row, bound as {@link #boundUpOfRow()} is. */
  public String boundDownOfRow() {
    if (change instanceof Rename) {
      return downOfRow();
    }
    return inSchema(names.toOldFunction()) + "(" + quote(change.to().name()) + ")";
  }

  public BackfillSql backfill() {
    List<KeyColumn> key = spec.primaryKey().stream()
        .map(this::keyColumn).toList();
    String from = change.from().name();
    List<KeyColumn> downKey = change instanceof Rename && spec.primaryKey().contains(from)
        ? spec.primaryKey().stream().map(column -> column.equals(from) ? change.to().name() : column)
            .map(this::keyColumn).toList()
        : List.of();
    return new BackfillSql(
        table, key, inSchema(names.backfillProcedure()), inSchema(names.backfillState()),
        quote(change.from().name()), quote(change.to().name()), boundUpOfRow(), boundDownOfRow(),
        spec.backfill().batchSize(), literal(millis(spec.backfill().pause())) + "::interval", quote,
        literal(spec.migration()), downKey);
  }

  private KeyColumn keyColumn(String column) {
    return new KeyColumn(quote(column), table.qualified() + "." + quote(column) + "%TYPE", literal(column));
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
  /** Every text of the spec that generated SQL embeds, recorded definitions included. */
  private static List<String> recordedText(ColumnObjects objects) {
    List<String> text = new ArrayList<>();
    objects.indexes().forEach(index -> text.add(index.definition()));
    Stream.of(objects.constraints(), objects.foreignKeys(), objects.referencedBy()).flatMap(List::stream)
        .forEach(constraint -> text.addAll(List.of(constraint.definition(), constraint.table(), constraint.name())));
    objects.triggers().forEach(trigger -> text.add(trigger.definition()));
    objects.views().forEach(view -> text.add(view.definition()));
    ColumnObjects.ColumnProperties properties = objects.properties();
    properties.defaultExpression().ifPresent(text::add);
    properties.collation().ifPresent(text::add);
    properties.comment().ifPresent(text::add);
    return text;
  }

  /**
   * What expand asserts about the table before it changes anything ({@code inPlace}: the in-place change
   * whose first half this spec is), in a block quoted with a tag of its own.
   */
  public PreflightSql preflight(Optional<InPlaceColumns> inPlace) {
    List<String> embedded = new ArrayList<>(userText);
    embedded.add(quote);
    return new ExpandPreflight(spec, names, table.regclass()).sql(inPlace, dollarQuote(embedded, "colsync_expand"));
  }

  /** A dollar-quote tag {@code $stem$} (or {@code $stem_N$}) that occurs in none of {@code userSql}. */
  static String dollarQuote(List<String> userSql, String stem) {
    for (int n = 0; ; n++) {
      String tag = n == 0 ? "$" + stem + "$" : "$" + stem + "_" + n + "$";
      if (userSql.stream().noneMatch(sql -> sql.contains(tag))) {
        return tag;
      }
    }
  }
}
