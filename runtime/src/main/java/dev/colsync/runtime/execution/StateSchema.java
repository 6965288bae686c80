package dev.colsync.runtime.execution;

import dev.colsync.runtime.flag.InstanceReporter;
import dev.colsync.runtime.sql.SqlIdentifiers;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * colsync's own tables in schema {@code colsync}: which steps are applied, the audit chain, the backfill
 * control requests, the convergence checks contract's gate reads, and a registry of migrations (so {@code status} finds them without their specs).
 */
final class StateSchema {
  static final String MIGRATIONS = "colsync.migrations";
  static final String APPLIED_STEPS = "colsync.applied_steps";
  static final String AUDIT_LOG = "colsync.audit_log";
  static final String BACKFILL_CONTROL = "colsync.backfill_control";

  private static final String[] DDL = {
      "DO $colsync$ BEGIN IF pg_catalog.to_regnamespace('colsync') IS NULL THEN CREATE SCHEMA colsync;"
          + " END IF; END $colsync$",
      """
      CREATE TABLE IF NOT EXISTS colsync.migrations (
        migration text PRIMARY KEY,
        table_schema text NOT NULL,
        table_name text NOT NULL,
        state_schema text NOT NULL,
        state_table text NOT NULL,
        phases text[] NOT NULL,
        registered_at timestamptz NOT NULL DEFAULT pg_catalog.now(),
        updated_at timestamptz NOT NULL DEFAULT pg_catalog.now()
      )""",
      """
      CREATE TABLE IF NOT EXISTS colsync.applied_steps (
        migration text NOT NULL,
        phase text NOT NULL,
        step text NOT NULL,
        sql_checksum text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT pg_catalog.now(),
        PRIMARY KEY (migration, phase, step)
      )""",
      """
      CREATE TABLE IF NOT EXISTS colsync.audit_log (
        id bigint PRIMARY KEY,
        migration text NOT NULL,
        phase text NOT NULL,
        step text NOT NULL,
        action text NOT NULL CHECK (action IN ('apply', 'rollback')),
        sql_checksum text NOT NULL,
        db_user text NOT NULL,
        os_user text NOT NULL,
        host text NOT NULL,
        started_at timestamptz NOT NULL,
        duration_ms bigint NOT NULL,
        outcome text NOT NULL CHECK (outcome IN ('ok', 'failed', 'cancelled')),
        detail text NOT NULL,
        previous_hash text NOT NULL,
        hash text NOT NULL
      )""",
      """
      CREATE TABLE IF NOT EXISTS colsync.backfill_control (
        migration text PRIMARY KEY,
        request text NOT NULL CHECK (request IN ('resume', 'pause', 'cancel')),
        requested_by text NOT NULL,
        requested_at timestamptz NOT NULL DEFAULT pg_catalog.now()
      )""",
      ContractGate.CONVERGENCE_CHECKS_DDL,
      ContractGate.GATE_OVERRIDES_DDL,
      InstanceReporter.TABLE_DDL
  };

  private static final String INSUFFICIENT_PRIVILEGE = "42501";

  private static final String[] TABLES = {MIGRATIONS, APPLIED_STEPS, AUDIT_LOG, BACKFILL_CONTROL,
      ContractGate.CONVERGENCE_CHECKS, ContractGate.GATE_OVERRIDES, InstanceReporter.TABLE};

  private StateSchema() {}

  /** Creates whatever is missing; concurrent callers wait for each other instead of colliding. */
  static void ensure(Connection connection) throws SQLException {
    // Some of these tables are created by others too (the generated scripts, an application's instance
    // reports), so only all of them mean there is nothing to do.
    if (Jdbc.first(connection, "SELECT pg_catalog.bool_and(pg_catalog.to_regclass(t) IS NOT NULL)"
        + " FROM pg_catalog.unnest(?::text[]) AS t", row -> row.getBoolean(1),
        (Object) TABLES).orElse(false)) {
      return;
    }
    try {
      Jdbc.inTransaction(connection, c -> {
        Jdbc.execute(c, "SELECT pg_catalog.pg_advisory_xact_lock(pg_catalog.hashtextextended(?, 0))",
            "colsync state schema");
        try (Statement statement = c.createStatement()) {
          for (String ddl : DDL) {
            statement.execute(ddl);
          }
        }
        return null;
      });
    } catch (SQLException e) {
      if (!INSUFFICIENT_PRIVILEGE.equals(e.getSQLState()) || Jdbc.first(connection,
          "SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = 'colsync'", row -> row.getInt(1)).isPresent()) {
        throw e;
      }
      throw schemaNotCreatable(connection, e);
    }
  }

  /** Says what to do when the role may not create schema {@code colsync} in the database. */
  private static SQLException schemaNotCreatable(Connection connection, SQLException cause) throws SQLException {
    String user = Jdbc.first(connection, "SELECT current_user::text", row -> row.getString(1)).orElseThrow();
    String database = Jdbc.first(connection, "SELECT pg_catalog.current_database()::text", row -> row.getString(1))
        .orElseThrow();
    return new SQLException("colsync keeps its state in schema colsync, which this database does not have yet, and"
        + " role " + user + " may not create it (" + cause.getMessage().lines().findFirst().orElse("") + "). Once,"
        + " as a role with CREATE on database " + database + ", run: CREATE SCHEMA colsync AUTHORIZATION "
        + SqlIdentifiers.quote(user) + "; or give this role that right: GRANT CREATE ON DATABASE "
        + SqlIdentifiers.quote(database) + " TO " + SqlIdentifiers.quote(user) + ";", INSUFFICIENT_PRIVILEGE, cause);
  }

  /** Whether colsync ever ran against this database (read-only callers have nothing to show otherwise). */
  static boolean exists(Connection connection) throws SQLException {
    return Jdbc.tableExists(connection, APPLIED_STEPS);
  }
}
