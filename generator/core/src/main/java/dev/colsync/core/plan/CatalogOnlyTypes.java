package dev.colsync.core.plan;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The type changes PostgreSQL makes in its catalog alone, rewriting neither the table nor its indexes, as
 * far as colsync vouches for them: {@code varchar(n)} to {@code varchar(m ≥ n)}, {@code varchar} or
 * {@code text}; {@code text} to {@code varchar}; {@code numeric(p,s)} to {@code numeric(q ≥ p,s)} or
 * {@code numeric}. Every other type, arrays and domains included, is outside the list.
 */
public final class CatalogOnlyTypes {
  /** The changes vouched for, as messages name them. */
  public static final String KINDS = "varchar(n) → varchar(m ≥ n), varchar or text; text → varchar;"
      + " numeric(p,s) → numeric(q ≥ p,s) or numeric";

  private static final Pattern TYPE = Pattern.compile(
      "(?:pg_catalog\\.)?(varchar|character varying|text|numeric|decimal)"
          + "(?:\\s*\\(\\s*(\\d{1,9})\\s*(?:,\\s*(\\d{1,9})\\s*)?\\))?");

  private CatalogOnlyTypes() {}

  /** A type of the list. */
  public enum Kind {
    VARCHAR("pg_catalog.varchar"), TEXT("pg_catalog.text"), NUMERIC("pg_catalog.numeric");

    private final String sqlName;

    Kind(String sqlName) {
      this.sqlName = sqlName;
    }
  }

  /**
   * One column type of the list.
   *
   * @param length a varchar's length or a numeric's precision, when it has one
   * @param scale a numeric's scale (0 when only a precision is given)
   */
  public record ColumnType(Kind kind, OptionalInt length, int scale) {
    /** The type as SQL that depends on no search path: {@code pg_catalog.varchar(200)}. */
    public String sql() {
      if (length.isEmpty()) {
        return kind.sqlName;
      }
      return kind == Kind.NUMERIC ? kind.sqlName + "(" + length.getAsInt() + "," + scale + ")"
          : kind.sqlName + "(" + length.getAsInt() + ")";
    }

    /** The type's name without its modifier, for {@code to_regtype}. */
    public String regtype() {
      return kind.sqlName;
    }

    /** The {@code atttypmod} PostgreSQL stores for a column of this type. */
    public int modifier() {
      if (length.isEmpty()) {
        return -1;
      }
      int header = 4;
      return kind == Kind.NUMERIC ? ((length.getAsInt() << 16) | scale) + header : length.getAsInt() + header;
    }
  }

  /** {@code text} parsed as a type of the list, if it is one. */
  public static Optional<ColumnType> parse(String text) {
    Matcher matcher = TYPE.matcher(text.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " "));
    if (!matcher.matches()) {
      return Optional.empty();
    }
    Kind kind = switch (matcher.group(1)) {
      case "varchar", "character varying" -> Kind.VARCHAR;
      case "text" -> Kind.TEXT;
      default -> Kind.NUMERIC;
    };
    OptionalInt length = matcher.group(2) == null ? OptionalInt.empty()
        : OptionalInt.of(Integer.parseInt(matcher.group(2)));
    if (kind == Kind.TEXT && length.isPresent() || kind == Kind.VARCHAR && matcher.group(3) != null) {
      return Optional.empty();
    }
    int scale = matcher.group(3) == null ? 0 : Integer.parseInt(matcher.group(3));
    if (length.isPresent() && (length.getAsInt() < 1 || scale > length.getAsInt())) {
      return Optional.empty();
    }
    return Optional.of(new ColumnType(kind, length, scale));
  }

  /** Whether PostgreSQL changes a column from {@code from} to {@code to} without rewriting anything. */
  public static boolean catalogOnly(ColumnType from, ColumnType to) {
    return switch (from.kind()) {
      case VARCHAR -> to.kind() == Kind.TEXT || to.kind() == Kind.VARCHAR && (to.length().isEmpty()
          || from.length().isPresent() && to.length().getAsInt() >= from.length().getAsInt());
      case TEXT -> to.kind() == Kind.VARCHAR && to.length().isEmpty();
      case NUMERIC -> to.kind() == Kind.NUMERIC && (to.length().isEmpty() || from.length().isPresent()
          && to.length().getAsInt() >= from.length().getAsInt() && to.scale() == from.scale());
    };
  }

  /** Whether {@code a} and {@code b} are one type with one modifier. */
  public static boolean same(ColumnType a, ColumnType b) {
    return a.kind() == b.kind() && a.modifier() == b.modifier();
  }
}
