package dev.colsync.core.catalog;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.colsync.core.catalog.TableFacts.ConstraintFacts;
import dev.colsync.core.catalog.TableFacts.Dependent;
import dev.colsync.core.catalog.TableFacts.IndexFacts;
import dev.colsync.core.catalog.TableFacts.KeyColumn;
import dev.colsync.core.catalog.TableFacts.TriggerFacts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Writes a spec's YAML from what the catalog says, so generation never needs the database again.
 * Keys come in a fixed order; the output of the same catalog is the same text.
 */
public final class ScaffoldedSpec {
  private final Map<String, Object> root = new LinkedHashMap<>();

  private ScaffoldedSpec() {}

  /**
   * A rename.
   *
   * @param facts the old column's facts, or empty to write the spec from the arguments alone
   */
  public static ScaffoldedSpec rename(String migration, String schema, String table, List<KeyColumn> key,
      String from, String to, String type, boolean notNull, Optional<TableFacts> facts) {
    ScaffoldedSpec spec = header(migration, schema, table, key);
    Map<String, Object> rename = new LinkedHashMap<>();
    rename.put("from", from);
    rename.put("to", to);
    rename.put("type", type);
    rename.put("notNull", notNull);
    spec.root.put("rename", rename);
    // A renamed key column takes the key with it: its index is carried like any other, and becomes the key.
    boolean keyColumn = key.stream().anyMatch(column -> column.name().equals(from));
    facts.ifPresent(f -> spec.objects(f, keyColumn));
    return spec;
  }

  /** A type change into a new column. */
  public static ScaffoldedSpec retype(String migration, String schema, String table, List<KeyColumn> key,
      String from, String fromType, boolean fromNotNull, String to, String toType, String up, String down,
      String onUpError, Optional<TableFacts> facts) {
    ScaffoldedSpec spec = header(migration, schema, table, key);
    Map<String, Object> retype = new LinkedHashMap<>();
    retype.put("from", column(from, fromType, fromNotNull));
    retype.put("to", column(to, toType, fromNotNull && onUpError.equals("reject")));
    retype.put("up", up);
    retype.put("down", down);
    retype.put("onUpError", onUpError);
    spec.root.put("retype", retype);
    // In place, the primary key moves to the new column too, so its index is carried like any other.
    facts.ifPresent(f -> spec.objects(f, from.equals(to)));
    return spec;
  }

  /** Adds {@code retype.strategy} to a type change. */
  @SuppressWarnings("unchecked")
  public ScaffoldedSpec strategy(String strategy) {
    ((Map<String, Object>) root.get("retype")).put("strategy", strategy);
    return this;
  }

  /** Adds {@code flyway: { version: … }}. */
  public ScaffoldedSpec flywayVersion(String version) {
    root.put("flyway", Map.of("version", version));
    return this;
  }

  /** Adds {@code java: { package: … }}. */
  public ScaffoldedSpec javaPackage(String packageName) {
    root.put("java", Map.of("package", packageName));
    return this;
  }

  public String yaml() {
    ObjectMapper mapper = new ObjectMapper(YAMLFactory.builder()
        .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
        .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
        .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
        .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
        .build());
    try {
      return "# Written by colsync scaffold; edit freely.\n" + mapper.writeValueAsString(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ScaffoldedSpec header(String migration, String schema, String table, List<KeyColumn> key) {
    ScaffoldedSpec spec = new ScaffoldedSpec();
    spec.root.put("migration", migration);
    spec.root.put("schema", schema);
    spec.root.put("table", table);
    List<Object> primaryKey = new ArrayList<>();
    for (KeyColumn column : key) {
      primaryKey.add(column.type().isEmpty() ? column.name() : Map.of("column", column.name(), "type", column.type()));
    }
    spec.root.put("primaryKey", primaryKey);
    return spec;
  }

  private static Map<String, Object> column(String name, String type, boolean notNull) {
    Map<String, Object> column = new LinkedHashMap<>();
    column.put("column", name);
    column.put("type", type);
    column.put("notNull", notNull);
    return column;
  }

  private void objects(TableFacts facts, boolean withPrimaryKey) {
    Map<String, Object> properties = new LinkedHashMap<>();
    facts.column().defaultExpression().ifPresent(value -> properties.put("default", value));
    facts.column().collation().ifPresent(value -> properties.put("collation", value));
    facts.column().comment().ifPresent(value -> properties.put("comment", value));
    facts.column().statisticsTarget().ifPresent(value -> properties.put("statistics", value));
    facts.column().ownedSequence().ifPresent(sequence -> {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("name", sequence.name());
      entry.put("type", sequence.type());
      properties.put("sequence", entry);
    });
    facts.column().identity().ifPresent(value -> properties.put("identity", value));
    if (!properties.isEmpty()) {
      root.put("column", properties);
    }
    List<Object> indexes = new ArrayList<>();
    for (IndexFacts index : facts.indexes()) {
      if (index.primary() && !withPrimaryKey || index.exclusion()) {
        continue; // an exclusion constraint is refused by name among the dependents, never copied as an index
      }
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("name", index.name());
      entry.put("definition", index.definition());
      index.constraint().ifPresent(name -> entry.put("constraint", name));
      if (index.primary()) {
        entry.put("primary", true);
      }
      indexes.add(entry);
    }
    putIfAny("indexes", indexes);
    putIfAny("constraints", constraints(facts.constraints(), 'c'));
    putIfAny("foreignKeys", constraints(facts.constraints(), 'f'));
    putIfAny("referencedBy", constraints(facts.incomingForeignKeys(), 'f'));
    List<Object> dependents = new ArrayList<>();
    for (Dependent dependent : facts.dependents()) {
      Map<String, Object> entry = dependent(dependent.kind(), dependent.name());
      dependent.view().ifPresent(view -> {
        entry.put("definition", view.definition().strip());
        view.checkOption().ifPresent(option -> entry.put("checkOption", option));
        if (view.securityBarrier()) {
          entry.put("securityBarrier", true);
        }
        if (view.securityInvoker()) {
          entry.put("securityInvoker", true);
        }
        if (!view.usedBy().isEmpty()) {
          entry.put("usedBy", view.usedBy());
        }
      });
      dependents.add(entry);
    }
    Set<String> exclusions = new LinkedHashSet<>();
    for (ConstraintFacts constraint : facts.constraints()) {
      if (constraint.type() == 'x') {
        exclusions.add(constraint.name());
      }
    }
    // Over an expression of the column (tsrange(start_at, end_at)) it is found through its index only.
    facts.indexes().stream().filter(IndexFacts::exclusion).flatMap(index -> index.constraint().stream())
        .forEach(exclusions::add);
    exclusions.forEach(name -> dependents.add(dependent("exclusion constraint", name)));
    putIfAny("dependents", dependents);
    putIfAny("partitions", new ArrayList<>(facts.partitions()));
    List<Object> triggers = new ArrayList<>();
    for (TriggerFacts trigger : facts.otherTriggers()) {
      if (trigger.usesColumn()) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("name", trigger.name());
        entry.put("definition", trigger.definition());
        triggers.add(entry);
      }
    }
    putIfAny("triggers", triggers);
    if (!withPrimaryKey) { // in place the column keeps its name, and its readers keep working
      putIfAny("readers", new ArrayList<>(facts.readers()));
    }
  }

  private static List<Object> constraints(List<ConstraintFacts> constraints, char type) {
    List<Object> entries = new ArrayList<>();
    for (ConstraintFacts constraint : constraints) {
      if (constraint.type() == type) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("name", constraint.name());
        entry.put("table", constraint.table());
        entry.put("definition", constraint.definition());
        entries.add(entry);
      }
    }
    return entries;
  }

  private static Map<String, Object> dependent(String kind, String name) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("kind", kind);
    entry.put("name", name);
    return entry;
  }

  private void putIfAny(String key, List<Object> values) {
    if (!values.isEmpty()) {
      root.put(key, values);
    }
  }
}
