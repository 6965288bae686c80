package dev.colsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ColsyncCommandTest {

  @Test
  void versionIsTheProjectVersion() {
    String projectVersion = System.getProperty("colsync.expected.version");
    assertThat(projectVersion).as("set by the build").isNotBlank();

    CommandRun run = CommandRun.of("--version");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(run.out().strip()).isEqualTo("colsync " + projectVersion);
  }

  @Test
  void helpListsTheSubcommandsAndExitCodes() {
    CommandRun run = CommandRun.of("--help");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(run.out()).contains("Usage: colsync", "generate", "validate", "Exit codes:");
    assertThat(run.err()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"generate", "validate"})
  void everySubcommandHasHelp(String subcommand) {
    CommandRun run = CommandRun.of(subcommand, "--help");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(run.out()).startsWith("Usage: colsync " + subcommand);
  }

  @Test
  void anUnknownOptionIsBadInput() {
    CommandRun run = CommandRun.of("--frobnicate");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.errLines()).containsExactly(
        "colsync: Unknown option: '--frobnicate'",
        "Try 'colsync --help' for more information.");
  }

  @Test
  void anUnknownSubcommandIsBadInputWithASuggestion() {
    CommandRun run = CommandRun.of("validte", "spec.yaml");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.err()).contains("Did you mean: colsync validate");
  }

  @Test
  void aSubcommandIsRequired() {
    CommandRun run = CommandRun.of();

    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.err()).contains("Missing required subcommand");
  }
}
