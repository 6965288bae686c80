package dev.colsync.runtime.execution;

import java.sql.SQLException;
import java.util.List;

/**
 * A step failed: its last attempt's error (SQL state included), how many attempts were made, and the
 * sessions that blocked it when it gave up waiting for a lock. Nothing of a transactional step's last
 * attempt is committed; a no-transaction step may have done part of its work, and running it again
 * finishes it.
 */
public final class StepFailedException extends SQLException {
  private static final long serialVersionUID = 1L;

  private final String phase;
  private final String step;
  private final int attempts;
  private final transient List<BlockingSession> blockers;

  StepFailedException(String phase, String step, int attempts, List<BlockingSession> blockers, SQLException cause) {
    super(message(phase, step, attempts, blockers, cause), cause.getSQLState(), cause.getErrorCode(), cause);
    this.phase = phase;
    this.step = step;
    this.attempts = attempts;
    this.blockers = List.copyOf(blockers);
  }

  private static String message(
      String phase, String step, int attempts, List<BlockingSession> blockers, SQLException cause) {
    String message = phase + "/" + step + " failed" + (attempts > 1 ? " after " + attempts + " attempts" : "")
        + ": " + withDetail(cause.getMessage());
    return blockers.isEmpty() ? message : message + "; blocked by " + blockers;
  }

  /**
   * The first line of a server error with its DETAIL and HINT, which name the object in the way (a view
   * that depends on the column) and what to do; the CONTEXT lines are left out.
   */
  static String withDetail(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder message = new StringBuilder(firstLine(text));
    text.lines().skip(1).map(String::strip)
        .filter(line -> line.startsWith("Detail:") || line.startsWith("Hint:"))
        .forEach(line -> message.append(" (").append(line).append(')'));
    return message.toString();
  }

  static String firstLine(String text) {
    if (text == null) {
      return "";
    }
    int end = text.indexOf('\n');
    return end < 0 ? text : text.substring(0, end).stripTrailing();
  }

  public String phase() {
    return phase;
  }

  public String step() {
    return step;
  }

  public int attempts() {
    return attempts;
  }

  public List<BlockingSession> blockers() {
    return blockers;
  }
}
