package dev.colsync.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/** Reports a bad option, parameter or subcommand in a line or two instead of the whole usage. */
final class BadInputHandler implements IParameterExceptionHandler {

  @Override
  public int handleParseException(ParameterException problem, String[] args) {
    CommandLine command = problem.getCommandLine();
    String name = command.getCommandSpec().qualifiedName();
    PrintWriter err = command.getErr();
    err.println(command.getColorScheme().errorText(name + ": " + problem.getMessage()));
    UnmatchedArgumentException.printSuggestions(problem, err);
    err.println("Try '" + name + " --help' for more information.");
    err.flush();
    return ExitCodes.BAD_INPUT;
  }
}
