package dev.colsync.cli;

import dev.colsync.core.catalog.CatalogException;
import dev.colsync.core.catalog.CatalogReader;
import dev.colsync.core.catalog.FlywayHistory;
import dev.colsync.core.catalog.ScaffoldedSpec;
import dev.colsync.core.catalog.TableFacts;
import dev.colsync.core.catalog.TableFacts.KeyColumn;
import dev.colsync.core.plan.CatalogOnlyChange;
import dev.colsync.core.spec.MigrationSpec;
import dev.colsync.core.spec.SpecException;
import dev.colsync.core.spec.SpecLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** What both scaffold commands share: the table, the database, the key, where the spec goes, and writing it. */
final class ScaffoldTarget {
  @Option(names = "--url", paramLabel = "JDBC", converter = JdbcUrl.class,
      description = "Read the column and everything that uses it from this database.")
  String url;

  @Option(names = "--table", required = true, paramLabel = "TABLE",
      description = "schema.table, or the table alone (schema public, or --schema).")
  String table;

  @Option(names = "--schema", paramLabel = "SCHEMA", description = "The schema, when the table name has a dot.")
  String schema;

  @Option(names = "--key", split = ",", paramLabel = "COLUMN",
      description = "Primary-key columns, without --url (default: id).")
  List<String> key;

  @Option(names = "--migration", paramLabel = "NAME",
      description = "The migration's name (default: <table>_<new column>, lower case).")
  String migration;

  @Option(names = "--java-package", paramLabel = "PACKAGE", description = "Generate Java shims into this package.")
  String javaPackage;

  @Option(names = "--out", paramLabel = "FILE", description = "Write the spec here instead of standard output.")
  Path out;

  /** What a live check of the written spec is for, when the spec holds text colsync chose; null for none. */
  private String liveCheckReason;

  private final List<String> notes = new ArrayList<>();

  /** The Flyway history found with --url, if the database has one. */
  private FlywayHistory flywayHistory;

  /** Has the spec checked against the database (with --url) as expand would, before it is written. */
  void checkLive(String reason) {
    liveCheckReason = reason;
  }

  /** A note printed once the spec is written. */
  void note(String note) {
    notes.add(note);
  }

  String schemaName() {
    if (schema != null) {
      return schema;
    }
    int dot = table.indexOf('.');
    return dot < 0 ? "public" : table.substring(0, dot);
  }

  String tableName() {
    if (schema != null) {
      return table;
    }
    int dot = table.indexOf('.');
    return dot < 0 ? table : table.substring(dot + 1);
  }

  String migrationName(String newColumn) {
    if (migration != null) {
      return migration;
    }
    String derived = (tableName() + "_" + newColumn).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]+", "_")
        .replaceAll("_+", "_");
    String cut = derived.length() > 63 ? derived.substring(0, 63) : derived;
    return cut.replaceAll("^_+|_+$", "");
  }

  /**
   * The catalog's facts of the column when --url was given; refuses a {@code target} column (other than
   * the column itself) that exists already, whose values the migration would overwrite.
   */
  private Optional<TableFacts> facts(String column, String target) throws SQLException, CatalogException {
    if (url == null) {
      return Optional.empty();
    }
    try (Connection connection = JdbcUrl.source(url).open()) {
      CatalogReader catalog = new CatalogReader(connection);
      TableFacts facts = catalog.read(schemaName(), tableName(), column);
      if (!target.equals(column) && catalog.columnExists(schemaName(), tableName(), target)) {
        throw new CatalogException("column " + target + " exists already in table " + schemaName() + "."
            + tableName() + "; the migration would overwrite its values. Choose a new column name, or drop"
            + " that column first if it is unused");
      }
      FlywayHistory.read(connection).ifPresent(history -> flywayHistory = history);
      return Optional.of(facts);
    }
  }

  /** The key: the catalog's primary key with its types, or the --key columns. */
  List<KeyColumn> key(Optional<TableFacts> facts) throws CatalogException {
    if (facts.isPresent()) {
      if (facts.get().primaryKey().isEmpty()) {
        throw new CatalogException("table " + schemaName() + "." + tableName() + " has no primary key, which the"
            + " backfill needs to walk it in batches; add one (built CONCURRENTLY as a unique index first)");
      }
      return facts.get().primaryKey();
    }
    return (key == null ? List.of("id") : key).stream().map(name -> new KeyColumn(name, "")).toList();
  }

  /** Logical replication: DDL does not replicate, so each subscriber has steps of its own, in an order. */
  private void notePublications(CommandLine commandLine, TableFacts facts) {
    if (facts.publications().isEmpty()) {
      return;
    }
    commandLine.getErr().println("note: " + schemaName() + "." + tableName() + " is in publication"
        + (facts.publications().size() == 1 ? " " : "s ") + String.join(", ", facts.publications())
        + ": DDL does not replicate, so each subscriber must have the new column before expand runs here, and drops"
        + " the old one only after contract here; the generated runbook lists the statements, in order");
    commandLine.getErr().flush();
  }

  /** Builds a spec from the column's facts (empty without --url). */
  interface SpecBuilder {
    ScaffoldedSpec build(Optional<TableFacts> facts) throws CatalogException;
  }

  /**
   * Reads the facts of {@code column} (which becomes {@code target}), builds the spec, and writes it.
   *
   * @return the exit code
   */
  int run(CommandLine commandLine, String column, String target, SpecBuilder builder)
      throws IOException, SQLException {
    try {
      Optional<TableFacts> facts = facts(column, target);
      ScaffoldedSpec spec = builder.build(facts);
      if (javaPackage != null) {
        spec.javaPackage(javaPackage);
      }
      if (flywayHistory != null) {
        String version = flywayHistory.next();
        spec.flywayVersion(version);
        note("flyway.version " + version + " comes after the latest migration in flyway_schema_history ("
            + flywayHistory.latest().orElse("none") + "); the application's next migration of its own must come"
            + " after the last script of this one");
      }
      int exit = write(spec.yaml(), commandLine.getOut(), commandLine.getErr());
      if (exit == ExitCodes.OK) {
        notes.forEach(note -> commandLine.getErr().println("note: " + note));
        commandLine.getErr().flush();
        facts.ifPresent(f -> noteUpdateTriggers(commandLine, f));
        facts.ifPresent(f -> notePublications(commandLine, f));
      }
      if (exit == ExitCodes.OK && !column.equals(target)) {
        facts.map(TableFacts::readers).filter(readers -> !readers.isEmpty()).ifPresent(readers -> {
          commandLine.getErr().println("note: " + String.join(", ", readers) + " name" + (readers.size() == 1 ? "s" : "")
              + " column " + column + " of " + schemaName() + "." + tableName() + " and will fail once contract drops it:"
              + " change " + (readers.size() == 1 ? "it" : "them") + " to read " + target + " before contract");
          commandLine.getErr().flush();
        });
      }
      return exit;
    } catch (CatalogException e) {
      commandLine.getErr().println("colsync scaffold: " + e.getMessage());
      commandLine.getErr().flush();
      return ExitCodes.BAD_INPUT;
    }
  }

  /** Names the table's row triggers that will fire for every row the backfill writes. */
  private void noteUpdateTriggers(CommandLine commandLine, TableFacts facts) {
    List<String> triggers = facts.otherTriggers().stream().filter(TableFacts.TriggerFacts::firesOnEveryUpdate)
        .map(TableFacts.TriggerFacts::name).toList();
    if (!triggers.isEmpty()) {
      commandLine.getErr().println("note: trigger" + (triggers.size() == 1 ? " " : "s ") + String.join(", ", triggers)
          + " of " + schemaName() + "." + tableName() + " fire" + (triggers.size() == 1 ? "s" : "") + " on every"
          + " UPDATE, so also for every row the backfill writes; if one stamps a modified time or writes an audit"
          + " row, have it return early when coalesce(current_setting('colsync.backfill', true), '') <> ''"
          + " (the backfill sets colsync.backfill in each batch)");
      commandLine.getErr().flush();
    }
  }

  /** What expand would refuse of {@code spec} in the database, checked in a transaction rolled back. */
  private Optional<String> refusal(MigrationSpec spec) throws SQLException {
    try (Connection connection = JdbcUrl.source(url).open()) {
      LiveCheck.Outcome outcome = new LiveCheck().run(connection, spec);
      return Optional.ofNullable(outcome.refusal());
    }
  }

  /**
   * Checks the spec as colsync will read it, then writes it (whole, or not at all).
   *
   * @return the exit code
   */
  private int write(String yaml, PrintWriter stdout, PrintWriter stderr) throws IOException, SQLException {
    String name = out == null ? "scaffolded spec" : out.toString();
    MigrationSpec spec;
    try {
      spec = new SpecLoader().load(name, yaml);
    } catch (SpecException e) {
      e.problems().forEach(stderr::println);
      stderr.println("colsync refuses this change as it stands; nothing was written");
      stderr.flush();
      return ExitCodes.BAD_INPUT;
    }
    if (liveCheckReason != null && url != null) {
      Optional<String> refusal = refusal(spec);
      if (refusal.isPresent()) {
        stderr.println("colsync scaffold: with " + liveCheckReason + ", expand would refuse in this database: "
            + refusal.get());
        stderr.println("give --up and --down yourself; nothing was written");
        stderr.flush();
        return ExitCodes.BAD_INPUT;
      }
    }
    CatalogOnlyChange.Decision decision = CatalogOnlyChange.decide(spec);
    if (decision.catalogOnly() && url != null) {
      Optional<String> refusal = refusal(spec);
      if (refusal.isPresent()) {
        stderr.println("colsync scaffold: strategy auto: the live catalog rules out a catalog-only change: "
            + refusal.get());
        stderr.println("give --strategy copy; nothing was written");
        stderr.flush();
        return ExitCodes.BAD_INPUT;
      }
    }
    if (!decision.explanation().isEmpty()) {
      note(decision.explanation() + (decision.catalogOnly() && url != null ? " The live catalog agrees." : ""));
    }
    if (out == null) {
      stdout.print(yaml);
      stdout.flush();
    } else {
      Path absolute = out.toAbsolutePath();
      Files.createDirectories(absolute.getParent());
      Path staging = Files.createTempFile(absolute.getParent(), ".colsync-", ".yaml");
      Files.writeString(staging, yaml, StandardCharsets.UTF_8);
      Files.move(staging, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      stdout.println("wrote " + out);
      stdout.flush();
    }
    return ExitCodes.OK;
  }
}
