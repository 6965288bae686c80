package dev.colsync.core.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.colsync.core.plan.Phase;
import dev.colsync.core.spec.OnUpError;
import dev.colsync.runtime.execution.ExecutionPhase;
import dev.colsync.runtime.execution.ExecutionPlan;
import dev.colsync.runtime.execution.ExecutionStep;
import dev.colsync.runtime.execution.QualifiedName;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ExecutionPlansTest {

  @Test
  void phasesAndStepsKeepThePlansOrderNamesAndSql() {
    TestMigration migration = TestMigration.cents("orders_cents");
    ExecutionPlan plan = migration.execution();

    assertThat(plan.migration()).isEqualTo("orders_cents");
    assertThat(plan.phaseIds()).containsExactly("expand", "backfill", "validate", "switch", "contract");
    assertThat(plan.phase("expand").orElseThrow().steps()).extracting(ExecutionStep::name, ExecutionStep::sql)
        .containsExactly(tuple("add-column",
            migration.plan().phase(Phase.EXPAND).steps().get(0).sql()));
    assertThat(plan.phase("switch").orElseThrow().steps()).isEmpty();
    assertThat(plan.lockTimeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(plan.statementTimeout()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void theProcedureCallsBecomeBackfillStepsOfTheirDirection() {
    ExecutionPlan plan = TestMigration.cents("orders_cents").execution();

    assertThat(plan.phase("backfill").orElseThrow().steps()).extracting(ExecutionStep::name, ExecutionStep::kind)
        .containsExactly(
            tuple("prepare", ExecutionStep.Kind.SCRIPT),
            tuple("run", ExecutionStep.Kind.BACKFILL_UP));
    assertThat(plan.phase("contract").orElseThrow().rollback()).extracting(ExecutionStep::kind)
        .containsExactly(ExecutionStep.Kind.SCRIPT, ExecutionStep.Kind.BACKFILL_DOWN, ExecutionStep.Kind.SCRIPT,
            ExecutionStep.Kind.SCRIPT, ExecutionStep.Kind.SCRIPT);
    assertThat(plan.phases().stream().flatMap(phase -> phase.steps().stream())
        .filter(step -> step.kind() != ExecutionStep.Kind.SCRIPT)).extracting(ExecutionStep::name, ExecutionStep::kind)
        .containsExactly(tuple("run", ExecutionStep.Kind.BACKFILL_UP),
            tuple("check-convergence", ExecutionStep.Kind.CONVERGENCE_CHECK));
  }

  @Test
  void onlyContractIsIrreversible() {
    ExecutionPlan plan = TestMigration.cents("orders_cents").execution();

    assertThat(plan.phases()).filteredOn(ExecutionPhase::irreversible).extracting(ExecutionPhase::id)
        .containsExactly("contract");
  }

  @Test
  void theBackfillTargetIsTheGeneratedProceduresWalk() {
    TestMigration migration = TestMigration.uuid("ext_uuid", OnUpError.NULL);
    var target = migration.execution().backfill();

    assertThat(target.table()).isEqualTo(new QualifiedName("public", "items"));
    assertThat(target.keyColumns()).containsExactly("id");
    assertThat(target.oldColumn()).isEqualTo("ext_id");
    assertThat(target.newColumn()).isEqualTo("ext_uuid");
    assertThat(target.up()).isEqualTo("\"public\".\"colsync_ext_uuid_up\"(\"ext_id\")");
    assertThat(target.down()).isEqualTo("\"public\".\"colsync_ext_uuid_to_old\"(\"ext_uuid\")");
    assertThat(target.stateTable()).isEqualTo(new QualifiedName("public", "colsync_ext_uuid_backfill_state"));
    assertThat(target.batchSize()).isEqualTo(100);
  }
}
