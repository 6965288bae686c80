package dev.colsync.benchmarks;

import dev.colsync.benchmarks.pgbench.PgAddress;
import dev.colsync.benchmarks.pgbench.Pgbench;
import dev.colsync.benchmarks.pgbench.PgbenchBinary;
import dev.colsync.testing.PostgresServers;
import dev.colsync.testing.TestDatabase;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A fresh database on the fixture's server holding {@code pgbench_accounts}: filled by
 * {@code pgbench -i}, or in the quick mode, where pgbench is not used, by SQL with
 * {@value #QUICK_ROWS} rows. Closing drops it.
 */
final class AccountsDatabase implements AutoCloseable {
  static final int QUICK_ROWS = 20_000;

  private final TestDatabase database;
  private final Database sql;
  private final Pgbench pgbench;

  private AccountsDatabase(TestDatabase database, Pgbench pgbench) {
    this.database = database;
    this.sql = new Database(database.jdbcUrl());
    this.pgbench = pgbench;
  }

  /** Why the pgbench figures cannot be measured in this run, if they cannot. */
  static Optional<String> unavailable(BenchmarkOptions options) {
    if (options.quick()) {
      return Optional.of("skipped in quick mode (needs pgbench and minutes); run the full harness");
    }
    return PgbenchBinary.onPath().isPresent() ? Optional.empty() : Optional.of(PgbenchBinary.HOW_TO_INSTALL);
  }

  static AccountsDatabase create(BenchmarkOptions options) throws Exception {
    TestDatabase database = PostgresServers.any().newDatabase();
    try {
      if (options.quick()) {
        new Database(database.jdbcUrl()).createAccounts(QUICK_ROWS);
        return new AccountsDatabase(database, null);
      }
      Path binary = PgbenchBinary.onPath().orElseThrow(() -> new IllegalStateException(PgbenchBinary.HOW_TO_INSTALL));
      Pgbench pgbench = new Pgbench(binary, PgAddress.fromJdbcUrl(database.jdbcUrl()), options.clients());
      pgbench.initialize(options.scale());
      new Database(database.jdbcUrl()).balanceNotNull();
      return new AccountsDatabase(database, pgbench);
    } catch (Exception | Error e) {
      database.close();
      throw e;
    }
  }

  String jdbcUrl() {
    return database.jdbcUrl();
  }

  Database sql() {
    return sql;
  }

  /** The pgbench of this database; none in the quick mode. */
  Pgbench pgbench() {
    if (pgbench == null) {
      throw new IllegalStateException("no pgbench in the quick mode");
    }
    return pgbench;
  }

  long rows() throws java.sql.SQLException {
    return sql.number("SELECT count(*) FROM pgbench_accounts");
  }

  String server() {
    return database.server().toString();
  }

  @Override
  public void close() {
    database.close();
  }
}
