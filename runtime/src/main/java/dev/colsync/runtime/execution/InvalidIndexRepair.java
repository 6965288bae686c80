package dev.colsync.runtime.execution;

import dev.colsync.runtime.sql.SqlIdentifiers;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Before a concurrent index build, drops an INVALID index of the same name on the same table: what a
 * failed or interrupted {@code CREATE INDEX CONCURRENTLY} leaves behind. Left in place, it would make
 * {@code IF NOT EXISTS} skip the build, or the build fail, while the table pays for its upkeep.
 */
final class InvalidIndexRepair {
  private InvalidIndexRepair() {}

  /** Runs in autocommit, as {@code DROP INDEX CONCURRENTLY} must. */
  static void beforeStatement(Connection connection, String statement, ExecutionListener listener)
      throws SQLException {
    Optional<IndexBuild> build = IndexBuild.parse(statement);
    if (build.isEmpty()) {
      return;
    }
    record Invalid(long oid, QualifiedName name) {}
    Optional<Invalid> invalid = Jdbc.first(connection,
        "SELECT c.oid::bigint, n.nspname::text, c.relname::text FROM pg_catalog.pg_index i"
            + " JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid"
            + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE i.indrelid = pg_catalog.to_regclass(?) AND c.relname = ? AND NOT i.indisvalid",
        row -> new Invalid(row.getLong(1), new QualifiedName(row.getString(2), row.getString(3))),
        build.get().table(), build.get().index());
    if (invalid.isEmpty()) {
      return;
    }
    Optional<Integer> builder = Jdbc.first(connection,
        "SELECT pid FROM pg_catalog.pg_stat_progress_create_index WHERE index_relid::bigint = ?",
        row -> row.getInt(1), invalid.get().oid());
    if (builder.isPresent()) {
      throw new SQLException("index " + invalid.get().name() + " is being built right now by backend pid "
          + builder.get() + "; wait for that build to end");
    }
    QualifiedName name = invalid.get().name();
    Jdbc.execute(connection, "DROP INDEX CONCURRENTLY IF EXISTS " + SqlIdentifiers.qualified(name.schema(), name.name()));
    listener.notice("dropped INVALID index " + name + ", left by a failed concurrent build; building it again");
  }
}
