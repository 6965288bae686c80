package dev.colsync.core.spec;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One column change, validated: everything the generator needs, nothing it has to look up.
 *
 * @param migration the migration's name ({@code [a-z0-9_]+}); used in generated object names
 * @param source where the spec came from (a file name), for messages; never part of generated output
 * @param table the table whose column changes
 * @param primaryKey the key the backfill walks in order; exact column names
 * @param change the rename or type change
 * @param backfill batch size and pause of the backfill
 * @param timeouts lock and statement timeouts set before every locking step
 * @param java where the Java shims go, if the spec asks for them
 * @param postgresVersion the oldest PostgreSQL major version the generated SQL must run on
 * @param flyway the Flyway version of this migration's scripts, when the spec gives one (Flyway output needs it:
 *     a default would collide with, or precede, the application's own migrations), and the release being built
 * @param primaryKeyTypes the SQL types of those key columns the spec gives one for (they type the
 *     generated Java); a key column without a type is absent
 * @param objects what else the old column carries (indexes, constraints, properties, dependents)
 */
public record MigrationSpec(
    String migration,
    String source,
    TableName table,
    List<String> primaryKey,
    ColumnChange change,
    Backfill backfill,
    Timeouts timeouts,
    Optional<JavaTarget> java,
    int postgresVersion,
    FlywayRelease flyway,
    Map<String, String> primaryKeyTypes,
    ColumnObjects objects) {

  public static final int MIN_POSTGRES_VERSION = 14;
  public static final int MAX_POSTGRES_VERSION = 18;

  public MigrationSpec {
    Objects.requireNonNull(migration, "migration");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(table, "table");
    primaryKey = List.copyOf(primaryKey);
    Objects.requireNonNull(change, "change");
    Objects.requireNonNull(backfill, "backfill");
    Objects.requireNonNull(timeouts, "timeouts");
    Objects.requireNonNull(java, "java");
    Objects.requireNonNull(flyway, "flyway");
    if (primaryKey.isEmpty()) {
      throw new IllegalArgumentException("primaryKey is empty");
    }
    primaryKeyTypes = Map.copyOf(primaryKeyTypes);
    Objects.requireNonNull(objects, "objects");
    if (!primaryKey.containsAll(primaryKeyTypes.keySet())) {
      throw new IllegalArgumentException("primaryKeyTypes names a column that is not in primaryKey");
    }
  }

  /** A spec whose key columns have no types. */
  public MigrationSpec(
      String migration,
      String source,
      TableName table,
      List<String> primaryKey,
      ColumnChange change,
      Backfill backfill,
      Timeouts timeouts,
      Optional<JavaTarget> java,
      int postgresVersion,
      FlywayRelease flyway) {
    this(migration, source, table, primaryKey, change, backfill, timeouts, java, postgresVersion, flyway,
        Map.of());
  }

  /** A spec whose column carries nothing else the catalog would show. */
  public MigrationSpec(
      String migration,
      String source,
      TableName table,
      List<String> primaryKey,
      ColumnChange change,
      Backfill backfill,
      Timeouts timeouts,
      Optional<JavaTarget> java,
      int postgresVersion,
      FlywayRelease flyway,
      Map<String, String> primaryKeyTypes) {
    this(migration, source, table, primaryKey, change, backfill, timeouts, java, postgresVersion, flyway,
        primaryKeyTypes, ColumnObjects.NONE);
  }

  /** This spec with {@code flyway} in place of its own (a build that chooses the release for every spec). */
  public MigrationSpec withFlyway(FlywayRelease flyway) {
    return new MigrationSpec(migration, source, table, primaryKey, change, backfill, timeouts, java, postgresVersion,
        flyway, primaryKeyTypes, objects);
  }

  /** The version of the scripts before contract, if the spec gives one. */
  public Optional<String> flywayVersion() {
    return flyway.version();
  }

  /** The SQL type the spec gives key column {@code column}, if it gives one. */
  public Optional<String> primaryKeyType(String column) {
    return Optional.ofNullable(primaryKeyTypes.get(column));
  }
}
