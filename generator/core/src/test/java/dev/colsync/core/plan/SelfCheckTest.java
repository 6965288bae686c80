package dev.colsync.core.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.colsync.core.spec.FlywayRelease;
import dev.colsync.core.render.TemplateRenderer;
import dev.colsync.core.spec.Backfill;
import dev.colsync.core.spec.MigrationSpec;
import dev.colsync.core.spec.Rename;
import dev.colsync.core.spec.SpecLoader;
import dev.colsync.core.spec.TableName;
import dev.colsync.core.spec.Timeouts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SelfCheckTest {
  private static final Path GOLDEN_SPECS = Path.of("src/test/resources/golden-specs");
  private static final String LOCK_TIMEOUT = "SET LOCAL lock_timeout = '2000ms';\n";
  private static final MigrationSpec SPEC = new MigrationSpec("m", "test", new TableName("public", "t"),
      List.of("id"), new Rename("a", "b", "text", false), Backfill.DEFAULTS, Timeouts.DEFAULTS,
      Optional.empty(), 14, FlywayRelease.all("1"));

  static Stream<Path> goldenSpecs() throws Exception {
    try (Stream<Path> files = Files.list(GOLDEN_SPECS)) {
      return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("goldenSpecs")
  void everyPlanOfTheGoldenSpecsIsClean(Path file) throws Exception {
    MigrationSpec spec = new SpecLoader().load(file);

    Plan plan = new Planner(TemplateRenderer.builtIn()).plan(spec);

    assertThat(SelfCheck.violations(plan)).isEmpty();
    assertThat(plan.steps()).isNotEmpty();
  }

  @Test
  void theGoldenSpecsExist() throws Exception {
    assertThat(goldenSpecs()).hasSizeGreaterThanOrEqualTo(4);
  }

  @Test
  void aCleanHandMadePlanHasNoViolations() {
    Plan plan = plan(
        tx("add", LOCK_TIMEOUT + "ALTER TABLE t ADD CONSTRAINT c CHECK (b IS NOT NULL) NOT VALID;\n"),
        tx("validate", LOCK_TIMEOUT + "ALTER TABLE t VALIDATE CONSTRAINT c;\n"),
        noTx("index", "-- colsync:no-transaction\nCREATE INDEX CONCURRENTLY IF NOT EXISTS i ON t (b);\n"));

    assertThat(SelfCheck.violations(plan)).isEmpty();
  }

  @Test
  void anIndexBuiltWithoutConcurrently() {
    Plan plan = plan(
        tx("plain", LOCK_TIMEOUT + "CREATE INDEX i ON t (b);\n"),
        tx("unique", LOCK_TIMEOUT + "create unique index j on t (b);\n"));

    assertThat(SelfCheck.violations(plan)).containsExactly(
        "validate/plain: index built without CONCURRENTLY: CREATE INDEX i ON t (",
        "validate/unique: index built without CONCURRENTLY: create unique index j on t");
  }

  @Test
  void anIndexOnOnlyAPartitionedTableBuildsNothingButNeedsALockTimeout() {
    Plan plan = plan(
        tx("parent", LOCK_TIMEOUT + "CREATE INDEX IF NOT EXISTS i ON ONLY t USING btree (b);\n"),
        tx("bare", "CREATE UNIQUE INDEX j ON ONLY t USING btree (b);\n"));

    assertThat(SelfCheck.violations(plan)).containsExactly(
        "validate/bare: locking statement without a lock_timeout before it: CREATE UNIQUE INDEX j ON ONLY");
  }

  @Test
  void concurrentlyInsideATransactionalScript() {
    Plan plan = plan(tx("index", "CREATE INDEX CONCURRENTLY i ON t (b);\n"));

    assertThat(SelfCheck.violations(plan)).singleElement().asString()
        .startsWith("validate/index: CONCURRENTLY inside a transactional script");
  }

  @Test
  void alterTableWithoutALockTimeoutBeforeIt() {
    Plan plan = plan(
        tx("none", "ALTER TABLE t ADD COLUMN b text;\n"),
        tx("after", "ALTER TABLE t ADD COLUMN b text;\n" + LOCK_TIMEOUT),
        tx("session", "SET lock_timeout = '1s';\nALTER TABLE t ADD COLUMN b text;\n"),
        tx("lock", "LOCK TABLE t IN ACCESS EXCLUSIVE MODE;\n"),
        tx("trigger", "CREATE OR REPLACE TRIGGER g BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION f();\n"));

    assertThat(SelfCheck.violations(plan)).containsExactly(
        "validate/none: locking statement without a lock_timeout before it: ALTER TABLE t ADD COLUMN b",
        "validate/after: locking statement without a lock_timeout before it: ALTER TABLE t ADD COLUMN b",
        "validate/lock: locking statement without a lock_timeout before it: LOCK TABLE t IN ACCESS EXCLUSIVE",
        "validate/trigger: locking statement without a lock_timeout before it: CREATE OR REPLACE TRIGGER g BEFORE");
  }

  @Test
  void setLocalDoesNotCountOutsideATransaction() {
    Plan plan = plan(new Step(Phase.VALIDATE, "local", TransactionMode.NO_TRANSACTION, "lock", "summary",
        "-- colsync:no-transaction\n" + LOCK_TIMEOUT + "ALTER TABLE t ADD COLUMN b text;\n",
        "ALTER TABLE t ADD COLUMN b text;\n"));

    assertThat(SelfCheck.violations(plan)).singleElement().asString()
        .startsWith("validate/local: locking statement without a lock_timeout");
  }

  @Test
  void unnamedConstraintsCannotBeValidatedLater() {
    Plan plan = plan(tx("add", LOCK_TIMEOUT + "ALTER TABLE t ADD CHECK (b > 0) NOT VALID;\n"));

    assertThat(SelfCheck.violations(plan)).singleElement().asString()
        .startsWith("validate/add: unnamed constraint added");
  }

  @Test
  void aLockTimeoutOfAnEarlierScriptDoesNotCount() {
    Plan plan = plan(tx("first", LOCK_TIMEOUT + "SELECT 1;\n"), tx("second", "ALTER TABLE t DROP COLUMN a;\n"));

    assertThat(SelfCheck.violations(plan)).singleElement().asString()
        .startsWith("validate/second: locking statement without a lock_timeout");
  }

  @Test
  void alterTableInsideADoBlockWithoutALockTimeout() {
    Plan plan = plan(
        tx("bare", "DO $$\nBEGIN\n  IF true THEN\n    ALTER TABLE t ADD COLUMN b text;\n  END IF;\nEND\n$$;\n"),
        tx("tagged", LOCK_TIMEOUT + "DO $x$ BEGIN ALTER TABLE t ADD COLUMN b text; END $x$;\n"));

    assertThat(SelfCheck.violations(plan)).containsExactly(
        "validate/bare: locking statement without a lock_timeout before it: ALTER TABLE t ADD COLUMN b");
  }

  @Test
  void aConstraintAddedWithoutNotValid() {
    Plan plan = plan(
        tx("add", LOCK_TIMEOUT + "ALTER TABLE t ADD CONSTRAINT c CHECK (b IS NOT NULL);\n"),
        tx("validate", LOCK_TIMEOUT + "ALTER TABLE t VALIDATE CONSTRAINT c;\n"));

    assertThat(SelfCheck.violations(plan)).containsExactly("validate/add: constraint c added without NOT VALID");
  }

  @Test
  void aConstraintAddedWithoutNotValidInsideADoBlock() {
    Plan plan = plan(tx("add", LOCK_TIMEOUT
        + "DO $$ BEGIN ALTER TABLE t ADD CONSTRAINT \"C\" FOREIGN KEY (b) REFERENCES u; END $$;\n"));

    assertThat(SelfCheck.violations(plan)).containsExactly("validate/add: constraint C added without NOT VALID");
  }

  @Test
  void aNotValidConstraintThatIsNeverValidated() {
    Plan plan = plan(
        tx("add", LOCK_TIMEOUT + "ALTER TABLE t ADD CONSTRAINT c CHECK (b IS NOT NULL) NOT VALID;\n"),
        tx("other", LOCK_TIMEOUT + "ALTER TABLE t VALIDATE CONSTRAINT \"C\";\n"));

    assertThat(SelfCheck.violations(plan))
        .containsExactly("validate: constraint c is added NOT VALID but never validated");
  }

  @Test
  void aConstraintValidatedInTheScriptThatAddedIt() {
    Plan plan = plan(tx("both", LOCK_TIMEOUT
        + "ALTER TABLE t ADD CONSTRAINT c NOT NULL b NOT VALID;\nALTER TABLE t VALIDATE CONSTRAINT c;\n"));

    assertThat(SelfCheck.violations(plan))
        .contains("validate/both: constraint c validated in the transaction that added it");
  }

  @Test
  void validationMustComeLaterInTheSameSequence() {
    // Validating in the rollback does not count for the forward steps, nor the other way round.
    Step add = tx("add", LOCK_TIMEOUT + "ALTER TABLE t ADD CONSTRAINT c CHECK (b > 0) NOT VALID;\n");
    Step validate = tx("validate", LOCK_TIMEOUT + "ALTER TABLE t VALIDATE CONSTRAINT c;\n");
    Step validateFirst = tx("validate-first", LOCK_TIMEOUT + "ALTER TABLE t VALIDATE CONSTRAINT c;\n");
    Plan plan = new Plan(SPEC, ObjectNames.forMigration("m"), List.of(
        new PhasePlan(Phase.VALIDATE, List.of(add), List.of(validate)),
        new PhasePlan(Phase.CONTRACT, List.of(validateFirst, add), List.of())));

    assertThat(SelfCheck.violations(plan)).containsExactly(
        "validate: constraint c is added NOT VALID but never validated",
        "contract: constraint c is added NOT VALID but never validated");
  }

  @Test
  void rollbackScriptsAreCheckedToo() {
    Plan plan = new Plan(SPEC, ObjectNames.forMigration("m"), List.of(
        new PhasePlan(Phase.EXPAND, List.of(), List.of(tx("drop-column", "ALTER TABLE t DROP COLUMN b;\n")))));

    assertThat(SelfCheck.violations(plan)).singleElement().asString()
        .startsWith("expand rollback/drop-column: locking statement without a lock_timeout");
  }

  @Test
  void requireCleanListsEveryViolation() {
    Plan plan = plan(tx("one", "ALTER TABLE t ADD COLUMN b text;\n"), tx("two", "CREATE INDEX i ON t (b);\n"));

    assertThatThrownBy(() -> SelfCheck.requireClean(plan))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("generated SQL of m breaks lock-safety rules")
        .hasMessageContaining("validate/one: locking statement without a lock_timeout")
        .hasMessageContaining("validate/two: index built without CONCURRENTLY")
        .hasMessageContaining("validate/two: locking statement without a lock_timeout");
  }

  @Test
  void setLocalInAnAutocommitScriptIsNoLockTimeout() {
    // Outside a transaction block SET LOCAL has no effect (PostgreSQL only warns), so the ALTER
    // below would wait for its lock without any timeout.
    Plan plan = plan(noTx("alter", "-- colsync:no-transaction\n" + LOCK_TIMEOUT + "ALTER TABLE t ADD COLUMN b text;\n"));

    assertThat(SelfCheck.violations(plan)).singleElement().asString()
        .startsWith("validate/alter: locking statement without a lock_timeout");
  }

  @Test
  void anUnnamedConstraintAddedWithoutNotValid() {
    // ADD CHECK / ADD FOREIGN KEY without CONSTRAINT <name> scan the table under lock just the same.
    Plan plan = plan(
        tx("check", LOCK_TIMEOUT + "ALTER TABLE t ADD CHECK (b IS NOT NULL);\n"),
        tx("fk", LOCK_TIMEOUT + "ALTER TABLE t ADD FOREIGN KEY (b) REFERENCES u;\n"));

    assertThat(SelfCheck.violations(plan)).hasSize(2);
  }

  private static Plan plan(Step... steps) {
    return new Plan(SPEC, ObjectNames.forMigration("m"),
        List.of(new PhasePlan(Phase.VALIDATE, new ArrayList<>(List.of(steps)), List.of())));
  }

  private static Step tx(String name, String sql) {
    return new Step(Phase.VALIDATE, name, TransactionMode.SINGLE_TRANSACTION, "lock", "summary", sql, sql);
  }

  private static Step noTx(String name, String sql) {
    return new Step(Phase.VALIDATE, name, TransactionMode.NO_TRANSACTION, "lock", "summary", sql, sql);
  }
}
