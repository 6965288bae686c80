package dev.colsync.core.plan;

import static dev.colsync.core.plan.Steps.SHARE_UPDATE_EXCLUSIVE;
import static dev.colsync.runtime.sql.SqlIdentifiers.literal;
import static dev.colsync.runtime.sql.SqlIdentifiers.qualified;
import static dev.colsync.runtime.sql.SqlIdentifiers.quote;

import dev.colsync.core.plan.PartitionIndexNames.Names;
import dev.colsync.core.render.CarriedObjects.IndexCopy;
import dev.colsync.core.render.Models.IndexBuildModel;
import dev.colsync.core.render.Models.TableSql;
import dev.colsync.core.render.PartitionIndexModels.AttachModel;
import dev.colsync.core.render.PartitionIndexModels.AttachedIndex;
import dev.colsync.core.render.PartitionIndexModels.DropModel;
import dev.colsync.core.render.PartitionIndexModels.ParentIndexModel;
import dev.colsync.core.render.PartitionIndexModels.PartitionSql;
import dev.colsync.core.spec.ColumnObjects.IndexSpec;
import dev.colsync.core.spec.MigrationSpec;
import dev.colsync.core.spec.TableName;
import dev.colsync.runtime.sql.SqlScript;
import java.util.ArrayList;
import java.util.List;

/**
 * The index copies of a partitioned table. PostgreSQL cannot build an index of a partitioned table
 * concurrently, so each copy is made of parts: the parent index created {@code ON ONLY} the table
 * (no build, INVALID), each partition's index built {@code CONCURRENTLY} in its own script, and then
 * each attached to the parent, which PostgreSQL marks valid once every partition has one. The
 * rollback of contract rebuilds the originals the same way.
 */
final class PartitionIndexSteps {
  static final String SHARE = "SHARE (milliseconds, under lock_timeout; builds nothing)";
  static final String INDEX_LOCKS = "one partition's new index at a time (milliseconds, under lock_timeout)";
  static final String ACCESS_EXCLUSIVE_NO_SCAN = "ACCESS EXCLUSIVE on the table and its partitions (milliseconds,"
      + " under lock_timeout; reads no data)";

  /** One carried index: the parent's copy and original, and the partitions' names of each. */
  private record PartitionedIndex(IndexCopy parent, IndexSpec spec, List<Names> copies, List<Names> originals) {}

  private final Steps steps;
  private final MigrationSpec spec;
  private final TableSql table;
  private final String quote;
  private final List<TableName> partitions;
  private final List<PartitionedIndex> indexes = new ArrayList<>();

  PartitionIndexSteps(Steps steps, MigrationSpec spec, List<IndexCopy> copies, TableSql table, String quote) {
    this.steps = steps;
    this.spec = spec;
    this.table = table;
    this.quote = quote;
    this.partitions = spec.objects().partitions();
    List<String> taken = new ArrayList<>();
    for (IndexCopy copy : copies) {
      taken.addAll(List.of(unquote(copy.copy()), unquote(copy.invalid()), unquote(copy.original()),
          unquote(copy.originalInvalid())));
    }
    PartitionIndexNames names = new PartitionIndexNames(spec.table().schema(), taken);
    List<List<Names>> copyNames = new ArrayList<>();
    for (IndexCopy copy : copies) {
      copyNames.add(names.of(unquote(copy.copy()), partitions));
    }
    for (int i = 0; i < copies.size(); i++) {
      indexes.add(new PartitionedIndex(copies.get(i), spec.objects().indexes().get(i), copyNames.get(i),
          names.of(unquote(copies.get(i).original()), partitions)));
    }
  }

  /** Whether the table is partitioned, so its index copies are built partition by partition. */
  boolean applies() {
    return !partitions.isEmpty();
  }

  /** The indexes phase: each copy's parent index, its partitions' indexes built concurrently, attached. */
  List<Step> buildCopies(Phase phase) {
    List<Step> built = new ArrayList<>();
    int n = 0;
    for (PartitionedIndex index : indexes) {
      n++;
      built.addAll(build(phase, "build-index-" + n, "attach-index-" + n, "new", index.spec(),
          unquote(index.parent().copy()), index.copies(), spec.change().to().name()));
    }
    return built;
  }

  /** The rollback of contract: each original rebuilt over the old column the same way; none for a plain table. */
  List<Step> rebuildOriginals(Phase phase) {
    List<Step> built = new ArrayList<>();
    if (!applies()) {
      return built;
    }
    int n = 0;
    for (PartitionedIndex index : indexes) {
      n++;
      built.addAll(build(phase, "build-old-index-" + n, "attach-old-index-" + n, "old", index.spec(),
          unquote(index.parent().original()), index.originals(), spec.change().from().name()));
    }
    return built;
  }

  /** The rollback of indexes: each parent copy (with the indexes attached to it), then any leftovers. */
  List<Step> dropCopies(Phase phase) {
    List<Step> dropped = new ArrayList<>();
    int n = 0;
    for (PartitionedIndex index : indexes) {
      n++;
      String parent = qualified(spec.table().schema(), unquote(index.parent().copy()));
      dropped.add(steps.transactional(phase, "drop-index-" + n, ACCESS_EXCLUSIVE_NO_SCAN,
          "drop the copy of an index of the partitioned table, with its partitions' indexes",
          new DropModel("sql/partition-index-drop-parent.sql.ftl", spec.migration(), "", phaseName(phase), table,
              commentSafe(index.parent().copy()), List.of(parent))));
      List<String> leftovers = new ArrayList<>();
      for (Names names : index.copies()) {
        leftovers.add(qualified(names.partition().schema(), names.name()));
        leftovers.add(qualified(names.partition().schema(), names.invalid()));
      }
      StringBuilder asOneTransaction = new StringBuilder();
      leftovers.forEach(leftover -> asOneTransaction.append("DROP INDEX IF EXISTS ").append(leftover).append(";\n"));
      dropped.add(steps.nonTransactional(phase, "drop-index-" + n + "-leftovers", SHARE_UPDATE_EXCLUSIVE,
          "drop partitions' indexes of the copy that were never attached", new DropModel(
              "sql/partition-index-drop.sql.ftl", spec.migration(), SqlScript.NO_TRANSACTION_MARKER, phaseName(phase),
              table, commentSafe(index.parent().copy()), leftovers), asOneTransaction.toString()));
    }
    return dropped;
  }

  /** Contract, once the old column is gone: each partition's copy takes the name of an original. */
  List<String> contractRenames() {
    List<String> renames = new ArrayList<>();
    for (PartitionedIndex index : indexes) {
      for (int k = 0; k < partitions.size(); k++) {
        renames.add(rename(index.copies().get(k), index.originals().get(k)));
      }
    }
    return renames;
  }

  /** The rollback of contract, once the old column is back: each partition's index takes its copy's name again. */
  List<String> restoreRenames() {
    List<String> renames = new ArrayList<>();
    for (PartitionedIndex index : indexes) {
      for (int k = 0; k < partitions.size(); k++) {
        renames.add(rename(index.originals().get(k), index.copies().get(k)));
      }
    }
    return renames;
  }

  private List<Step> build(Phase phase, String name, String attachName, String role, IndexSpec original,
      String parent, List<Names> parts, String column) {
    String from = spec.change().from().name();
    String schema = spec.table().schema();
    List<Step> built = new ArrayList<>();
    List<PartitionSql> listed = partitions.stream()
        .map(partition -> new PartitionSql(literal(qualified(partition.schema(), partition.name())))).toList();
    built.add(steps.transactional(phase, name + "-parent", SHARE,
        "create the index of the partitioned table alone (ON ONLY), invalid until each partition's index is attached",
        new ParentIndexModel("sql/partition-index-parent.sql.ftl", spec.migration(), phaseName(phase), role, table,
            commentSafe(quote(parent)), listed,
            Definitions.parentIndex(original.definition(), quote(parent), table.qualified(), from, quote(column)),
            quote)));
    List<AttachedIndex> attached = new ArrayList<>();
    int k = 0;
    for (Names part : parts) {
      k++;
      TableName partition = part.partition();
      String create = Definitions.partitionIndex(original.definition(), quote(part.name()),
          qualified(partition.schema(), partition.name()), from, quote(column));
      IndexBuildModel model = new IndexBuildModel("sql/index-build.sql.ftl", spec.migration(),
          SqlScript.NO_TRANSACTION_MARKER, phaseName(phase), role, table, commentSafe(quote(part.name())),
          literal(partition.schema()), literal(part.name()), qualified(partition.schema(), part.name()),
          quote(part.invalid()), qualified(partition.schema(), part.invalid()), create, quote,
          ContractedGuard.contractedLiteral(phase, spec.migration()));
      built.add(steps.nonTransactional(phase, name + "-partition-" + k, SHARE_UPDATE_EXCLUSIVE,
          "build the index of one partition on the " + role + " column concurrently", model,
          create.replaceFirst("^(CREATE (UNIQUE )?INDEX) CONCURRENTLY", "$1") + ";\n"));
      attached.add(new AttachedIndex(
          literal(qualified(partition.schema(), partition.name())) + "::pg_catalog.regclass",
          qualified(partition.schema(), part.name())));
    }
    String qualifiedParent = qualified(schema, parent);
    AttachModel attach = new AttachModel("sql/partition-index-attach.sql.ftl", spec.migration(),
        SqlScript.NO_TRANSACTION_MARKER, phaseName(phase), table, commentSafe(quote(parent)),
        literal(qualifiedParent) + "::pg_catalog.regclass", qualifiedParent, attached,
        literal("colsync: index " + qualifiedParent + " of " + table.qualified() + " is still invalid"), quote,
        ContractedGuard.contractedLiteral(phase, spec.migration()));
    String script = steps.render(attach);
    built.add(steps.nonTransactional(phase, attachName, INDEX_LOCKS,
        "attach each partition's index to the index of the partitioned table, which makes it valid", attach,
        script.substring(script.indexOf('\n') + 1)));
    return built;
  }

  /** {@code ALTER INDEX IF EXISTS … RENAME TO …}: safe to run twice. */
  private static String rename(Names from, Names to) {
    return "ALTER INDEX IF EXISTS " + qualified(from.partition().schema(), from.name()) + " RENAME TO "
        + quote(to.name()) + ";";
  }

  private static String phaseName(Phase phase) {
    return phase == Phase.CONTRACT ? "rollback of contract" : phase.id();
  }

  /** A quoted name fit for a {@code --} comment: no line breaks. */
  private static String commentSafe(String quotedName) {
    return quotedName.replaceAll("[\\r\\n\\u2028\\u2029]", " ");
  }

  private static String unquote(String quoted) {
    return quoted.substring(1, quoted.length() - 1).replace("\"\"", "\"");
  }
}
