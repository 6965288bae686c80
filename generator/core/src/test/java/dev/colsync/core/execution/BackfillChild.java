package dev.colsync.core.execution;

import dev.colsync.runtime.execution.ConnectionSource;
import dev.colsync.runtime.execution.ExecutionListener;
import dev.colsync.runtime.execution.MigrationExecutor;

/** The backfill of {@link BackfillKillTest} in a process of its own, so the test can kill it. */
public final class BackfillChild {
  private BackfillChild() {}

  /** {@code args[0]}: the JDBC URL of the test database. */
  public static void main(String[] args) throws Exception {
    new MigrationExecutor(ConnectionSource.of(args[0]), BackfillKillTest.MIGRATION.execution(),
        BackfillKillTest.SETTINGS, new ExecutionListener() {}).apply("backfill");
  }
}
