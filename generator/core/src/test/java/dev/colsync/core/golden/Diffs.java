package dev.colsync.core.golden;

import java.util.List;

/** A short, unified-diff-like view of where two texts first differ. */
final class Diffs {
  private static final int CONTEXT = 3;

  private Diffs() {}

  /**
   * The first differing line of {@code expected} and {@code actual} with up to three lines of
   * context before it, as {@code -} (golden) and {@code +} (generated) lines.
   */
  static String firstDifference(String name, String expected, String actual) {
    List<String> want = expected.lines().toList();
    List<String> got = actual.lines().toList();
    int line = 0;
    while (line < want.size() && line < got.size() && want.get(line).equals(got.get(line))) {
      line++;
    }
    StringBuilder out = new StringBuilder();
    out.append("--- ").append(name).append(" (golden)\n");
    out.append("+++ ").append(name).append(" (generated)\n");
    out.append("@@ first difference at line ").append(line + 1).append(" @@\n");
    for (int i = Math.max(0, line - CONTEXT); i < line; i++) {
      out.append("  ").append(want.get(i)).append('\n');
    }
    if (line < want.size()) {
      out.append("- ").append(visible(want.get(line))).append('\n');
    } else {
      out.append("- <end of file>\n");
    }
    if (line < got.size()) {
      out.append("+ ").append(visible(got.get(line))).append('\n');
    } else {
      out.append("+ <end of file>\n");
    }
    if (line >= want.size() && line >= got.size()) {
      out.append("(the lines are equal; the texts differ in line endings or the final newline)\n");
    }
    return out.toString();
  }

  /** Trailing whitespace and carriage returns made visible, since they are easy to miss in a diff. */
  private static String visible(String line) {
    String shown = line.replace("\r", "\\r").replace("\t", "\\t");
    int end = shown.length();
    while (end > 0 && shown.charAt(end - 1) == ' ') {
      end--;
    }
    return end == shown.length() ? shown : shown.substring(0, end) + "·".repeat(shown.length() - end);
  }
}
