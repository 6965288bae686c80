package dev.colsync.core.execution;

import dev.colsync.runtime.execution.ConnectionSource;
import dev.colsync.runtime.execution.ExecutionListener;
import dev.colsync.runtime.execution.MigrationExecutor;

/** The backfill of {@link KilledRunTest} in a process of its own, so the test can kill it mid-batch. */
public final class KilledRunChild {
  private KilledRunChild() {}

  /** {@code args[0]}: the JDBC URL of the test database. */
  public static void main(String[] args) throws Exception {
    new MigrationExecutor(ConnectionSource.of(args[0]), KilledRunTest.MIGRATION.execution(),
        KilledRunTest.CHILD_SETTINGS, new ExecutionListener() {}).apply("backfill");
  }
}
