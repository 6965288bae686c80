package dev.colsync.runtime.execution;

import dev.colsync.runtime.flag.ReadPath;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Where one migration stands in a database.
 *
 * @param migration the migration
 * @param table its table
 * @param appliedSteps its applied forward steps ({@code phase/step}), in plan order when the plan is known
 * @param lastApplied the last of them, and when it was applied
 * @param checkpoints the backfill checkpoint rows (empty before prepare and after contract)
 * @param control the standing pause/resume/cancel request, if any
 * @param runningBackend the backend pid of a colsync run of this migration in progress, if any
 * @param readPath the read-path flag (OLD when none was ever set)
 * @param instances the running instances that report a read path for it, whose reports have not expired
 */
public record MigrationStatus(
    String migration, QualifiedName table, List<String> appliedSteps, Optional<LastStep> lastApplied,
    List<CheckpointState> checkpoints, Optional<BackfillControl.State> control, Optional<Integer> runningBackend,
    ReadPath readPath, List<LiveInstance> instances) {

  public MigrationStatus {
    appliedSteps = List.copyOf(appliedSteps);
    checkpoints = List.copyOf(checkpoints);
    instances = List.copyOf(instances);
  }

  /**
   * A running instance's report: its name, application, host and pid, the read path it uses, when it said so.
   * {@code knowsMigration} is false for an instance of an application that reports the migration, but which
   * does not know it itself (version N-1): it reads OLD.
   */
  public record LiveInstance(String instance, String application, String host, long pid, ReadPath readPath,
      OffsetDateTime seenAt, boolean knowsMigration) {}

  /** An applied step: {@code phase/step} and when. */
  public record LastStep(String step, OffsetDateTime appliedAt) {}
}
