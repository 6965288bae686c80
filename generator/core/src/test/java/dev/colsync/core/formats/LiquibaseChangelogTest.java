package dev.colsync.core.formats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.colsync.core.output.GeneratedFile;
import dev.colsync.core.output.Generator;
import dev.colsync.core.output.OutputFormat;
import dev.colsync.core.output.OutputWriter;
import dev.colsync.core.plan.Plan;
import dev.colsync.core.plan.Step;
import dev.colsync.core.plan.TransactionMode;
import dev.colsync.runtime.sql.SqlScript;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import liquibase.Scope;
import liquibase.change.AbstractSQLChange;
import liquibase.change.Change;
import liquibase.change.core.EmptyChange;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.database.core.PostgresDatabase;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.resource.DirectoryResourceAccessor;
import liquibase.resource.ResourceAccessor;
import liquibase.sql.Sql;
import liquibase.sqlgenerator.SqlGeneratorFactory;
import liquibase.statement.SqlStatement;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The LIQUIBASE changelog as Liquibase's own parser reads it, without a database: each changeset's
 * transaction mode and statement splitting are the ones colsync meant, and no statement Liquibase
 * would send cuts a dollar-quoted function body in two. Pins down why {@link LiquibaseFormatTest}
 * fails when it does.
 */
class LiquibaseChangelogTest {

  @ParameterizedTest(name = "SQL for PostgreSQL {0}")
  @ValueSource(ints = {14, 18})
  void liquibaseReadsEveryChangesetAsMeant(int postgres, @TempDir Path output) throws Exception {
    List<FormatCase> cases = FormatCase.all(postgres);
    List<GeneratedFile> files = new Generator().files(cases.stream().map(FormatCase::spec).toList(), OutputFormat.LIQUIBASE);
    new OutputWriter().write(output, files);

    for (FormatCase change : cases) {
      Plan plan = change.plan();
      List<ChangeSet> changeSets = parse(output, change.migration() + "/changelog.sql").getChangeSets();
      List<Step> steps = plan.steps();
      int next = 0;
      for (int i = 0; i < steps.size(); i++) {
        Step step = steps.get(i);
        String base = change.migration() + "-" + String.format("%02d-%s-%s", i + 1, step.phase().id(), step.name());
        // A script that runs outside a transaction and holds a dollar-quoted body is one changeset per statement.
        List<ChangeSet> ofStep = new ArrayList<>();
        while (next < changeSets.size() && (changeSets.get(next).getId().equals(base)
            || changeSets.get(next).getId().startsWith(base + "-"))) {
          ofStep.add(changeSets.get(next++));
        }
        boolean transactional = step.mode() == TransactionMode.SINGLE_TRANSACTION;
        assertThat(ofStep).as("%s changesets of %s", change, base).hasSizeBetween(1, transactional ? 1 : 20);
        for (int k = 0; k < ofStep.size(); k++) {
          ChangeSet changeSet = ofStep.get(k);
          String id = changeSet.getId();
          assertThat(changeSet.getLabels().getLabels()).as("%s labels", id)
              .containsExactlyInAnyOrder(change.migration(), step.phase().id());
          assertThat(changeSet.isRunInTransaction()).as("%s runInTransaction as Liquibase reads it", id)
              .isEqualTo(transactional);
          assertThat(changeSet.getChanges()).as("%s changes", id).hasSize(1);
          AbstractSQLChange sql = (AbstractSQLChange) changeSet.getChanges().get(0);
          String body = withoutMarker(step.sql());
          assertThat(sql.isSplitStatements()).as("%s splitStatements as Liquibase reads it", id)
              .isEqualTo(!transactional && ofStep.size() == 1 && SqlScript.statements(body).size() > 1);
          assertThat(statements(sql)).as("%s statements Liquibase sends", id)
              .allSatisfy(statement -> assertDollarQuotesClosed(id, statement));

          List<String> rollback = new ArrayList<>();
          for (Change undo : changeSet.getRollback().getChanges()) {
            if (!(undo instanceof EmptyChange)) {
              rollback.addAll(statements(undo));
            }
          }
          boolean firstOfPhase = plan.phase(step.phase()).steps().get(0) == step && k == 0;
          if (firstOfPhase && !plan.phase(step.phase()).rollback().isEmpty()) {
            assertThat(rollback).as("%s rollback statements Liquibase sends", id).isNotEmpty()
                .allSatisfy(statement -> assertDollarQuotesClosed(id + " rollback", statement));
          } else {
            assertThat(rollback).as("%s rollback", id).isEmpty();
          }
        }
      }
      assertThat(next).as("%s: every changeset belongs to a step", change).isEqualTo(changeSets.size());
    }
  }

  private static String withoutMarker(String sql) {
    return SqlScript.isNoTransaction(sql) ? sql.substring(sql.indexOf('\n') + 1) : sql;
  }

  private static void assertDollarQuotesClosed(String where, String statement) {
    int tags = statement.split("\\$colsync\\$", -1).length - 1;
    assertThat(tags % 2).as("%s: a statement that opens a $colsync$ body without closing it:%n%s", where, statement)
        .isZero();
  }

  private static DatabaseChangeLog parse(Path output, String changelog) throws Exception {
    ResourceAccessor resources = new DirectoryResourceAccessor(output);
    DatabaseChangeLog[] parsed = new DatabaseChangeLog[1];
    Scope.child(LiquibaseFormatTest.scope(resources), () -> parsed[0] = ChangeLogParserFactory.getInstance()
        .getParser(changelog, resources)
        .parse(changelog, new ChangeLogParameters(), resources));
    return parsed[0];
  }

  /** The SQL texts Liquibase would execute for {@code change}, one per JDBC call. */
  private static List<String> statements(Change change) {
    PostgresDatabase database = new PostgresDatabase();
    List<String> texts = new ArrayList<>();
    for (SqlStatement statement : change.generateStatements(database)) {
      for (Sql sql : SqlGeneratorFactory.getInstance().generateSql(statement, database)) {
        texts.add(sql.toSql());
      }
    }
    return texts;
  }
}
