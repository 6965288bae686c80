package dev.colsync.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code colsync flag}: reads and sets the read-path flags of running applications, through its subcommands. */
@Command(
    name = "flag",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
        "Reads and sets the read-path flags (OLD, SHADOW, NEW) in the database's colsync.read_path_flags table.",
        "Applications reading flags from that table see a change within their staleness bound, and at once when"
            + " they LISTEN for it."},
    subcommands = {FlagListCommand.class, FlagGetCommand.class, FlagSetCommand.class, FlagRemoveCommand.class})
final class FlagCommand implements Runnable {

  @Spec
  CommandSpec command;

  /** Without a subcommand there is nothing to do: that is a usage error. */
  @Override
  public void run() {
    throw new ParameterException(command.commandLine(), "Missing required subcommand: list, get, set or remove");
  }
}
