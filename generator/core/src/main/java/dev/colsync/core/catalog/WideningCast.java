package dev.colsync.core.catalog;

import dev.colsync.runtime.sql.SqlIdentifiers;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A type change whose conversion is a plain cast that widens: every old value has exactly one new value and
 * casting it back gives the old value again. Only for these does {@code scaffold retype} write {@code up} and
 * {@code down} itself; anything else (a narrowing, a change of meaning such as {@code text → integer}) needs
 * them written by hand.
 */
public final class WideningCast {
  /** The conversions defaulted, as they are named in the message that refuses the others. */
  public static final String KINDS = "smallint/integer → integer/bigint/numeric, bigint → numeric, real → double"
      + " precision, varchar(n) → varchar(m ≥ n)/varchar/text, text → varchar, numeric(p,s) → a numeric that holds"
      + " it, timestamp(p) → timestamp/timestamptz of at least that precision, timestamptz(p) → timestamptz, date"
      + " → timestamp";

  private static final Pattern TYPE = Pattern.compile(
      "(?:pg_catalog\\.)?([a-z][a-z0-9 ]*?)\\s*(?:\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\))?"
          + "(\\s+with(?:out)?\\s+time\\s+zone)?");

  private final SqlType from;
  private final SqlType to;

  private WideningCast(SqlType from, SqlType to) {
    this.from = from;
    this.to = to;
  }

  /** The widening cast from {@code fromType} to {@code toType}, if the change is one. */
  public static Optional<WideningCast> between(String fromType, String toType) {
    Optional<SqlType> from = SqlType.parse(fromType);
    Optional<SqlType> to = SqlType.parse(toType);
    if (from.isEmpty() || to.isEmpty() || !from.get().widensTo(to.get())) {
      return Optional.empty();
    }
    return Optional.of(new WideningCast(from.get(), to.get()));
  }

  /** {@code up}: the old column cast to the new type. */
  public String up(String fromColumn) {
    return SqlIdentifiers.quote(fromColumn) + "::" + to.text();
  }

  /**
   * {@code down}: the new column cast back. To a length-limited string the cast names no length, so a value
   * too long for the old column fails the write (assignment checks the length) instead of being cut short.
   */
  public String down(String toColumn) {
    SqlType back = from.base.equals("varchar") ? new SqlType("varchar", List.of()) : from;
    return SqlIdentifiers.quote(toColumn) + "::" + back.text();
  }

  /** Whether {@code up} reads the session's TimeZone (a value without a zone becomes one with it). */
  public boolean dependsOnTimeZone() {
    return !from.base.equals("timestamptz") && to.base.equals("timestamptz");
  }

  /** A type as colsync compares it: its canonical base name and its modifiers. */
  private record SqlType(String base, List<Integer> modifiers) {
    static Optional<SqlType> parse(String text) {
      Matcher matcher = TYPE.matcher(text.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " "));
      if (!matcher.matches()) {
        return Optional.empty();
      }
      String name = matcher.group(1).strip();
      boolean withZone = matcher.group(4) != null && !matcher.group(4).contains("without");
      if (matcher.group(4) != null && !name.equals("timestamp")) {
        return Optional.empty();
      }
      List<Integer> modifiers = Arrays.asList(matcher.group(2), matcher.group(3)).stream()
          .filter(group -> group != null).map(Integer::valueOf).toList();
      return canonical(name, withZone).map(base -> new SqlType(base, modifiers));
    }

    private static Optional<String> canonical(String name, boolean withZone) {
      return Optional.ofNullable(switch (name) {
        case "int2", "smallint" -> "smallint";
        case "int", "int4", "integer" -> "integer";
        case "int8", "bigint" -> "bigint";
        case "numeric", "decimal" -> "numeric";
        case "real", "float4" -> "real";
        case "double precision", "float8" -> "double precision";
        case "text" -> "text";
        case "varchar", "character varying" -> "varchar";
        case "timestamp" -> withZone ? "timestamptz" : "timestamp";
        case "timestamptz" -> "timestamptz";
        case "date" -> "date";
        default -> null;
      });
    }

    String text() {
      if (modifiers.isEmpty()) {
        return base;
      }
      String mods = "(" + String.join(",", modifiers.stream().map(String::valueOf).toList()) + ")";
      return switch (base) {
        case "timestamp" -> "timestamp" + mods + " without time zone";
        case "timestamptz" -> "timestamp" + mods + " with time zone";
        default -> base + mods;
      };
    }

    boolean widensTo(SqlType to) {
      if (!validModifiers() || !to.validModifiers() || to.equals(this)) {
        return false;
      }
      return switch (base) {
        case "smallint" -> to.holdsInteger(5) || to.base.equals("integer") || to.base.equals("bigint");
        case "integer" -> to.holdsInteger(10) || to.base.equals("bigint");
        case "bigint" -> to.holdsInteger(19);
        case "real" -> to.base.equals("double precision");
        case "numeric" -> to.base.equals("numeric") && to.holdsNumeric(this);
        case "varchar" -> to.base.equals("text")
            || to.base.equals("varchar") && (to.modifiers.isEmpty() || !modifiers.isEmpty() && to.length() >= length());
        case "text" -> to.base.equals("varchar") && to.modifiers.isEmpty();
        case "timestamp" -> (to.base.equals("timestamp") || to.base.equals("timestamptz")) && to.precision() >= precision();
        case "timestamptz" -> to.base.equals("timestamptz") && to.precision() >= precision();
        case "date" -> to.base.equals("timestamp");
        default -> false;
      };
    }

    private boolean validModifiers() {
      return switch (base) {
        case "numeric" -> modifiers.size() <= 2 && (modifiers.isEmpty() || modifiers.get(0) >= 1
            && modifiers.get(0) <= 1000 && (modifiers.size() < 2 || modifiers.get(1) <= modifiers.get(0)));
        case "varchar" -> modifiers.size() <= 1 && (modifiers.isEmpty() || modifiers.get(0) >= 1);
        case "timestamp", "timestamptz" -> modifiers.size() <= 1 && (modifiers.isEmpty() || modifiers.get(0) <= 6);
        default -> modifiers.isEmpty();
      };
    }

    /** A numeric that holds every whole number of {@code digits} digits. */
    private boolean holdsInteger(int digits) {
      return base.equals("numeric") && (modifiers.isEmpty() || integerDigits() >= digits);
    }

    private boolean holdsNumeric(SqlType from) {
      if (modifiers.isEmpty()) {
        return !from.modifiers.isEmpty();
      }
      return !from.modifiers.isEmpty() && scale() >= from.scale() && integerDigits() >= from.integerDigits();
    }

    private int integerDigits() {
      return modifiers.get(0) - scale();
    }

    private int scale() {
      return modifiers.size() > 1 ? modifiers.get(1) : 0;
    }

    private int length() {
      return modifiers.get(0);
    }

    /** Fractional-second digits; without a modifier, PostgreSQL keeps six. */
    private int precision() {
      return modifiers.isEmpty() ? 6 : modifiers.get(0);
    }
  }
}
