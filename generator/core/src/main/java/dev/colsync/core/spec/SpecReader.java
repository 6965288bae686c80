package dev.colsync.core.spec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Turns a parsed spec document into a {@link MigrationSpec}, reporting every problem it finds
 * rather than stopping at the first. Returns a spec only when nothing was reported.
 */
final class SpecReader {
  static final List<String> SPEC_KEYS = List.of(
      "migration", "table", "schema", "primaryKey", "rename", "retype", "backfill", "timeouts", "java", "postgres",
      "flyway", "column", "indexes", "constraints", "foreignKeys", "referencedBy", "dependents",
      "partitions", "triggers", "readers");
  static final List<String> BACKFILL_KEYS = List.of("batchSize", "pause");
  static final List<String> TIMEOUT_KEYS = List.of("lock", "statement");
  static final List<String> JAVA_KEYS = List.of("package", "class");
  static final List<String> FLYWAY_KEYS = List.of("version", "release", "contractVersion", "inlineBackfill");
  static final List<String> KEY_COLUMN_KEYS = List.of("column", "type");

  static final int MAX_BATCH_SIZE = 1_000_000;
  /** PostgreSQL keeps {@code lock_timeout} and {@code statement_timeout} in an int of milliseconds. */
  static final Duration MAX_TIMEOUT = Duration.ofMillis(Integer.MAX_VALUE);

  private static final Pattern MIGRATION_NAME = Pattern.compile("[a-z0-9_]{1,63}");
  private static final Pattern FLYWAY_VERSION = Pattern.compile("[0-9]+(\\.[0-9]+)*");

  static final String EXPECTED_DOCUMENT = "a mapping of spec keys: migration, table, primaryKey, rename or retype, ...";
  static final String EXPECTED_MIGRATION = "1 to 63 lower-case letters, digits or _, e.g. users_full_name";
  static final String EXPECTED_PRIMARY_KEY = "a list of the primary-key column names, e.g. [id] or [tenant_id, id]";
  static final String EXPECTED_KEY_COLUMN = "a mapping { column: <name>, type: <SQL type> }";
  static final String EXPECTED_BACKFILL = "a mapping { batchSize: 5000, pause: 10ms }";
  static final String EXPECTED_BATCH_SIZE = "a whole number from 1 to 1000000";
  static final String EXPECTED_TIMEOUTS = "a mapping { lock: 2s, statement: 30s }";
  static final String EXPECTED_TIMEOUT = "a duration such as 500ms, 2s or 1min, at most 2147483647ms";
  static final String EXPECTED_JAVA = "a mapping { package: com.example.users, class: UsersShim }";
  static final String EXPECTED_POSTGRES = "a major version from " + MigrationSpec.MIN_POSTGRES_VERSION + " to "
      + MigrationSpec.MAX_POSTGRES_VERSION;
  static final String EXPECTED_FLYWAY = "a mapping { version: \"4\", release: expand } or { version: \"4\","
      + " release: contract, contractVersion: \"7\" }";
  static final String EXPECTED_RELEASE = "expand, contract or all";
  static final String EXPECTED_FLYWAY_VERSION = "digits separated by dots, e.g. \"1\" or \"2026.11.1\"";

  private final String source;
  private final Problems problems;
  private final TypedValues values;
  private final IdentifierReader names;
  private final ChangeReader changes;

  SpecReader(String source, Problems problems) {
    this.source = source;
    this.problems = problems;
    this.values = new TypedValues(problems);
    this.names = new IdentifierReader(values);
    this.changes = new ChangeReader(values, names);
  }

  Optional<MigrationSpec> read(YamlNode document) {
    Optional<YamlNode.Mapping> root = values.mapping(document, EXPECTED_DOCUMENT);
    if (root.isEmpty()) {
      return Optional.empty();
    }
    MappingFields spec = MappingFields.of(root.get(), problems, SPEC_KEYS);
    Optional<String> migration = spec.required("migration", EXPECTED_MIGRATION, this::migrationName);
    Optional<TableName> table = spec.required(
        "table", IdentifierReader.EXPECTED_TABLE, node -> names.table(node, spec.node("schema")));
    Optional<PrimaryKey> primaryKey = spec.required("primaryKey", EXPECTED_PRIMARY_KEY, this::primaryKey);
    ChangeReader.Result change = changes.read(spec);
    Optional<Backfill> backfill = spec.optional("backfill", Backfill.DEFAULTS, this::backfill);
    Optional<Timeouts> timeouts = spec.optional("timeouts", Timeouts.DEFAULTS, this::timeouts);
    Optional<Optional<JavaTarget>> java =
        spec.optional("java", Optional.empty(), node -> javaTarget(node).map(Optional::of));
    Optional<Integer> postgres = spec.optional("postgres", MigrationSpec.MIN_POSTGRES_VERSION,
        node -> values.integer(node, MigrationSpec.MIN_POSTGRES_VERSION, MigrationSpec.MAX_POSTGRES_VERSION,
            EXPECTED_POSTGRES));
    Optional<FlywayRelease> flyway = spec.optional("flyway", FlywayRelease.NONE, this::flyway);
    Optional<ColumnObjects> objects = new ObjectsReader(values).read(spec, change.change());
    boolean inPlace = change.change().map(ColumnChange::inPlace).orElse(false);
    if (inPlace) {
      checkInPlace(spec, change.change().orElseThrow(), primaryKey);
    } else if (spec.node("rename").isPresent() && spec.node("retype").isEmpty()) {
      // A rename may rename a key column (the key stays the key); the key names it as it is today.
      spec.node("primaryKey").ifPresent(key -> checkKeyAvoidsChangedColumns(key, change.renameTargets(), true));
      change.change().filter(rename -> primaryKey.map(key -> key.columns().contains(rename.from().name()))
          .orElse(false)).ifPresent(rename -> checkKeyRename(spec, rename, objects));
    } else {
      spec.node("primaryKey").ifPresent(key -> checkKeyAvoidsChangedColumns(key, change.columnNames(), false));
    }
    if (table.isPresent() && change.change().isPresent() && objects.isPresent()) {
      new ViewChecks(problems).check(spec, table.get(), change.change().get(), objects.get());
    }
    if (!problems.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new MigrationSpec(migration.orElseThrow(), source, table.orElseThrow(),
        primaryKey.orElseThrow().columns(), change.change().orElseThrow(), backfill.orElseThrow(),
        timeouts.orElseThrow(), java.orElseThrow(), postgres.orElseThrow(), flyway.orElseThrow(),
        primaryKey.orElseThrow().types(), objects.orElseThrow()));
  }

  /** The key columns in order, and the SQL types of those given one. */
  private record PrimaryKey(List<String> columns, Map<String, String> types) {}

  private Optional<String> migrationName(YamlNode node) {
    return values.string(node, EXPECTED_MIGRATION).flatMap(name -> {
      if (MIGRATION_NAME.matcher(name).matches()) {
        return Optional.of(name);
      }
      problems.report(node, "'" + name + "' is not a valid migration name", EXPECTED_MIGRATION);
      return Optional.empty();
    });
  }

  private Optional<PrimaryKey> primaryKey(YamlNode node) {
    Optional<YamlNode.Sequence> sequence = values.sequence(node, EXPECTED_PRIMARY_KEY);
    if (sequence.isEmpty()) {
      return Optional.empty();
    }
    if (sequence.get().items().isEmpty()) {
      problems.report(node, "is empty", EXPECTED_PRIMARY_KEY);
      return Optional.empty();
    }
    List<String> columns = new ArrayList<>();
    Map<String, String> types = new LinkedHashMap<>();
    Set<String> seen = new HashSet<>();
    boolean valid = true;
    for (YamlNode item : sequence.get().items()) {
      Optional<String> column;
      if (item instanceof YamlNode.Mapping) {
        Optional<Map.Entry<String, String>> typed = typedKeyColumn(item);
        typed.ifPresent(entry -> types.put(entry.getKey(), entry.getValue()));
        column = typed.map(Map.Entry::getKey);
      } else {
        column = names.name(item, "the key column name");
      }
      if (column.isEmpty()) {
        valid = false;
      } else if (!seen.add(column.get())) {
        problems.report(item, "'" + column.get() + "' is listed more than once", "distinct column names");
        valid = false;
      } else {
        columns.add(column.get());
      }
    }
    return valid ? Optional.of(new PrimaryKey(columns, types)) : Optional.empty();
  }

  /** A key column given with its SQL type: {@code { column: id, type: bigint }}. */
  private Optional<Map.Entry<String, String>> typedKeyColumn(YamlNode node) {
    return fields(node, EXPECTED_KEY_COLUMN, KEY_COLUMN_KEYS, fields -> {
      Optional<String> column = fields.required("column", Identifiers.EXPECTED,
          n -> names.name(n, "the key column name"));
      Optional<String> type = fields.required("type", ChangeReader.EXPECTED_TYPE, this::sqlType);
      return column.isPresent() && type.isPresent()
          ? Optional.of(Map.entry(column.get(), type.get()))
          : Optional.empty();
    });
  }

  private Optional<String> sqlType(YamlNode node) {
    return values.string(node, ChangeReader.EXPECTED_TYPE).flatMap(text -> {
      Optional<String> problem = SqlFragmentCheck.problem(text);
      problem.ifPresent(message -> problems.report(node, message, ChangeReader.EXPECTED_TYPE));
      return problem.isPresent() ? Optional.empty() : Optional.of(text.strip());
    });
  }

  /**
   * An in-place type change keeps the column's name, so the application reads it as before and
   * needs no read-path shim; a key column must end up NOT NULL, as a primary key requires.
   */
  private void checkInPlace(MappingFields spec, ColumnChange change, Optional<PrimaryKey> primaryKey) {
    spec.node("java").ifPresent(node -> problems.reportAtKey(node,
        "an in-place type change keeps the column's name, so the application needs no read-path shim",
        "no java key: read " + change.to().name() + " with a Java type that holds both types (long for integer"
            + " to bigint), or give the new column its own name to get a shim"));
    boolean keyColumn = primaryKey.map(key -> key.columns().contains(change.from().name())).orElse(false);
    spec.node("partitions").filter(node -> node instanceof YamlNode.Sequence sequence && !sequence.items().isEmpty())
        .ifPresent(node -> problems.reportAtKey(node, "the table is partitioned, and " + (keyColumn
            ? "an in-place type change cannot move its primary key onto the new column (PostgreSQL has no ADD"
                + " CONSTRAINT … USING INDEX on a partitioned table)"
            : "colsync's cut-over does not swap the columns of a partitioned table yet"),
            "a table that is not partitioned, or a new column name for " + change.to().name()
                + " (a type change into a new column works on partitioned tables)"));
    if (keyColumn && !change.notNull()) {
      YamlNode retype = spec.node("retype").orElseThrow();
      problems.report(retype, "the column is part of the primary key, so the new column must be NOT NULL",
          "to: { column: " + change.to().name() + ", type: " + change.to().type() + ", notNull: true }");
    }
  }

  /**
   * A rename of a primary-key column moves the key onto the new column at contract, through a copy of
   * its index: the index must be recorded; a Java shim (which finds rows by the key) is not supported yet.
   */
  private void checkKeyRename(MappingFields spec, ColumnChange rename, Optional<ColumnObjects> objects) {
    YamlNode node = spec.node("rename").orElseThrow();
    spec.node("java").ifPresent(java -> problems.reportAtKey(java,
        "the rename changes a primary-key column, and the Java shims find rows by the key; a shim for a renamed"
            + " key is not supported yet", "no java key for a rename of a primary-key column"));
    objects.ifPresent(recorded -> {
      if (recorded.indexes().stream().noneMatch(ColumnObjects.IndexSpec::primary)) {
        problems.report(node, "the rename changes a primary-key column, but the spec does not record the primary"
                + " key's index, which contract turns into the key over " + rename.to().name(),
            "indexes: [ { name: …, definition: …, primary: true } ] (scaffold --url records it)");
      }
    });
  }

  /** Checks the key's names (those that are strings at all) against the changed columns' names. */
  private void checkKeyAvoidsChangedColumns(YamlNode primaryKey, Set<String> changedColumns, boolean renameTarget) {
    if (!(primaryKey instanceof YamlNode.Sequence sequence) || changedColumns.isEmpty()) {
      return;
    }
    for (YamlNode item : sequence.items()) {
      YamlNode name = item instanceof YamlNode.Mapping mapping && mapping.entries().containsKey("column")
          ? mapping.entries().get("column")
          : item;
      if (name instanceof YamlNode.Scalar scalar && scalar.kind() == YamlNode.ScalarKind.STRING
          && changedColumns.contains(scalar.text())) {
        if (renameTarget) {
          problems.report(name, "'" + scalar.text() + "' is the name the rename gives the column; the primary key"
                  + " names its columns as the table has them before the migration",
              "the key with the renamed column under its name today");
        } else {
          problems.report(name, "'" + scalar.text() + "' is the column being changed; a type change of a"
                  + " primary-key column into a new column is not supported yet (in place it is: keep the name)",
              "primary-key columns other than " + String.join(" and ", changedColumns));
        }
      }
    }
  }

  private Optional<Backfill> backfill(YamlNode node) {
    return fields(node, EXPECTED_BACKFILL, BACKFILL_KEYS, fields -> {
      Optional<Integer> batchSize = fields.optional("batchSize", Backfill.DEFAULTS.batchSize(),
          n -> values.integer(n, 1, MAX_BATCH_SIZE, EXPECTED_BATCH_SIZE));
      Optional<Duration> pause = fields.optional("pause", Backfill.DEFAULTS.pause(),
          n -> duration(n, Durations.EXPECTED));
      return batchSize.isPresent() && pause.isPresent()
          ? Optional.of(new Backfill(batchSize.get(), pause.get()))
          : Optional.empty();
    });
  }

  private Optional<Timeouts> timeouts(YamlNode node) {
    return fields(node, EXPECTED_TIMEOUTS, TIMEOUT_KEYS, fields -> {
      Optional<Duration> lock = fields.optional("lock", Timeouts.DEFAULTS.lock(), this::timeout);
      Optional<Duration> statement = fields.optional("statement", Timeouts.DEFAULTS.statement(), this::timeout);
      if (lock.isPresent() && lock.get().isZero()) {
        problems.report(fields.node("lock").orElseThrow(),
            "must be more than 0: a lock_timeout of 0 waits for the lock forever", EXPECTED_TIMEOUT);
        return Optional.empty();
      }
      return lock.isPresent() && statement.isPresent()
          ? Optional.of(new Timeouts(lock.get(), statement.get()))
          : Optional.empty();
    });
  }

  private Optional<Duration> timeout(YamlNode node) {
    return duration(node, EXPECTED_TIMEOUT).flatMap(timeout -> {
      if (timeout.compareTo(MAX_TIMEOUT) > 0) {
        problems.report(node, "is longer than PostgreSQL allows for a timeout", EXPECTED_TIMEOUT);
        return Optional.empty();
      }
      return Optional.of(timeout);
    });
  }

  private Optional<Duration> duration(YamlNode node, String expected) {
    return values.string(node, expected).flatMap(text -> {
      try {
        return Optional.of(Durations.parse(text));
      } catch (IllegalArgumentException e) {
        problems.report(node, e.getMessage(), expected);
        return Optional.empty();
      }
    });
  }

  private Optional<JavaTarget> javaTarget(YamlNode node) {
    return fields(node, EXPECTED_JAVA, JAVA_KEYS, fields -> {
      Optional<String> packageName = fields.required("package", JavaNames.EXPECTED_PACKAGE,
          n -> javaName(n, JavaNames.EXPECTED_PACKAGE, JavaNames::packageProblem));
      Optional<Optional<String>> className = fields.optional("class", Optional.empty(),
          n -> javaName(n, JavaNames.EXPECTED_CLASS, JavaNames::classProblem).map(Optional::of));
      return packageName.isPresent() && className.isPresent()
          ? Optional.of(new JavaTarget(packageName.get(), className.get()))
          : Optional.empty();
    });
  }

  private Optional<String> javaName(YamlNode node, String expected, Function<String, Optional<String>> check) {
    return values.string(node, expected).flatMap(name -> {
      Optional<String> problem = check.apply(name);
      problem.ifPresent(message -> problems.report(node, message, expected));
      return problem.isPresent() ? Optional.empty() : Optional.of(name);
    });
  }

  private Optional<FlywayRelease> flyway(YamlNode node) {
    return fields(node, EXPECTED_FLYWAY, FLYWAY_KEYS, fields -> {
      Optional<String> version = fields.required("version", EXPECTED_FLYWAY_VERSION, this::versionText);
      Optional<FlywayRelease.Release> release = fields.optional("release", FlywayRelease.Release.EXPAND,
          this::release);
      Optional<Optional<String>> contractVersion = fields.optional("contractVersion", Optional.empty(),
          value -> versionText(value).map(Optional::of));
      Optional<Boolean> inlineBackfill = fields.optional("inlineBackfill", false, values::bool);
      if (version.isEmpty() || release.isEmpty() || contractVersion.isEmpty() || inlineBackfill.isEmpty()) {
        return Optional.empty();
      }
      if (release.get() == FlywayRelease.Release.CONTRACT && contractVersion.get().isEmpty()) {
        problems.report(node, "release contract needs contractVersion: contract's scripts run in a later release,"
            + " after the application's own migrations of the releases between", EXPECTED_FLYWAY);
        return Optional.empty();
      }
      if (contractVersion.get().isPresent() && release.get() == FlywayRelease.Release.ALL) {
        problems.report(fields.node("contractVersion").orElseThrow(), "contractVersion is for releases expand"
            + " (planned ahead) and contract, not all: release all holds every phase at version "
            + version.get(), EXPECTED_FLYWAY);
        return Optional.empty();
      }
      if (contractVersion.get().isPresent()
          && FlywayVersions.ORDER.compare(contractVersion.get().get(), version.get() + ".99") <= 0) {
        problems.report(fields.node("contractVersion").orElseThrow(), "contractVersion "
            + contractVersion.get().get() + " must come after every script of version " + version.get(),
            "a version after " + version.get() + ", e.g. one above the application's last migration");
        return Optional.empty();
      }
      return Optional.of(new FlywayRelease(version, release.get(), contractVersion.get(), inlineBackfill.get()));
    });
  }

  private Optional<FlywayRelease.Release> release(YamlNode node) {
    return values.string(node, EXPECTED_RELEASE).flatMap(text -> {
      for (FlywayRelease.Release release : FlywayRelease.Release.values()) {
        if (release.specValue().equals(text)) {
          return Optional.of(release);
        }
      }
      problems.report(node, "unknown release '" + text + "'", EXPECTED_RELEASE);
      return Optional.empty();
    });
  }

  /** A version string; an unquoted whole number such as {@code 2} is taken as written. */
  private Optional<String> versionText(YamlNode node) {
    Optional<String> version = node instanceof YamlNode.Scalar scalar && scalar.kind() == YamlNode.ScalarKind.INTEGER
        ? Optional.of(scalar.text())
        : values.string(node, EXPECTED_FLYWAY_VERSION);
    return version.flatMap(text -> {
      if (FLYWAY_VERSION.matcher(text).matches()) {
        return Optional.of(text);
      }
      problems.report(node, "'" + text + "' is not a Flyway version", EXPECTED_FLYWAY_VERSION);
      return Optional.empty();
    });
  }

  /** Reads a nested mapping with the given keys. */
  private <T> Optional<T> fields(YamlNode node, String expected, List<String> keys,
      Function<MappingFields, Optional<T>> reader) {
    return values.mapping(node, expected).flatMap(mapping -> reader.apply(MappingFields.of(mapping, problems, keys)));
  }
}
