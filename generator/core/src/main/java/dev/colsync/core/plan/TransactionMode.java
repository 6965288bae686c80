package dev.colsync.core.plan;

/** How one script runs. */
public enum TransactionMode {
  /** The whole script in one transaction ({@code psql -1 -f}). */
  SINGLE_TRANSACTION,
  /** Statement by statement in autocommit; the script's first line says so. */
  NO_TRANSACTION
}
