package dev.colsync.spring.boot;

import dev.colsync.runtime.execution.CheckpointState;
import dev.colsync.runtime.execution.MigrationStatus;
import dev.colsync.runtime.execution.StatusReader;
import dev.colsync.runtime.flag.FlagRecord;
import dev.colsync.runtime.flag.FlagSource;
import dev.colsync.runtime.flag.JdbcFlagStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * What the endpoint and the health indicator show of each migration the application knows: the read path this
 * instance uses, the flag in the database, and, once colsync's runner has run it, its steps, its backfill and the
 * instances that report a read path for it. Read in one connection; writes nothing.
 */
final class MigrationView {
  private final DataSource dataSource;
  private final FlagSource flags;
  private final ColsyncMigrations migrations;

  MigrationView(DataSource dataSource, FlagSource flags, ColsyncMigrations migrations) {
    this.dataSource = dataSource;
    this.flags = flags;
    this.migrations = migrations;
  }

  Map<String, Object> all() throws SQLException {
    Map<String, Object> byMigration = new LinkedHashMap<>();
    try (Connection connection = dataSource.getConnection()) {
      Map<String, MigrationStatus> statuses = statuses(connection);
      Map<String, FlagRecord> stored = new LinkedHashMap<>();
      JdbcFlagStore.list(connection).forEach(flag -> stored.put(flag.migration(), flag));
      for (String migration : migrations.names()) {
        byMigration.put(migration, describe(migration, Optional.ofNullable(stored.get(migration)),
            Optional.ofNullable(statuses.get(migration))));
      }
    }
    return byMigration;
  }

  private Map<String, Object> describe(String migration, Optional<FlagRecord> flag, Optional<MigrationStatus> status) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("readPath", flags.readPath(migration).name());
    view.put("flag", flag.map(record -> record.readPath().name()).orElse("OLD"));
    view.put("flagUpdatedAt", flag.map(record -> record.updatedAt().toString()).orElse(null));
    status.ifPresent(known -> {
      view.put("appliedSteps", known.appliedSteps());
      view.put("lastApplied", known.lastApplied().map(MigrationStatus.LastStep::step).orElse(null));
      List<Map<String, Object>> backfill = new ArrayList<>();
      for (CheckpointState checkpoint : known.checkpoints()) {
        Map<String, Object> direction = new LinkedHashMap<>();
        direction.put("direction", checkpoint.direction());
        direction.put("done", checkpoint.done());
        direction.put("rowsChanged", checkpoint.rowsChanged());
        direction.put("batches", checkpoint.batches());
        backfill.add(direction);
      }
      view.put("backfill", backfill);
      view.put("runningBackend", known.runningBackend().orElse(null));
      List<Map<String, Object>> instances = new ArrayList<>();
      for (MigrationStatus.LiveInstance live : known.instances()) {
        Map<String, Object> instance = new LinkedHashMap<>();
        instance.put("instance", live.instance());
        instance.put("application", live.application());
        instance.put("readPath", live.readPath().name());
        instance.put("knowsMigration", live.knowsMigration());
        instance.put("seenAt", live.seenAt().toString());
        instances.add(instance);
      }
      view.put("instances", instances);
    });
    return view;
  }

  private static Map<String, MigrationStatus> statuses(Connection connection) throws SQLException {
    Map<String, MigrationStatus> byName = new LinkedHashMap<>();
    for (MigrationStatus status : StatusReader.readAll(connection)) {
      byName.put(status.migration(), status);
    }
    return byName;
  }
}
