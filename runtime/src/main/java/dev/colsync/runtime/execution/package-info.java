/**
 * Applies a migration's phases against a database, the way online schema-change tools run theirs:
 * without stalling the application, surviving a crash, throttling under load, and refusing the
 * irreversible step until the data is proven identical.
 *
 * <pre>{@code
 * ExecutionPlan plan = ...; // from dev.colsync.core.execution.ExecutionPlans.of(generator.plan(spec))
 * MigrationExecutor executor = new MigrationExecutor(ConnectionSource.of(jdbcUrl), plan,
 *     ExecutionSettings.defaults(), ExecutionListener.logging());
 * executor.apply("expand");
 * executor.apply("backfill");         // adaptive, throttled, resumable; pause/cancel via BackfillControl
 * ConvergenceReport report = executor.verify();
 * executor.apply("contract");         // only once converged and the read path is NEW
 * executor.rollback("contract");      // later phases first
 * }</pre>
 *
 * <p>What the executor keeps in the database, all in schema {@code colsync}: {@code applied_steps}
 * (which steps are applied, with the checksum of their SQL), {@code audit_log} (every step applied or
 * rolled back, hash-chained; see {@link dev.colsync.runtime.execution.AuditChain}), {@code backfill_control}
 * (pause, resume and cancel requests) and {@code migrations} (what {@code status} lists). The backfill
 * shares its checkpoint table with the generated backfill procedure, so a {@code CALL} and the executor
 * resume each other's runs. One run per migration at a time: the executor holds a session advisory lock.
 *
 * <p>Only JDBC is needed; events go to an {@link dev.colsync.runtime.execution.ExecutionListener}, by
 * default {@link java.lang.System.Logger}.
 */
package dev.colsync.runtime.execution;
