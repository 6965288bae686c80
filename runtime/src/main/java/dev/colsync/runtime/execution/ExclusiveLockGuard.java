package dev.colsync.runtime.execution;

import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Refuses to commit a transaction that holds ACCESS EXCLUSIVE on more than one existing table: each
 * such lock queues every query of its table behind it, and two at once also risk a deadlock with the
 * application. Tables the transaction created itself do not count (nobody else can see them yet), nor do
 * colsync's own tables; a partitioned table counts once with its partitions. One exception: adding,
 * dropping or moving a foreign key locks both its tables ACCESS EXCLUSIVE and PostgreSQL offers no way
 * around that, so a table and the tables joined to it by foreign keys (before or after the transaction)
 * pass: the scripts lock the table first and each other one NOWAIT, and are retried as a whole.
 */
final class ExclusiveLockGuard {
  private ExclusiveLockGuard() {}

  private record Locked(long oid, QualifiedName name) {}

  /**
   * @param work the connection whose open transaction is checked
   * @param monitor another connection: it sees only tables that existed before the transaction
   * @param ownTables colsync's tables outside schema {@code colsync}, such as the backfill checkpoint
   */
  static void check(Connection work, Connection monitor, Set<QualifiedName> ownTables) throws SQLException {
    List<Locked> locked = new ArrayList<>();
    for (Locked table : Jdbc.list(work,
        "SELECT DISTINCT c.oid, n.nspname::text, c.relname::text FROM pg_catalog.pg_locks l"
            + " JOIN pg_catalog.pg_class locked ON locked.oid = l.relation"
            + " JOIN pg_catalog.pg_class c ON c.oid = coalesce(pg_catalog.pg_partition_root(locked.oid), locked.oid)"
            + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE l.pid = pg_catalog.pg_backend_pid() AND l.locktype = 'relation' AND l.granted"
            + " AND l.mode = 'AccessExclusiveLock' AND locked.relkind IN ('r', 'p', 'm', 'f')"
            + " AND n.nspname <> 'colsync' ORDER BY n.nspname::text, c.relname::text",
        row -> new Locked(row.getLong(1), new QualifiedName(row.getString(2), row.getString(3))))) {
      if (!ownTables.contains(table.name())) {
        locked.add(table);
      }
    }
    if (locked.size() < 2) {
      return;
    }
    Array oids = monitor.createArrayOf("bigint", locked.stream().map(Locked::oid).toArray());
    Set<Long> existing = Set.copyOf(Jdbc.list(monitor,
        "SELECT oid::bigint FROM pg_catalog.pg_class WHERE oid::bigint = ANY (?)", row -> row.getLong(1), oids));
    List<Locked> contendedLocks = locked.stream().filter(table -> existing.contains(table.oid())).toList();
    if (contendedLocks.size() >= 2 && joinedThroughOne(work, monitor, contendedLocks)) {
      return;
    }
    List<QualifiedName> contended = contendedLocks.stream().map(Locked::name).toList();
    if (contended.size() > 1) {
      throw new SQLException("the step takes ACCESS EXCLUSIVE locks on " + contended.size()
          + " tables in one transaction (" + contended.stream().map(QualifiedName::toString)
              .collect(Collectors.joining(", "))
          + "); colsync allows one per transaction, so it was rolled back");
    }
  }

  /**
   * Whether one of the locked tables is joined by a foreign key (before or after the transaction) to each
   * of the others: the migrated table and the tables whose keys reference it, which a script locks this
   * table first and each other one NOWAIT, so it never waits while it holds a lock.
   */
  private static boolean joinedThroughOne(Connection work, Connection monitor, List<Locked> locked)
      throws SQLException {
    for (Locked hub : locked) {
      boolean joinedToAll = true;
      for (Locked other : locked) {
        if (other != hub && !joinedByForeignKey(work, hub, other) && !joinedByForeignKey(monitor, hub, other)) {
          joinedToAll = false;
          break;
        }
      }
      if (joinedToAll) {
        return true;
      }
    }
    return false;
  }

  /** Whether, as {@code connection} sees the catalog, a foreign key joins the two tables. */
  private static boolean joinedByForeignKey(Connection connection, Locked first, Locked second) throws SQLException {
    long one = first.oid();
    long other = second.oid();
    return Jdbc.first(connection, "SELECT EXISTS (SELECT FROM pg_catalog.pg_constraint WHERE contype = 'f'"
            + " AND ((conrelid::bigint = ? AND confrelid::bigint = ?) OR (conrelid::bigint = ? AND confrelid::bigint = ?)))",
        row -> row.getBoolean(1), one, other, other, one).orElse(false);
  }
}
