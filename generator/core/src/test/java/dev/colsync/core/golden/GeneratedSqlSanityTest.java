package dev.colsync.core.golden;

import static org.assertj.core.api.Assertions.assertThat;

import dev.colsync.core.output.GeneratedFile;
import dev.colsync.core.output.Generator;
import dev.colsync.core.output.OutputFormat;
import dev.colsync.core.plan.ObjectNames;
import dev.colsync.core.spec.MigrationSpec;
import dev.colsync.runtime.sql.SqlLexer;
import dev.colsync.runtime.sql.SqlScript;
import dev.colsync.runtime.sql.SqlToken;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Properties of the generated files of the golden specs that hold whatever the exact text is. */
class GeneratedSqlSanityTest {
  private static List<MigrationSpec> specs;

  @BeforeAll
  static void loadSpecs() throws Exception {
    specs = GoldenFilesTest.loadGoldenSpecs();
  }

  @Test
  void everySqlFileLexesAndEndsWithANewline() throws Exception {
    for (OutputFormat format : OutputFormat.values()) {
      for (GeneratedFile file : new Generator().files(specs, format)) {
        assertThat(file.content()).as(file.path()).endsWith("\n");
        if (file.path().endsWith(".sql")) {
          assertThat(SqlScript.statements(file.content())).as(file.path()).isNotEmpty();
        }
      }
    }
  }

  @Test
  void noTransactionScriptsAreMarkedForEveryRunner() throws Exception {
    Map<String, String> plain = files(OutputFormat.PLAIN);
    Map<String, String> flyway = files(OutputFormat.FLYWAY);
    for (Map.Entry<String, String> file : flyway.entrySet()) {
      if (file.getKey().endsWith(".sql") && !file.getKey().contains("/rollback/")) {
        boolean noTransaction = SqlScript.isNoTransaction(file.getValue());
        assertThat(flyway.containsKey(file.getKey() + ".conf")).as(file.getKey()).isEqualTo(noTransaction);
        if (noTransaction) {
          assertThat(flyway.get(file.getKey() + ".conf")).isEqualTo("executeInTransaction=false\n");
          assertThat(file.getValue()).doesNotContainIgnoringCase("set local");
        }
      }
    }
    for (Map.Entry<String, String> file : plain.entrySet()) {
      if (SqlScript.isNoTransaction(file.getValue())) {
        // A batched CALL, a concurrent build or drop, or attaches that each need their own transaction.
        assertThat(file.getValue()).as(file.getKey()).doesNotContainIgnoringCase("set local")
            .containsAnyOf("CALL ", "CONCURRENTLY", "ATTACH PARTITION");
      }
    }
  }

  @Test
  void everyGeneratedIdentifierIsQuoted() throws Exception {
    // Names colsync generates appear only as quoted identifiers or inside string constants.
    int quotedMentions = 0;
    for (GeneratedFile file : new Generator().files(specs, OutputFormat.PLAIN)) {
      if (!file.path().endsWith(".sql")) {
        continue;
      }
      ObjectNames names = ObjectNames.forMigration(migrationOf(file));
      List<String> generated = List.of(names.syncFunction(), names.syncTrigger(), names.upFunction(),
          names.backfillProcedure(), names.backfillState(), names.newNotNull(), names.oldNotNull());
      List<SqlToken> tokens = codeTokens(file.content());
      assertThat(tokens).as(file.path())
          .filteredOn(token -> token.kind() == SqlToken.Kind.WORD)
          .extracting(SqlToken::text)
          .doesNotContainAnyElementsOf(generated);
      quotedMentions += (int) tokens.stream()
          .filter(token -> token.kind() == SqlToken.Kind.QUOTED_IDENTIFIER && generated.contains(token.identifier()))
          .count();
    }
    assertThat(quotedMentions).isPositive();
  }

  @Test
  void liquibaseChangesetsAreRunAsTheirScriptsAsk() throws Exception {
    for (Map.Entry<String, String> file : files(OutputFormat.LIQUIBASE).entrySet()) {
      if (!file.getKey().endsWith("/changelog.sql")) {
        continue;
      }
      assertThat(file.getValue()).startsWith("--liquibase formatted sql\n");
      for (Changeset changeset : changesets(file.getValue())) {
        boolean transactional = changeset.header().contains("runInTransaction:true");
        boolean oneStatement = SqlScript.statements(changeset.body()).size() <= 1;
        assertThat(changeset.header()).as(changeset.header())
            .contains(transactional || oneStatement ? "splitStatements:false" : "splitStatements:true");
        assertThat(changeset.body()).as(changeset.header()).doesNotContain(SqlScript.NO_TRANSACTION_MARKER);
      }
    }
  }

  @Test
  void liquibaseRollbacksWithDollarQuotedBodiesAreNotSplitAtSemicolons() throws Exception {
    // Liquibase splits --rollback SQL at semicolons unless the changeset says rollbackSplitStatements:false
    // (splitStatements applies to the forward SQL only); a plpgsql body would be cut at its first ';'.
    List<String> unsafe = new ArrayList<>();
    for (Map.Entry<String, String> file : files(OutputFormat.LIQUIBASE).entrySet()) {
      if (!file.getKey().endsWith("/changelog.sql")) {
        continue;
      }
      for (Changeset changeset : changesets(file.getValue())) {
        if (changeset.rollback().contains("$colsync") && !changeset.header().contains("rollbackSplitStatements:false")) {
          unsafe.add(changeset.header());
        }
      }
    }
    assertThat(unsafe).isEmpty();
  }

  @Test
  void flywayVersionsAreUniqueAcrossTheMigrationsGeneratedTogether() throws Exception {
    // Flyway refuses a location with two migrations of the same version ("Found more than one migration with version").
    Map<String, List<String>> byVersion = new HashMap<>();
    Pattern versioned = Pattern.compile("(?:.*/)?V([0-9.]+)__.*\\.sql");
    for (String path : files(OutputFormat.FLYWAY).keySet()) {
      Matcher matcher = versioned.matcher(path);
      if (matcher.matches()) {
        byVersion.computeIfAbsent(normalizedVersion(matcher.group(1)), v -> new ArrayList<>()).add(path);
      }
    }
    assertThat(byVersion.values()).allSatisfy(paths -> assertThat(paths).hasSize(1));
  }

  /** Flyway compares versions part by part as numbers: 1.01 and 1.1 are the same version. */
  private static String normalizedVersion(String version) {
    List<String> parts = new ArrayList<>();
    for (String part : version.split("\\.")) {
      parts.add(new java.math.BigInteger(part).toString());
    }
    while (parts.size() > 1 && parts.get(parts.size() - 1).equals("0")) {
      parts.remove(parts.size() - 1);
    }
    return String.join(".", parts);
  }

  private record Changeset(String header, String body, String rollback) {}

  private static List<Changeset> changesets(String changelog) {
    List<Changeset> changesets = new ArrayList<>();
    String header = null;
    StringBuilder body = new StringBuilder();
    StringBuilder rollback = new StringBuilder();
    for (String line : (changelog + "--changeset end:end\n").split("\n", -1)) {
      if (line.startsWith("--changeset ")) {
        if (header != null) {
          changesets.add(new Changeset(header, body.toString(), rollback.toString()));
        }
        header = line;
        body.setLength(0);
        rollback.setLength(0);
      } else if (line.startsWith("--rollback ")) {
        rollback.append(line.substring("--rollback ".length())).append('\n');
      } else if (header != null) {
        body.append(line).append('\n');
      }
    }
    return changesets;
  }

  private static Map<String, String> files(OutputFormat format) throws Exception {
    Map<String, String> files = new HashMap<>();
    for (GeneratedFile file : new Generator().files(specs, format)) {
      files.put(file.path(), file.content());
    }
    return files;
  }

  private static String migrationOf(GeneratedFile file) {
    return file.path().substring(0, file.path().indexOf('/'));
  }

  /** The code tokens of {@code sql} and, recursively, of the bodies of its dollar-quoted strings. */
  private static List<SqlToken> codeTokens(String sql) {
    List<SqlToken> tokens = new ArrayList<>();
    for (SqlToken token : SqlLexer.tokenize(sql)) {
      if (token.kind() == SqlToken.Kind.DOLLAR_STRING) {
        String text = token.text();
        int open = text.indexOf('$', 1) + 1;
        tokens.addAll(codeTokens(text.substring(open, text.length() - open)));
      } else if (!token.isTrivia()) {
        tokens.add(token);
      }
    }
    return tokens;
  }
}
