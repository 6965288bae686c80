package dev.colsync.benchmarks;

import dev.colsync.benchmarks.pgbench.PgAddress;
import dev.colsync.benchmarks.pgbench.Pgbench;
import dev.colsync.benchmarks.pgbench.PgbenchBinary;
import dev.colsync.testing.PostgresServers;
import dev.colsync.testing.TestDatabase;
import java.nio.file.Path;
import java.util.Optional;

/** A fresh database on the fixture's server, filled by {@code pgbench -i}; closing drops it. */
final class PgbenchDatabase implements AutoCloseable {
  private final TestDatabase database;
  private final Database sql;
  private final Pgbench pgbench;

  private PgbenchDatabase(TestDatabase database, Pgbench pgbench) {
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

  static PgbenchDatabase create(BenchmarkOptions options) throws Exception {
    Path binary = PgbenchBinary.onPath().orElseThrow(() -> new IllegalStateException(PgbenchBinary.HOW_TO_INSTALL));
    TestDatabase database = PostgresServers.any().newDatabase();
    try {
      Pgbench pgbench = new Pgbench(binary, PgAddress.fromJdbcUrl(database.jdbcUrl()), options.clients());
      pgbench.initialize(options.scale());
      return new PgbenchDatabase(database, pgbench);
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

  Pgbench pgbench() {
    return pgbench;
  }

  String server() {
    return database.server().toString();
  }

  @Override
  public void close() {
    database.close();
  }
}
