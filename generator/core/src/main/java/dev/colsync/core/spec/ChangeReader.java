package dev.colsync.core.spec;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads the column change: exactly one of {@code rename} and {@code retype}. */
final class ChangeReader {
  static final List<String> RENAME_KEYS = List.of("from", "to", "type", "notNull");
  static final List<String> RETYPE_KEYS = List.of("from", "to", "up", "down", "onUpError", "strategy");
  static final List<String> COLUMN_KEYS = List.of("column", "type", "notNull");

  static final String EXPECTED_CHANGE =
      "rename: { from, to, type, notNull } or retype: { from, to, up, down, onUpError, strategy }";
  static final String EXPECTED_RENAME =
      "a mapping { from: <old name>, to: <new name>, type: <SQL type>, notNull: false }";
  static final String EXPECTED_RETYPE =
      "a mapping { from: {column, type, notNull}, to: {column, type, notNull}, up: <SQL>, down: <SQL> }";
  static final String EXPECTED_COLUMN = "a mapping { column: <name>, type: <SQL type>, notNull: false }";
  static final String EXPECTED_TYPE = "an SQL type such as text, bigint or numeric(12,2)";
  private static final Map<String, String> TYPES_WITHOUT_EQUALITY = Map.of(
      "json", "jsonb instead of json",
      "xml", "text instead of xml (cast in up and down)",
      "point", "a type with equality, e.g. two float8 columns, instead of point",
      "polygon", "a type with equality instead of polygon",
      "line", "a type with equality instead of line",
      "lseg", "a type with equality instead of lseg",
      "path", "a type with equality instead of path",
      "circle", "a type with equality instead of circle");
  static final String EXPECTED_UP = "one SQL expression over the old column, e.g. round(amount * 100)::bigint";
  static final String EXPECTED_DOWN = "one SQL expression over the new column, e.g. amount_cents / 100.0";
  static final String EXPECTED_ON_UP_ERROR = "one of: reject, null";
  static final String EXPECTED_STRATEGY = "one of: copy (expand–contract), auto (one ALTER … TYPE when PostgreSQL"
      + " rewrites nothing, else copy)";

  private final TypedValues values;
  private final IdentifierReader names;
  private final Problems problems;

  ChangeReader(TypedValues values, IdentifierReader names) {
    this.values = values;
    this.names = names;
    this.problems = values.problems();
  }

  /**
   * What was read of the change: the change itself when it is valid, and in any case the names
   * of the columns it touches that could be read, so that other keys can be checked against them.
   */
  record Result(Optional<ColumnChange> change, Set<String> columnNames, Set<String> renameTargets) {
    Result(Optional<ColumnChange> change, Set<String> columnNames) {
      this(change, columnNames, Set.of());
    }
  }

  /** One side of a type change; each part empty when it was invalid (and reported). */
  private record Side(Optional<String> name, Optional<String> type, Optional<Boolean> notNull, YamlNode columnNode) {
    Optional<Column> column() {
      return name.isPresent() && type.isPresent() ? Optional.of(new Column(name.get(), type.get())) : Optional.empty();
    }
  }

  Result read(MappingFields spec) {
    Optional<YamlNode> rename = spec.node("rename");
    Optional<YamlNode> retype = spec.node("retype");
    if (rename.isEmpty() && retype.isEmpty()) {
      YamlNode.Mapping root = spec.mapping();
      problems.reportAt(root.keyPosition(), root.pointer(), "missing the change: give rename or retype",
          EXPECTED_CHANGE);
      return new Result(Optional.empty(), Set.of());
    }
    Set<String> columnNames = new LinkedHashSet<>();
    Set<String> renameTargets = new LinkedHashSet<>();
    Optional<ColumnChange> renamed = rename.flatMap(node -> rename(node, columnNames, renameTargets));
    Optional<ColumnChange> retyped = retype.flatMap(node -> retype(node, columnNames));
    if (rename.isPresent() && retype.isPresent()) {
      problems.reportAtKey(retype.get(), "a spec has exactly one change, but this one has both rename and retype",
          "either rename or retype; write the other change as its own spec");
      return new Result(Optional.empty(), columnNames);
    }
    return new Result(renamed.or(() -> retyped), columnNames, renameTargets);
  }

  private Optional<ColumnChange> rename(YamlNode node, Set<String> columnNames, Set<String> renameTargets) {
    Optional<YamlNode.Mapping> mapping = values.mapping(node, EXPECTED_RENAME);
    if (mapping.isEmpty()) {
      return Optional.empty();
    }
    MappingFields fields = MappingFields.of(mapping.get(), problems, RENAME_KEYS);
    Optional<String> from = fields.required("from", Identifiers.EXPECTED, n -> names.name(n, "the column name"));
    Optional<String> to = fields.required("to", Identifiers.EXPECTED, n -> names.name(n, "the column name"));
    Optional<String> type = fields.required("type", EXPECTED_TYPE, this::columnType);
    Optional<Boolean> notNull = fields.optional("notNull", false, values::bool);
    from.ifPresent(columnNames::add);
    to.ifPresent(columnNames::add);
    to.ifPresent(renameTargets::add);
    if (from.isPresent() && to.isPresent() && from.get().equals(to.get())) {
      problems.report(fields.node("to").orElseThrow(),
          "is the same as from ('" + from.get() + "'); a rename needs a new name",
          "a column name other than '" + from.get() + "'");
      return Optional.empty();
    }
    if (from.isEmpty() || to.isEmpty() || type.isEmpty() || notNull.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Rename(from.get(), to.get(), type.get(), notNull.get()));
  }

  private Optional<ColumnChange> retype(YamlNode node, Set<String> columnNames) {
    Optional<YamlNode.Mapping> mapping = values.mapping(node, EXPECTED_RETYPE);
    if (mapping.isEmpty()) {
      return Optional.empty();
    }
    MappingFields fields = MappingFields.of(mapping.get(), problems, RETYPE_KEYS);
    Optional<Side> from = fields.required("from", EXPECTED_COLUMN, this::side);
    Optional<Side> to = fields.required("to", EXPECTED_COLUMN, this::side);
    Optional<String> up = fields.required("up", EXPECTED_UP, n -> sql(n, EXPECTED_UP));
    Optional<String> down = fields.required("down", EXPECTED_DOWN, n -> sql(n, EXPECTED_DOWN));
    Optional<OnUpError> onUpError = fields.optional("onUpError", OnUpError.REJECT, this::onUpError);
    Optional<RetypeStrategy> strategy = fields.optional("strategy", RetypeStrategy.COPY, this::strategy);
    Optional<String> fromName = from.flatMap(Side::name);
    Optional<String> toName = to.flatMap(Side::name);
    fromName.ifPresent(columnNames::add);
    toName.ifPresent(columnNames::add);
    boolean consistent = true;
    Optional<String> fromType = from.flatMap(Side::type);
    if (fromName.isPresent() && fromName.equals(toName) && fromType.isPresent() && fromType.equals(to.flatMap(Side::type))) {
      problems.report(to.get().columnNode(),
          "keeps both the name and the type of from; an in-place type change needs a new type",
          "a type other than " + fromType.get() + ", or a new column name");
      consistent = false;
    }
    if (to.flatMap(Side::notNull).orElse(false) && onUpError.equals(Optional.of(OnUpError.NULL))) {
      problems.report(fields.node("onUpError").orElseThrow(),
          "onUpError: null would store NULL in the new column, but to.notNull is true",
          "onUpError: reject, or to.notNull: false");
      consistent = false;
    }
    if (consistent) {
      consistent = conversion(fields, "up", up, fromName) & conversion(fields, "down", down, toName);
    }
    Optional<Column> fromColumn = from.flatMap(Side::column);
    Optional<Column> toColumn = to.flatMap(Side::column);
    Optional<Boolean> fromNotNull = from.flatMap(Side::notNull);
    Optional<Boolean> toNotNull = to.flatMap(Side::notNull);
    if (!consistent || fromColumn.isEmpty() || toColumn.isEmpty() || fromNotNull.isEmpty() || toNotNull.isEmpty()
        || up.isEmpty() || down.isEmpty() || onUpError.isEmpty() || strategy.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Retype(fromColumn.get(), toColumn.get(), up.get(), down.get(), onUpError.get(),
        toNotNull.get(), fromNotNull.get(), strategy.get()));
  }

  /** Whether {@code expression} is a deterministic function of {@code column} alone, as far as its text shows. */
  private boolean conversion(MappingFields fields, String role, Optional<String> expression, Optional<String> column) {
    if (expression.isEmpty() || column.isEmpty()) {
      return true;
    }
    Optional<String> problem = ConversionRules.problem(role, expression.get(), column.get());
    problem.ifPresent(message -> problems.report(fields.node(role).orElseThrow(), message,
        role.equals("up") ? EXPECTED_UP : EXPECTED_DOWN));
    return problem.isEmpty();
  }

  private Optional<Side> side(YamlNode node) {
    Optional<YamlNode.Mapping> mapping = values.mapping(node, EXPECTED_COLUMN);
    if (mapping.isEmpty()) {
      return Optional.empty();
    }
    MappingFields fields = MappingFields.of(mapping.get(), problems, COLUMN_KEYS);
    Optional<String> name = fields.required("column", Identifiers.EXPECTED, n -> names.name(n, "the column name"));
    Optional<String> type = fields.required("type", EXPECTED_TYPE, this::columnType);
    Optional<Boolean> notNull = fields.optional("notNull", false, values::bool);
    return Optional.of(new Side(name, type, notNull, fields.node("column").orElse(node)));
  }

  /**
   * A column's SQL type. Types without an equality operator are refused: the sync trigger, the
   * backfill and verification all compare old and new values with IS DISTINCT FROM.
   */
  private Optional<String> columnType(YamlNode node) {
    return sql(node, EXPECTED_TYPE).flatMap(type -> {
      String base = type.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").replaceAll("(\\[\\])+$", "");
      String hint = TYPES_WITHOUT_EQUALITY.get(base);
      if (hint != null) {
        problems.report(node, "type " + type + " has no equality operator, which colsync needs to compare the old"
            + " and the new value", hint);
        return Optional.empty();
      }
      return Optional.of(type);
    });
  }

  /** An SQL type or expression, surrounding whitespace removed. */
  private Optional<String> sql(YamlNode node, String expected) {
    Optional<String> text = values.string(node, expected);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> problem = SqlFragmentCheck.problem(text.get());
    problem.ifPresent(message -> problems.report(node, message, expected));
    return problem.isPresent() ? Optional.empty() : Optional.of(text.get().strip());
  }

  /**
   * {@code reject} or {@code null}. An unquoted {@code null} is YAML's null value and means the
   * same as the string; a key left without any value is refused, because what an unconvertible
   * write gets must be chosen, never defaulted by accident.
   */
  private Optional<OnUpError> onUpError(YamlNode node) {
    if (node instanceof YamlNode.Scalar scalar && !node.isLeftOut()) {
      if (scalar.kind() == YamlNode.ScalarKind.NULL) {
        return Optional.of(OnUpError.NULL);
      }
      if (scalar.kind() == YamlNode.ScalarKind.STRING) {
        for (OnUpError choice : OnUpError.values()) {
          if (choice.specValue().equals(scalar.text())) {
            return Optional.of(choice);
          }
        }
        problems.report(node, "unknown value '" + scalar.text() + "'", EXPECTED_ON_UP_ERROR);
        return Optional.empty();
      }
    }
    problems.report(node, node.isLeftOut() ? "has no value" : "must be reject or null, not " + node.describe(),
        EXPECTED_ON_UP_ERROR);
    return Optional.empty();
  }

  private Optional<RetypeStrategy> strategy(YamlNode node) {
    if (node instanceof YamlNode.Scalar scalar && !node.isLeftOut() && scalar.kind() == YamlNode.ScalarKind.STRING) {
      for (RetypeStrategy choice : RetypeStrategy.values()) {
        if (choice.specValue().equals(scalar.text())) {
          return Optional.of(choice);
        }
      }
      problems.report(node, "unknown strategy '" + scalar.text() + "'", EXPECTED_STRATEGY);
      return Optional.empty();
    }
    problems.report(node, node.isLeftOut() ? "has no value" : "must be copy or auto, not " + node.describe(),
        EXPECTED_STRATEGY);
    return Optional.empty();
  }
}
