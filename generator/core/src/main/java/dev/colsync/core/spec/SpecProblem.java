package dev.colsync.core.spec;

import java.util.Objects;

/**
 * One thing wrong with a spec, located precisely enough to fix without guessing.
 *
 * @param file the spec file as the user named it
 * @param line 1-based line, or 0 when unknown
 * @param column 1-based column, or 0 when unknown
 * @param pointer JSON pointer of the offending value ({@code ""} for the whole document)
 * @param message what is wrong
 * @param expected the form that would be accepted
 */
public record SpecProblem(String file, int line, int column, String pointer, String message, String expected) {
  public SpecProblem {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(pointer, "pointer");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(expected, "expected");
  }

  /** {@code file:line:column: pointer: message (expected: form)}. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(file);
    if (line > 0) {
      text.append(':').append(line);
      if (column > 0) {
        text.append(':').append(column);
      }
    }
    text.append(": ");
    if (!pointer.isEmpty()) {
      text.append(pointer).append(": ");
    }
    text.append(message);
    if (!expected.isEmpty()) {
      text.append(" (expected: ").append(expected).append(')');
    }
    return text.toString();
  }
}
