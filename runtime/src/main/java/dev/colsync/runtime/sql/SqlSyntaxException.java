package dev.colsync.runtime.sql;

/** SQL text that cannot be tokenized: an unterminated string, identifier or comment. */
public final class SqlSyntaxException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final int offset;

  public SqlSyntaxException(String message, int offset) {
    super(message + " at offset " + offset);
    this.offset = offset;
  }

  /** Where in the source the problem starts. */
  public int offset() {
    return offset;
  }
}
