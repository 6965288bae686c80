package dev.colsync.core.plan;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A conversion that is nothing but a cast of its column: {@code name::varchar(200)}, {@code "Name"::text} or
 * {@code CAST(name AS text)}, optionally in parentheses. A catalog-only type change has no other conversion.
 */
final class PlainCast {
  private static final String COLUMN = "(\"(?:[^\"]|\"\")+\"|[A-Za-z_][A-Za-z0-9_$]*)";
  private static final Pattern SHORT = Pattern.compile(COLUMN + "\\s*::\\s*([^()]+(?:\\([0-9 ,]+\\))?)");
  private static final Pattern LONG = Pattern.compile(
      "(?i:cast)\\s*\\(\\s*" + COLUMN + "\\s+(?i:as)\\s+([^()]+(?:\\([0-9 ,]+\\))?)\\s*\\)");

  private PlainCast() {}

  /** The type {@code expression} casts {@code column} to, if it is a plain cast of that column. */
  static Optional<String> targetType(String expression, String column) {
    String text = expression.strip();
    while (text.startsWith("(") && text.endsWith(")")) {
      text = text.substring(1, text.length() - 1).strip();
    }
    for (Pattern pattern : new Pattern[] {SHORT, LONG}) {
      Matcher matcher = pattern.matcher(text);
      if (matcher.matches() && names(matcher.group(1), column)) {
        return Optional.of(matcher.group(2).strip());
      }
    }
    return Optional.empty();
  }

  private static boolean names(String reference, String column) {
    if (reference.startsWith("\"")) {
      return reference.substring(1, reference.length() - 1).replace("\"\"", "\"").equals(column);
    }
    return reference.toLowerCase(Locale.ROOT).equals(column);
  }
}
