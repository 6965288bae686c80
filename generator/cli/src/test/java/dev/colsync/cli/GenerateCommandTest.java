package dev.colsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCommandTest {
  @TempDir
  Path dir;

  Path out;
  Path rename;
  Path retype;

  @BeforeEach
  void writeSpecs() {
    out = dir.resolve("out");
    rename = SpecFiles.rename(dir.resolve("specs"), "rename.yaml", "users_full_name");
    retype = SpecFiles.retype(dir.resolve("specs"), "retype.yaml", "orders_amount_cents");
  }

  @Test
  void plainIsTheDefaultFormat() throws IOException {
    CommandRun run = CommandRun.of("generate", rename.toString(), retype.toString(), "--out", out.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(run.err()).isEmpty();
    assertThat(out.resolve("users_full_name/01-expand-add-column.sql")).isRegularFile();
    assertThat(out.resolve("users_full_name/rollback/expand/01-drop-column.sql")).isRegularFile();
    assertThat(out.resolve("users_full_name/runbook.md")).isRegularFile();
    assertThat(out.resolve("orders_amount_cents/01-expand-add-column.sql")).isRegularFile();
    assertThat(run.outLines()).containsExactly(
        "users_full_name: " + filesUnder(out.resolve("users_full_name")).size() + " files in "
            + out.resolve("users_full_name"),
        "orders_amount_cents: " + filesUnder(out.resolve("orders_amount_cents")).size() + " files in "
            + out.resolve("orders_amount_cents"));
  }

  @Test
  void flywayMarksTheBackfillRunAsNonTransactional() throws IOException {
    CommandRun run = CommandRun.of("generate", "--format", "flyway", rename.toString(), "--out", out.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    Path migration = out.resolve("users_full_name");
    assertThat(migration.resolve("V1.01__users_full_name_expand_add_column.sql")).isRegularFile();
    Path backfillRunConf = migration.resolve("V1.03__users_full_name_backfill_run.sql.conf");
    assertThat(backfillRunConf).content().contains("executeInTransaction=false");
    assertThat(migration.resolve("runbook.md")).isRegularFile();
  }

  @Test
  void flywayNeedsTheVersionInTheSpecAndWritesNothingWithoutIt() throws IOException {
    Path unversioned = SpecFiles.write(dir.resolve("specs"), "unversioned.yaml",
        Files.readString(rename).replace("flyway: { version: \"1\", release: all }\n", ""));

    CommandRun run = CommandRun.of("generate", "--format", "flyway", unversioned.toString(), "--out", out.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.err()).contains(unversioned + ": /flyway: Flyway scripts need a version of their own, above every"
        + " migration the database has applied (scaffold --url reads that from flyway_schema_history) (expected:"
        + " flyway: { version: \"<n>\" } in the spec, n above the application's last V<n>__ migration)");
    assertThat(out).doesNotExist();
    assertThat(CommandRun.of("generate", unversioned.toString(), "--out", out.toString()).exitCode()).isZero();
  }

  @Test
  void liquibaseWritesOneChangelogPerMigration() {
    CommandRun run = CommandRun.of("generate", "--format=liquibase", retype.toString(), "--out", out.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(out.resolve("orders_amount_cents/changelog.sql")).content().startsWith("--liquibase formatted sql");
    assertThat(out.resolve("orders_amount_cents/runbook.md")).isRegularFile();
  }

  @Test
  void oneBadSpecMeansNothingIsWritten() {
    Path bad = SpecFiles.twoProblems(dir.resolve("specs"), "bad.yaml");

    CommandRun run = CommandRun.of("generate", rename.toString(), bad.toString(), "--out", out.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.out()).isEmpty();
    assertThat(run.errLines()).hasSize(3);
    assertThat(run.errLines()[0]).startsWith(bad + ":1:1: /table: ");
    assertThat(run.errLines()[2]).isEqualTo("2 problems in 1 spec; nothing was written");
    assertThat(out).doesNotExist();
  }

  @Test
  void duplicateMigrationNamesMeanNothingIsWritten() {
    Path twin = SpecFiles.retype(dir.resolve("specs"), "twin.yaml", "users_full_name");

    CommandRun run = CommandRun.of("generate", rename.toString(), twin.toString(), "--out", out.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.err()).contains("migration users_full_name is already defined in " + rename);
    assertThat(out).doesNotExist();
  }

  @Test
  void aDirectoryOfSpecsIsGeneratedWhole() {
    CommandRun run = CommandRun.of("generate", dir.resolve("specs").toString(), "--out", out.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(out.resolve("orders_amount_cents")).isDirectory();
    assertThat(out.resolve("users_full_name")).isDirectory();
  }

  @Test
  void anUnknownFormatIsBadInput() {
    CommandRun run = CommandRun.of("generate", "--format", "xml", rename.toString(), "--out", out.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.err()).contains("'xml' is not a format; expected one of: plain, flyway, liquibase");
    assertThat(out).doesNotExist();
  }

  @Test
  void theOutputDirectoryIsRequired() {
    CommandRun run = CommandRun.of("generate", rename.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.err()).contains("Missing required option: '--out=DIR'");
  }

  @Test
  void anUnwritableOutputIsAFailureReportedInOneLine() throws IOException {
    Path notADirectory = Files.writeString(dir.resolve("taken"), "a file, not a directory");

    CommandRun run = CommandRun.of("generate", rename.toString(), "--out", notADirectory.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILURE);
    assertThat(run.out()).isEmpty();
    assertThat(run.errLines()).singleElement().asString()
        .startsWith("colsync: FileAlreadyExistsException: " + notADirectory)
        .endsWith("(run 'colsync --verbose ...' for details)");
  }

  @Test
  void verboseShowsTheStackTraceOfAFailure() throws IOException {
    Path notADirectory = Files.writeString(dir.resolve("taken"), "a file, not a directory");

    CommandRun before = CommandRun.of("--verbose", "generate", rename.toString(), "--out", notADirectory.toString());
    CommandRun after = CommandRun.of("generate", rename.toString(), "--out", notADirectory.toString(), "-v");

    for (CommandRun run : List.of(before, after)) {
      assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILURE);
      assertThat(run.err()).contains("java.nio.file.FileAlreadyExistsException").contains("\tat ");
    }
  }

  private static List<Path> filesUnder(Path directory) throws IOException {
    try (Stream<Path> walk = Files.walk(directory)) {
      return walk.filter(Files::isRegularFile).toList();
    }
  }
}
