package dev.colsync.runtime.execution;

import static dev.colsync.runtime.execution.Plans.phase;
import static dev.colsync.runtime.execution.Plans.step;
import static org.assertj.core.api.Assertions.assertThat;

import dev.colsync.testing.EachPostgres;
import dev.colsync.testing.PostgresServer;
import dev.colsync.testing.TestDatabase;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;

/** Every step leaves a record that names who ran what, chained so an edited or deleted record shows. */
class AuditChainTest {

  @EachPostgres
  void anEditedOrDeletedRecordBreaksTheChain(PostgresServer server) throws Exception {
    try (TestDatabase database = server.newDatabase(); Connection admin = database.connect()) {
      Sql.execute(admin, "CREATE TABLE public.items (id bigint PRIMARY KEY, name text)");
      String addA = "ALTER TABLE public.items ADD COLUMN IF NOT EXISTS a int;\n";
      ExecutionPlan plan = Plans.scripts("audited", Duration.ofSeconds(2),
          phase("expand", List.of(step("add-a", addA), step("add-b", "ALTER TABLE public.items ADD b int;\n")),
              List.of(step("drop", "ALTER TABLE public.items DROP COLUMN IF EXISTS a, DROP COLUMN IF EXISTS b;\n"))));
      MigrationExecutor executor = new MigrationExecutor(ConnectionSource.of(database.jdbcUrl()), plan,
          ExecutionSettings.defaults(), new RecordingListener());
      executor.apply("expand");
      executor.rollback("expand");
      executor.apply("expand");
      Sql.execute(admin, "DELETE FROM colsync.applied_steps WHERE step = 'add-b'");
      try {
        executor.apply("expand"); // add-b again: the column exists, the step fails, and that is recorded too
      } catch (StepFailedException expected) {
        assertThat(expected.getSQLState()).isEqualTo("42701");
      }

      List<AuditRecord> records = AuditChain.records(admin, "audited");
      assertThat(records).extracting(r -> r.action() + " " + r.step() + " " + r.outcome()).containsExactly(
          "apply add-a ok", "apply add-b ok", "rollback drop ok", "apply add-a ok", "apply add-b ok",
          "apply add-b failed");
      AuditRecord first = records.get(0);
      assertThat(first.sqlChecksum()).isEqualTo(Checksums.sha256(addA));
      assertThat(first.databaseUser()).isEqualTo(Sql.text(admin, "SELECT current_user"));
      assertThat(first.osUser()).isEqualTo(System.getProperty("user.name"));
      assertThat(first.host()).isNotBlank();
      assertThat(first.durationMillis()).isNotNegative();
      assertThat(first.previousHash()).isEqualTo(AuditRecord.GENESIS);
      assertThat(records.get(5).detail()).startsWith("SQLSTATE 42701: expand/add-b failed");
      assertThat(AuditChain.verify(admin)).satisfies(check -> {
        assertThat(check.intact()).isTrue();
        assertThat(check.records()).isEqualTo(6);
      });

      Sql.execute(admin, "UPDATE colsync.audit_log SET db_user = 'someone_else' WHERE id = 3");
      assertThat(AuditChain.verify(admin).problems()).containsExactly("record 3 (audited expand/drop) was changed"
          + " after it was written: its hash does not match its content");

      Sql.execute(admin, "UPDATE colsync.audit_log SET db_user = " + "'" + records.get(2).databaseUser() + "'"
          + " WHERE id = 3");
      assertThat(AuditChain.verify(admin).intact()).isTrue();
      Sql.execute(admin, "DELETE FROM colsync.audit_log WHERE id = 4");
      assertThat(AuditChain.verify(admin).problems()).containsExactly(
          "record 5 follows record 3: records are missing",
          "record 5 does not link to record 3: a record before it was changed, inserted or deleted");
    }
  }
}
