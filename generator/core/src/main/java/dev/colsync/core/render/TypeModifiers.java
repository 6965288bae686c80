package dev.colsync.core.render;

import java.util.Locale;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code atttypmod} PostgreSQL stores for a column declared with a given type, for the built-in
 * types whose modifier has a documented encoding; empty where colsync cannot know it (then only the
 * type itself is compared).
 */
final class TypeModifiers {
  private static final int VARHDRSZ = 4;
  private static final Pattern MODIFIED = Pattern.compile(
      "\\s*([a-z ]+?)\\s*\\(\\s*([0-9]+)\\s*(?:,\\s*([0-9]+)\\s*)?\\)\\s*(with time zone|without time zone)?\\s*((?:\\[\\s*\\]\\s*)*)");
  private static final Pattern PLAIN = Pattern.compile("\\s*([a-z_ .\"]+?)\\s*((?:\\[\\s*\\]\\s*)*)");

  private TypeModifiers() {}

  static OptionalInt of(String type) {
    String lower = type.toLowerCase(Locale.ROOT);
    Matcher modified = MODIFIED.matcher(lower);
    if (modified.matches()) {
      int first = Integer.parseInt(modified.group(2));
      boolean second = modified.group(3) != null;
      int scale = second ? Integer.parseInt(modified.group(3)) : 0;
      return switch (modified.group(1)) {
        case "varchar", "character varying", "char", "character", "bpchar" ->
            second ? OptionalInt.empty() : OptionalInt.of(first + VARHDRSZ);
        case "numeric", "decimal" -> OptionalInt.of(((first << 16) | scale) + VARHDRSZ);
        case "timestamp", "timestamptz", "time", "timetz" -> second ? OptionalInt.empty() : OptionalInt.of(first);
        case "bit", "varbit", "bit varying" -> second ? OptionalInt.empty() : OptionalInt.of(first);
        default -> OptionalInt.empty();
      };
    }
    Matcher plain = PLAIN.matcher(lower);
    if (!plain.matches()) {
      return OptionalInt.empty();
    }
    String name = plain.group(1);
    if (name.startsWith("interval ")) {
      return OptionalInt.empty(); // interval fields are encoded in the modifier too
    }
    return switch (name) {
      // Without a length these two mean a length of one.
      case "char", "character" -> OptionalInt.of(1 + VARHDRSZ);
      case "bit" -> OptionalInt.of(1);
      default -> OptionalInt.of(-1);
    };
  }
}
