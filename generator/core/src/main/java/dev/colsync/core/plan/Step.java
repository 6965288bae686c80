package dev.colsync.core.plan;

import java.util.Objects;

/**
 * One script: a unit that runs as a whole, in one transaction or statement by statement.
 *
 * @param phase the phase it belongs to
 * @param name short kebab-case name, unique within its phase ({@code add-column})
 * @param mode how it runs
 * @param lock the strongest lock it takes, for the runbook
 * @param summary one line on what it does
 * @param sql the script, ending in a newline; starts with the no-transaction marker when so run
 * @param asOneTransaction the same work as a single transaction, for runners that can only run a
 *     script inside one (Liquibase rollbacks); equal to {@code sql} for a transactional script
 */
public record Step(
    Phase phase, String name, TransactionMode mode, String lock, String summary, String sql,
    String asOneTransaction) {
  public Step {
    Objects.requireNonNull(phase, "phase");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(lock, "lock");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(sql, "sql");
    Objects.requireNonNull(asOneTransaction, "asOneTransaction");
  }
}
