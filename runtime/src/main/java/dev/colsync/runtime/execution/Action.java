package dev.colsync.runtime.execution;

/** Whether a step moves a migration forward or undoes a phase. */
public enum Action {
  APPLY,
  ROLLBACK;

  /** {@code apply} or {@code rollback}: how the audit trail spells it. */
  public String id() {
    return this == APPLY ? "apply" : "rollback";
  }
}
