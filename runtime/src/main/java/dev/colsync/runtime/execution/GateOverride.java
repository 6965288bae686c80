package dev.colsync.runtime.execution;

import java.util.Objects;

/**
 * Permission to apply an irreversible phase (contract) although the convergence gate would refuse it:
 * rows still diverge or the read-path flag is not NEW. The reason is recorded in the audit trail with
 * what was overridden.
 *
 * @param reason why the gate is overridden, in the operator's words
 */
public record GateOverride(String reason) {
  public GateOverride {
    Objects.requireNonNull(reason, "reason");
    if (reason.isBlank()) {
      throw new IllegalArgumentException("an override needs a reason");
    }
  }
}
