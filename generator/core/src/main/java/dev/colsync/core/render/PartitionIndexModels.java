package dev.colsync.core.render;

import dev.colsync.core.render.Models.TableSql;
import java.util.List;

/**
 * The typed models of the templates that copy an index of a partitioned table: the parent index
 * created {@code ON ONLY}, each partition's index attached to it, and their drops. All strings are
 * SQL, quoted.
 */
public final class PartitionIndexModels {
  private PartitionIndexModels() {}

  /**
   * A partition the spec lists.
   *
   * @param literal its qualified name as a string constant, for {@code to_regclass}
   */
  public record PartitionSql(String literal) {}

  /**
   * The index of the partitioned table alone, after a check that the spec lists exactly the table's
   * partitions.
   *
   * @param name the index's name for the script's comment
   * @param partitions every partition the spec lists
   * @param create {@code CREATE INDEX IF NOT EXISTS … ON ONLY …}
   */
  public record ParentIndexModel(
      String templateName, String migration, String phase, String columnRole, TableSql table, String name,
      List<PartitionSql> partitions, String create, String quote) implements TemplateModel {}

  /**
   * One partition's index, to be attached to the parent index.
   *
   * @param partitionRegclass the partition as a regclass constant
   * @param qualifiedIndex the partition's index, qualified
   */
  public record AttachedIndex(String partitionRegclass, String qualifiedIndex) {}

  /**
   * Attaching each partition's index to the parent index, each in its own transaction, then checking
   * that the parent is valid.
   *
   * @param parentRegclass the parent index as a regclass constant
   * @param qualifiedParent the parent index, qualified
   * @param stillInvalid the message's text when the parent index is still invalid, a string constant
   */
  public record AttachModel(
      String templateName, String migration, String noTransactionMarker, String phase, TableSql table, String name,
      String parentRegclass, String qualifiedParent, List<AttachedIndex> indexes, String stillInvalid, String quote,
      String contractedLiteral) implements TemplateModel {}

  /**
   * Dropping indexes one statement at a time: the parent index (which drops every index attached to
   * it) in a transaction, or the partitions' leftovers concurrently.
   *
   * @param noTransactionMarker the marker a no-transaction script starts with, or empty for a transaction
   * @param qualifiedIndexes the indexes, qualified
   */
  public record DropModel(
      String templateName, String migration, String noTransactionMarker, String phase, TableSql table, String name,
      List<String> qualifiedIndexes) implements TemplateModel {}
}
