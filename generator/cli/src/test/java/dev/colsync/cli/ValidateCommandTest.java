package dev.colsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {
  @TempDir
  Path dir;

  @Test
  void goodSpecsAreReportedOk() {
    Path rename = SpecFiles.rename(dir, "rename.yaml", "users_full_name");
    Path retype = SpecFiles.retype(dir, "retype.yaml", "orders_amount_cents");

    CommandRun run = CommandRun.of("validate", rename.toString(), retype.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(run.outLines()).containsExactly(
        "ok: " + rename + " (users_full_name)",
        "ok: " + retype + " (orders_amount_cents)");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void everyProblemIsReportedWithItsLocation() {
    Path bad = SpecFiles.twoProblems(dir, "bad.yaml");

    CommandRun run = CommandRun.of("validate", bad.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.out()).isEmpty();
    assertThat(run.errLines()).hasSize(3);
    assertThat(run.errLines()[0]).startsWith(bad + ":1:1: /table: ");
    assertThat(run.errLines()[1]).startsWith(bad + ":4:1: /colour: ").contains("(expected: ");
    assertThat(run.errLines()[2]).isEqualTo("2 problems in 1 spec");
  }

  @Test
  void problemsOfEverySpecAreReportedInTheOrderTheSpecsWereNamed() {
    Path first = SpecFiles.twoProblems(dir, "first.yaml");
    Path good = SpecFiles.rename(dir, "good.yaml", "users_full_name");
    Path second = SpecFiles.twoProblems(dir, "second.yaml");

    CommandRun run = CommandRun.of("validate", first.toString(), good.toString(), second.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.errLines()).hasSize(5);
    assertThat(run.errLines()[0]).startsWith(first.toString());
    assertThat(run.errLines()[2]).startsWith(second.toString());
    assertThat(run.errLines()[4]).isEqualTo("4 problems in 2 specs");
  }

  @Test
  void aDirectoryStandsForItsYamlFilesInNameOrder() {
    Path specs = dir.resolve("specs");
    SpecFiles.retype(specs, "b.yml", "orders_amount_cents");
    SpecFiles.rename(specs, "a.yaml", "users_full_name");
    SpecFiles.write(specs, "notes.txt", "not a spec");
    SpecFiles.twoProblems(specs.resolve("nested.yaml"), "ignored.yaml");

    CommandRun run = CommandRun.of("validate", specs.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(run.outLines()).containsExactly(
        "ok: " + specs.resolve("a.yaml") + " (users_full_name)",
        "ok: " + specs.resolve("b.yml") + " (orders_amount_cents)");
  }

  @Test
  void aFileNamedTwiceIsLoadedOnce() {
    Path specs = dir.resolve("specs");
    Path rename = SpecFiles.rename(specs, "rename.yaml", "users_full_name");

    CommandRun run = CommandRun.of("validate", specs.toString(), rename.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(run.outLines()).hasSize(1);
  }

  @Test
  void aMissingPathIsNamed() {
    Path good = SpecFiles.rename(dir, "good.yaml", "users_full_name");
    Path missing = dir.resolve("missing.yaml");

    CommandRun run = CommandRun.of("validate", good.toString(), missing.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.out()).isEmpty();
    assertThat(run.errLines()).containsExactly(
        missing + ": no such file or directory (expected: a spec file, or a directory of *.yaml / *.yml spec files)",
        "1 problem in 1 spec");
  }

  @Test
  void aDirectoryWithoutSpecsIsAProblem() {
    Path empty = dir.resolve("empty");
    SpecFiles.write(empty, "README.md", "no specs here");

    CommandRun run = CommandRun.of("validate", empty.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.err()).startsWith(empty + ": the directory has no *.yaml or *.yml file");
  }

  @Test
  void twoSpecsWithTheSameMigrationNameAreRefused() {
    Path first = SpecFiles.rename(dir, "first.yaml", "users_full_name");
    Path second = SpecFiles.retype(dir, "second.yaml", "users_full_name");

    CommandRun run = CommandRun.of("validate", first.toString(), second.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.out()).isEmpty();
    assertThat(run.errLines()).containsExactly(
        second + ": /migration: migration users_full_name is already defined in " + first
            + " (expected: a migration name no other spec uses)",
        "1 problem in 1 spec");
  }

  @Test
  void aSpecIsRequired() {
    CommandRun run = CommandRun.of("validate");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.err()).contains("colsync validate: Missing required parameter: 'SPEC'");
  }
}
