package dev.colsync.runtime.execution;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * What contract's gate reads: the convergence checks that passed, each with the seal of the sync trigger
 * and its functions as the check saw them, and the overrides of the gate. The generated contract script
 * refuses, inside its own transaction and after its table lock, unless the recorded seal is the seal the
 * catalog shows then, so a check made before the trigger was disabled, dropped or replaced does not count.
 * The generated check script creates the same tables, from these statements.
 */
public final class ContractGate {
  /** The checks that passed, one per migration, the latest. */
  public static final String CONVERGENCE_CHECKS = "colsync.convergence_checks";
  /** Every contract run through an override of the gate. */
  public static final String GATE_OVERRIDES = "colsync.gate_overrides";
  /** The session setting that overrides the gate of one migration: {@code '<migration>: <reason>'}. */
  public static final String OVERRIDE_SETTING = "colsync.contract_override";

  public static final String CONVERGENCE_CHECKS_DDL = """
      CREATE TABLE IF NOT EXISTS colsync.convergence_checks (
        migration text PRIMARY KEY,
        seal text NOT NULL,
        rows_checked bigint NOT NULL,
        checked_at timestamptz NOT NULL DEFAULT pg_catalog.now(),
        checked_by text NOT NULL DEFAULT CURRENT_USER
      )""";

  public static final String GATE_OVERRIDES_DDL = """
      CREATE TABLE IF NOT EXISTS colsync.gate_overrides (
        migration text NOT NULL,
        reason text NOT NULL,
        overridden_by text NOT NULL DEFAULT CURRENT_USER,
        overridden_at timestamptz NOT NULL DEFAULT pg_catalog.now()
      )""";

  private static final String RECORD = "INSERT INTO colsync.convergence_checks AS c (migration, seal, rows_checked)"
      + " VALUES (?, ?, ?) ON CONFLICT (migration) DO UPDATE SET seal = EXCLUDED.seal,"
      + " rows_checked = EXCLUDED.rows_checked, checked_at = pg_catalog.now(), checked_by = CURRENT_USER";

  private ContractGate() {}

  /** The seal as the catalog shows it now; empty when the plan has no seal query or the trigger is gone. */
  static Optional<String> seal(Connection connection, ExecutionPlan plan) throws SQLException {
    if (plan.convergenceSeal().isEmpty()) {
      return Optional.empty();
    }
    return Jdbc.first(connection, plan.convergenceSeal().get(), row -> Optional.ofNullable(row.getString(1)))
        .flatMap(seal -> seal);
  }

  /** Records that every one of {@code rows} rows converged while the sync objects had {@code seal}. */
  static void record(Connection connection, String migration, String seal, long rows) throws SQLException {
    StateSchema.ensure(connection);
    Jdbc.update(connection, RECORD, migration, seal, rows);
  }

  /** Lets the contract script of {@code migration} run on this session although its gate would refuse. */
  static void override(Connection connection, String migration, GateOverride override) throws SQLException {
    Jdbc.execute(connection, "SELECT pg_catalog.set_config(?, ?, false)", OVERRIDE_SETTING,
        migration + ": " + override.reason());
  }
}
