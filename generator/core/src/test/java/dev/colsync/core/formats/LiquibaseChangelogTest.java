package dev.colsync.core.formats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.colsync.core.output.GeneratedFile;
import dev.colsync.core.output.Generator;
import dev.colsync.core.output.OutputFormat;
import dev.colsync.core.output.OutputWriter;
import dev.colsync.core.plan.Plan;
import dev.colsync.core.plan.Step;
import dev.colsync.core.plan.TransactionMode;
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
      assertThat(changeSets).as("%s changesets", change).hasSize(steps.size());
      for (int i = 0; i < steps.size(); i++) {
        Step step = steps.get(i);
        ChangeSet changeSet = changeSets.get(i);
        String id = changeSet.getId();
        boolean transactional = step.mode() == TransactionMode.SINGLE_TRANSACTION;
        assertThat(changeSet.getLabels().getLabels()).as("%s labels", id)
            .containsExactlyInAnyOrder(change.migration(), step.phase().id());
        assertThat(changeSet.isRunInTransaction()).as("%s runInTransaction as Liquibase reads it", id)
            .isEqualTo(transactional);
        assertThat(changeSet.getChanges()).as("%s changes", id).hasSize(1);
        AbstractSQLChange sql = (AbstractSQLChange) changeSet.getChanges().get(0);
        assertThat(sql.isSplitStatements()).as("%s splitStatements as Liquibase reads it", id)
            .isEqualTo(!transactional);
        assertThat(statements(sql)).as("%s statements Liquibase sends", id)
            .allSatisfy(statement -> assertDollarQuotesClosed(id, statement));

        List<String> rollback = new ArrayList<>();
        for (Change undo : changeSet.getRollback().getChanges()) {
          if (!(undo instanceof EmptyChange)) {
            rollback.addAll(statements(undo));
          }
        }
        boolean firstOfPhase = plan.phase(step.phase()).steps().get(0) == step;
        if (firstOfPhase && !plan.phase(step.phase()).rollback().isEmpty()) {
          assertThat(rollback).as("%s rollback statements Liquibase sends", id).isNotEmpty()
              .allSatisfy(statement -> assertDollarQuotesClosed(id + " rollback", statement));
        } else {
          assertThat(rollback).as("%s rollback", id).isEmpty();
        }
      }
    }
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
