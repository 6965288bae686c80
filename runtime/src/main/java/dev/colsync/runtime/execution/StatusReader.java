package dev.colsync.runtime.execution;

import dev.colsync.runtime.flag.InstanceReporter;
import dev.colsync.runtime.flag.JdbcFlagStore;
import dev.colsync.runtime.flag.ReadPath;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads {@link MigrationStatus}es; reads only, creates nothing. */
public final class StatusReader {
  private StatusReader() {}

  /** The status of the migration {@code plan} describes, its steps in plan order. */
  public static MigrationStatus read(Connection connection, ExecutionPlan plan) throws SQLException {
    Map<String, AppliedSteps.Applied> applied = AppliedSteps.read(connection, plan.migration());
    List<String> inOrder = new ArrayList<>();
    Optional<MigrationStatus.LastStep> last = Optional.empty();
    for (ExecutionPlan.PhaseStep step : plan.forwardSteps()) {
      AppliedSteps.Applied record = applied.get(step.id());
      if (record != null) {
        inOrder.add(step.id());
        last = Optional.of(new MigrationStatus.LastStep(step.id(), record.appliedAt()));
      }
    }
    return status(connection, plan.migration(), plan.table(), plan.backfill().stateTable(), inOrder, last);
  }

  /** The status of every migration colsync has run against this database, by name. */
  public static List<MigrationStatus> readAll(Connection connection) throws SQLException {
    List<MigrationStatus> statuses = new ArrayList<>();
    for (Registry.Entry entry : Registry.all(connection)) {
      Map<String, AppliedSteps.Applied> applied = AppliedSteps.read(connection, entry.migration());
      List<String> ids = new ArrayList<>(applied.keySet());
      Optional<MigrationStatus.LastStep> last = applied.values().stream().reduce((first, second) -> second)
          .map(step -> new MigrationStatus.LastStep(step.id(), step.appliedAt()));
      statuses.add(status(connection, entry.migration(), entry.table(), entry.stateTable(), ids, last));
    }
    return statuses;
  }

  private static MigrationStatus status(Connection connection, String migration, QualifiedName table,
      QualifiedName stateTable, List<String> applied, Optional<MigrationStatus.LastStep> last) throws SQLException {
    return new MigrationStatus(migration, table, applied, last, CheckpointState.read(connection, stateTable),
        BackfillControl.read(connection, migration), MigrationLock.holder(connection, migration),
        JdbcFlagStore.read(connection, migration), liveInstances(connection, migration));
  }

  /**
   * The instances whose reports for {@code migration} have not expired, by name, and those of the same
   * applications that do not know it (as contract's gate counts them).
   */
  static List<MigrationStatus.LiveInstance> liveInstances(Connection connection, String migration)
      throws SQLException {
    if (!Jdbc.tableExists(connection, InstanceReporter.TABLE)) {
      return List.of();
    }
    return Jdbc.list(connection, "SELECT i.instance, i.application, i.host, i.pid, i.read_path, i.seen_at,"
        + " i.migration = ? FROM " + InstanceReporter.TABLE + " AS i WHERE i.expires_at > pg_catalog.now()"
        + " AND (i.migration = ? OR (i.migration = '' AND NOT EXISTS (SELECT FROM " + InstanceReporter.TABLE
        + " AS k WHERE k.instance = i.instance AND k.migration = ?) AND EXISTS (SELECT FROM "
        + InstanceReporter.TABLE + " AS a WHERE a.application = i.application AND a.migration = ?"
        + " AND a.expires_at > pg_catalog.now()))) ORDER BY i.instance",
        row -> new MigrationStatus.LiveInstance(row.getString(1), row.getString(2), row.getString(3), row.getLong(4),
            ReadPath.valueOf(row.getString(5)), row.getObject(6, OffsetDateTime.class), row.getBoolean(7)),
        migration, migration, migration, migration);
  }
}
