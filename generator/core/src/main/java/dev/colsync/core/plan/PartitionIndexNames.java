package dev.colsync.core.plan;

import dev.colsync.core.spec.TableName;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Names of the indexes colsync builds on each partition: {@code <parent index>_<partition>}, fit to
 * 63 bytes. Each name, and the name its INVALID leftover is moved to, is unique in its schema among
 * every name colsync gives; a name that would repeat one gets a counter ({@code _2}, {@code _3}, …)
 * before it is fit. Names are handed out in a fixed order, so the same spec always gets the same names.
 */
final class PartitionIndexNames {
  /**
   * A partition index's names, unquoted.
   *
   * @param partition the partition the index is on (and whose schema it is in)
   */
  record Names(TableName partition, String name, String invalid) {}

  private final Set<String> used = new HashSet<>();

  /** @param taken names colsync already gives in {@code schema}: the parent indexes and their leftovers */
  PartitionIndexNames(String schema, List<String> taken) {
    for (String name : taken) {
      used.add(key(schema, name));
    }
  }

  /** The names of the index on each partition for the parent index {@code parent}. */
  List<Names> of(String parent, List<TableName> partitions) {
    List<Names> names = new ArrayList<>();
    for (TableName partition : partitions) {
      names.add(next(parent + "_" + partition.name(), partition));
    }
    return names;
  }

  private Names next(String wanted, TableName partition) {
    for (int n = 1; ; n++) {
      String name = ObjectNames.fit(n == 1 ? wanted : wanted + "_" + n);
      String invalid = ObjectNames.fit(name + "_invalid");
      String nameKey = key(partition.schema(), name);
      String invalidKey = key(partition.schema(), invalid);
      if (!used.contains(nameKey) && !used.contains(invalidKey)) {
        used.add(nameKey);
        used.add(invalidKey);
        return new Names(partition, name, invalid);
      }
    }
  }

  private static String key(String schema, String name) {
    return schema + "\0" + name;
  }
}
