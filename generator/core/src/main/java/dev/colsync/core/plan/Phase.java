package dev.colsync.core.plan;

import java.util.Locale;

/** The phases of one column change, in execution order. Each is its own deploy. */
public enum Phase {
  EXPAND("N-1", "the new column exists and stays in sync with the old one"),
  BACKFILL("N-1, N", "every existing row has the new column filled"),
  INDEXES("N-1, N", "indexes covering the old column exist for the new one"),
  VALIDATE("N-1, N", "the new column carries the old one's constraints, validated"),
  CUTOVER("N-1, N", "the column has its new type under its own name; the old values stay in sync for rollback"),
  SWITCH("N", "the application reads the new column (read-path flag OLD → SHADOW → NEW)"),
  CONTRACT("N", "only the new column remains"),
  /** The whole of a catalog-only type change: one {@code ALTER … TYPE}, no new column. */
  ALTER_TYPE("N-1, N", "the column has its new type; PostgreSQL rewrote neither the table nor its indexes");

  private final String versions;
  private final String outcome;

  Phase(String versions, String outcome) {
    this.versions = versions;
    this.outcome = outcome;
  }

  /** Which application versions may run during this phase. */
  public String versions() {
    return versions;
  }

  /** What holds once the phase is done. */
  public String outcome() {
    return outcome;
  }

  /** The lower-case name used in file names and on the command line ({@code alter-type}). */
  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
