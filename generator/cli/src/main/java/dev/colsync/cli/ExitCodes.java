package dev.colsync.cli;

/** The process exit codes of every colsync command. */
final class ExitCodes {
  /** The command did what was asked. */
  static final int OK = 0;
  /** Something went wrong that is not the input's fault: an I/O error, an unexpected exception. */
  static final int FAILURE = 1;
  /** The input is wrong: a bad spec, option, parameter or subcommand. Nothing was written. */
  static final int BAD_INPUT = 2;

  private ExitCodes() {}
}
