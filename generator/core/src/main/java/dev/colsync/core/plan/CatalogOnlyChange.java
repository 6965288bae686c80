package dev.colsync.core.plan;

import dev.colsync.core.plan.CatalogOnlyTypes.ColumnType;
import dev.colsync.core.spec.ColumnObjects;
import dev.colsync.core.spec.ColumnObjects.IndexSpec;
import dev.colsync.core.spec.MigrationSpec;
import dev.colsync.core.spec.Retype;
import dev.colsync.core.spec.RetypeStrategy;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a spec's type change may be one catalog-only {@code ALTER … TYPE} ({@code strategy: auto}), and
 * why not when it may not. The decision is conservative: anything colsync cannot show to leave the table
 * and its indexes unrewritten falls back to expand–contract. The generated script checks the live catalog
 * again before it changes anything.
 */
public final class CatalogOnlyChange {
  /** An index PostgreSQL keeps as it is: plain key columns, no expression, no predicate, no collation. */
  private static final Pattern PLAIN_INDEX = Pattern.compile(
      "CREATE (?:UNIQUE )?INDEX \\S+ ON (?:ONLY )?\\S+ USING (?:btree|hash) \\(([^()]*)\\)(?: INCLUDE \\([^()]*\\))?");
  private static final Pattern KEY_COLUMN = Pattern.compile(
      "(?:\"(?:[^\"]|\"\")+\"|[a-z_][a-z0-9_$]*)(?: (?:ASC|DESC))?(?: NULLS (?:FIRST|LAST))?");

  /**
   * The decision.
   *
   * @param types the old and the new type, when the change is catalog-only
   * @param explanation why the change is or is not catalog-only, for the runbook and {@code validate};
   *     empty for {@code strategy: copy}
   */
  public record Decision(Optional<Types> types, String explanation) {
    public boolean catalogOnly() {
      return types.isPresent();
    }
  }

  /** The old and the new type of a catalog-only change. */
  public record Types(ColumnType from, ColumnType to) {
    /** Whether changing back is catalog-only too; otherwise the rollback rewrites the table. */
    public boolean reverseCatalogOnly() {
      return CatalogOnlyTypes.catalogOnly(to, from);
    }
  }

  private CatalogOnlyChange() {}

  public static Decision decide(MigrationSpec spec) {
    if (!(spec.change() instanceof Retype retype) || retype.strategy() != RetypeStrategy.AUTO) {
      return new Decision(Optional.empty(), "");
    }
    List<String> reasons = new ArrayList<>();
    if (!retype.inPlace()) {
      reasons.add("the new column has a name of its own (" + retype.to().name() + "), so it is a new column");
    }
    if (retype.notNull() != retype.fromNotNull()) {
      reasons.add("NOT NULL changes (" + retype.fromNotNull() + " → " + retype.notNull() + "), which needs a scan");
    }
    Optional<ColumnType> from = CatalogOnlyTypes.parse(retype.from().type());
    Optional<ColumnType> to = CatalogOnlyTypes.parse(retype.to().type());
    boolean typesFit = from.isPresent() && to.isPresent() && CatalogOnlyTypes.catalogOnly(from.get(), to.get());
    if (!typesFit) {
      reasons.add(retype.from().type() + " → " + retype.to().type() + " is not a change PostgreSQL makes without"
          + " rewriting the table (catalog-only: " + CatalogOnlyTypes.KINDS + ")");
    } else {
      castProblem("up", retype.up(), retype.from().name(), to.get(), Optional.empty()).ifPresent(reasons::add);
      castProblem("down", retype.down(), retype.to().name(), from.get(),
          Optional.of(new ColumnType(from.get().kind(), OptionalInt.empty(), 0))).ifPresent(reasons::add);
    }
    reasons.addAll(objectProblems(spec.objects()));
    if (!reasons.isEmpty()) {
      return new Decision(Optional.empty(), "strategy auto chose expand–contract (copy): " + String.join("; ", reasons)
          + ".");
    }
    Types types = new Types(from.get(), to.get());
    return new Decision(Optional.of(types), "strategy auto chose a catalog-only change: " + retype.from().type()
        + " → " + retype.to().type() + " is binary-coercible, so PostgreSQL rewrites neither the table nor its"
        + " indexes and the ALTER takes the same milliseconds whatever the row count.");
  }

  /** Why {@code expression} is not a plain cast of {@code column} to {@code type} (or to {@code alsoAllowed}). */
  private static Optional<String> castProblem(String role, String expression, String column, ColumnType type,
      Optional<ColumnType> alsoAllowed) {
    Optional<ColumnType> target = PlainCast.targetType(expression, column).flatMap(CatalogOnlyTypes::parse);
    boolean plain = target.isPresent() && (CatalogOnlyTypes.same(target.get(), type)
        || alsoAllowed.filter(allowed -> CatalogOnlyTypes.same(target.get(), allowed)).isPresent());
    return plain ? Optional.empty() : Optional.of(role + " (" + expression + ") is more than a cast of " + column
        + " to " + type.sql().replace("pg_catalog.", ""));
  }

  private static List<String> objectProblems(ColumnObjects objects) {
    List<String> problems = new ArrayList<>();
    named(problems, "constraints", objects.constraints().stream().map(ColumnObjects.ConstraintSpec::name).toList());
    named(problems, "foreign keys", objects.foreignKeys().stream().map(ColumnObjects.ConstraintSpec::name).toList());
    named(problems, "foreign keys of other tables", objects.referencedBy().stream()
        .map(ColumnObjects.ConstraintSpec::name).toList());
    named(problems, "dependent objects", objects.dependents().stream().map(ColumnObjects.DependentSpec::name).toList());
    named(problems, "triggers", objects.triggers().stream().map(ColumnObjects.TriggerSpec::name).toList());
    if (!objects.partitions().isEmpty()) {
      problems.add("the table is partitioned");
    }
    objects.properties().collation().ifPresent(collation ->
        problems.add("the column has collation " + collation + ", which ALTER … TYPE resets (rebuilding its indexes)"));
    objects.properties().sequence().ifPresent(sequence -> problems.add("the column owns sequence " + sequence.name()));
    named(problems, "indexes with an expression, a predicate, a collation or an operator class (PostgreSQL rebuilds"
        + " those)", objects.indexes().stream().filter(index -> !plainIndex(index)).map(IndexSpec::name).toList());
    return problems;
  }

  private static void named(List<String> problems, String kind, List<String> names) {
    if (!names.isEmpty()) {
      problems.add("the column has " + kind + " (" + String.join(", ", names) + "), which colsync does not vouch"
          + " for in a catalog-only change");
    }
  }

  static boolean plainIndex(IndexSpec index) {
    Matcher matcher = PLAIN_INDEX.matcher(index.definition().strip());
    if (!matcher.matches()) {
      return false;
    }
    for (String key : matcher.group(1).split(",")) {
      if (!KEY_COLUMN.matcher(key.strip()).matches() || key.strip().toLowerCase(Locale.ROOT).contains("collate")) {
        return false;
      }
    }
    return true;
  }
}
