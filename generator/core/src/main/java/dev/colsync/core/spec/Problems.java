package dev.colsync.core.spec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects every problem found in one spec file, so that all of them are reported at once. */
final class Problems {
  private static final Comparator<SpecProblem> IN_FILE_ORDER =
      Comparator.comparingInt(SpecProblem::line).thenComparingInt(SpecProblem::column);

  private final String file;
  private final List<SpecProblem> found = new ArrayList<>();

  Problems(String file) {
    this.file = file;
  }

  /** A problem with a value, located at the value (or at its key when the value was left out). */
  void report(YamlNode node, String message, String expected) {
    reportAt(node.problemPosition(), node.pointer(), message, expected);
  }

  /** A problem with a key itself: unknown, duplicated, or conflicting with another key. */
  void reportAtKey(YamlNode node, String message, String expected) {
    reportAt(node.keyPosition(), node.pointer(), message, expected);
  }

  void reportAt(SourcePosition position, String pointer, String message, String expected) {
    found.add(new SpecProblem(file, position.line(), position.column(), pointer, message, expected));
  }

  boolean isEmpty() {
    return found.isEmpty();
  }

  /** Every problem, in the order they appear in the file. */
  List<SpecProblem> inFileOrder() {
    List<SpecProblem> sorted = new ArrayList<>(found);
    sorted.sort(IN_FILE_ORDER);
    return sorted;
  }

  String file() {
    return file;
  }
}
