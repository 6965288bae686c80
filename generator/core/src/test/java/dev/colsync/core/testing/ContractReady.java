package dev.colsync.core.testing;

import dev.colsync.runtime.flag.JdbcFlagStore;
import dev.colsync.runtime.flag.ReadPath;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * What a test does before it runs a contract script, as an operator would: every reader has moved to
 * the new column, so the read-path flag is NEW. (The convergence check is contract's own first script.)
 */
public final class ContractReady {
  private ContractReady() {}

  public static void readPathNew(Connection connection, String migration) throws SQLException {
    JdbcFlagStore.write(connection, migration, ReadPath.NEW);
  }
}
