package dev.colsync.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code colsync}: the top command; the work is done by its subcommands. */
@Command(
    name = "colsync",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Generates zero-downtime column rename and type-change migrations for PostgreSQL.",
    subcommands = {GenerateCommand.class, ValidateCommand.class, FlagCommand.class, ApplyCommand.class,
        RollbackCommand.class, VerifyCommand.class, StatusCommand.class, BackfillCommand.class, AuditCommand.class,
        ScaffoldCommand.class, GrantCommand.class},
    footer = {"", "Exit codes: 0 ok, 1 failure (I/O error, unexpected error), 2 bad input (spec, option, parameter)."})
public final class ColsyncCommand {

  /** Inherited, so it may also follow a subcommand; picocli then sets this field, the root's. */
  @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
      description = "Print the stack trace of an unexpected failure.")
  boolean verbose;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /**
   * The whole command tree with colsync's exit codes and error reporting. Call {@code setOut} and
   * {@code setErr} on the result to redirect what the commands print.
   */
  static CommandLine commandLine() {
    ColsyncCommand root = new ColsyncCommand();
    return new CommandLine(root)
        .setParameterExceptionHandler(new BadInputHandler())
        .setExecutionExceptionHandler(new FailureHandler(() -> root.verbose));
  }
}
