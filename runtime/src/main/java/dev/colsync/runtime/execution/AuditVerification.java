package dev.colsync.runtime.execution;

import java.util.List;

/**
 * The result of checking the audit chain.
 *
 * @param records how many records were checked
 * @param problems what is wrong, record by record (empty when the chain is intact)
 */
public record AuditVerification(long records, List<String> problems) {
  public AuditVerification {
    problems = List.copyOf(problems);
  }

  public boolean intact() {
    return problems.isEmpty();
  }
}
