package dev.colsync.runtime.flag;

import java.util.Optional;

/**
 * Which column the application reads during a column change. The flag moves forward one step at a
 * time: OLD while only the old column is trusted, SHADOW to check the new one against it, NEW once
 * it is.
 */
public enum ReadPath {
  /** Reads the old column (converted by {@code up} to the new type); writes the old column. */
  OLD,
  /** Reads both columns in one statement, returns OLD's value, reports if the new one agrees; writes the old column. */
  SHADOW,
  /** Reads and writes the new column. */
  NEW;

  private static final ReadPath[] ALL = values();

  /** Whether writes on this path go to the new column; on OLD and SHADOW they go to the old one. */
  public boolean writesNewColumn() {
    return this == NEW;
  }

  /** How many steps lie between this path and {@code other}: 0, 1 or 2. */
  public int stepsTo(ReadPath other) {
    return Math.abs(ordinal() - other.ordinal());
  }

  /** The path named {@code text} (case-insensitive, surrounding blanks ignored); empty for anything else. */
  public static Optional<ReadPath> parse(String text) {
    return Optional.ofNullable(named(text));
  }

  /** The path named {@code text}, or OLD for a missing or unknown value: the rule every flag source follows. */
  public static ReadPath parseOrOld(String text) {
    ReadPath path = named(text);
    return path == null ? OLD : path;
  }

  /** Allocation-free look-up: flag sources call it on every evaluation. */
  private static ReadPath named(String text) {
    if (text == null) {
      return null;
    }
    int start = 0;
    int end = text.length();
    while (start < end && Character.isWhitespace(text.charAt(start))) {
      start++;
    }
    while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    for (ReadPath path : ALL) {
      String name = path.name();
      if (end - start == name.length() && text.regionMatches(true, start, name, 0, name.length())) {
        return path;
      }
    }
    return null;
  }
}
