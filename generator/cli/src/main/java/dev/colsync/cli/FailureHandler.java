package dev.colsync.cli;

import java.io.PrintWriter;
import java.util.function.BooleanSupplier;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** Reports an exception thrown by a command in one line, or with its stack trace when verbose. */
final class FailureHandler implements IExecutionExceptionHandler {
  private final BooleanSupplier verbose;

  FailureHandler(BooleanSupplier verbose) {
    this.verbose = verbose;
  }

  @Override
  public int handleExecutionException(Exception failure, CommandLine command, ParseResult parseResult) {
    PrintWriter err = command.getErr();
    String name = command.getCommandSpec().root().name();
    if (verbose.getAsBoolean()) {
      err.println(name + ": " + describe(failure));
      failure.printStackTrace(err);
    } else {
      err.println(command.getColorScheme().errorText(name + ": " + firstLine(describe(failure)))
          + " (run '" + name + " --verbose ...' for details)");
    }
    err.flush();
    return ExitCodes.FAILURE;
  }

  /** The exception's kind and message: I/O exceptions often carry no more than a file name. */
  private static String describe(Exception failure) {
    String kind = failure.getClass().getSimpleName();
    String described = failure.getMessage() == null ? kind : kind + ": " + failure.getMessage();
    Throwable cause = failure;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    // "The connection attempt failed." says nothing without its cause (an unknown host, a refused port).
    if (cause != failure && cause.getMessage() != null && !described.contains(cause.getMessage())) {
      described = firstLine(described) + " (" + cause.getClass().getSimpleName() + ": " + firstLine(cause.getMessage())
          + ")";
    }
    return described;
  }

  private static String firstLine(String text) {
    int end = text.indexOf('\n');
    return end < 0 ? text : text.substring(0, end).stripTrailing();
  }
}
