package dev.colsync.core.java;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** Maps an SQL type as written in a spec to its Java type; anything unknown becomes {@code Object}. */
final class SqlTypes {
  private static final Pattern MODIFIER = Pattern.compile("\\s*\\([^()]*\\)");
  private static final Pattern BLANKS = Pattern.compile("\\s+");

  private static final ValueType TEXT = type("TEXT", ClassName.get(String.class), "text");
  private static final ValueType SMALLINT = primitive("SMALLINT", TypeName.SHORT, "smallint");
  private static final ValueType INTEGER = primitive("INTEGER", TypeName.INT, "integer");
  private static final ValueType BIGINT = primitive("BIGINT", TypeName.LONG, "bigint");
  private static final ValueType REAL = primitive("REAL", TypeName.FLOAT, "real");
  private static final ValueType DOUBLE = primitive("DOUBLE", TypeName.DOUBLE, "double precision");
  private static final ValueType BOOLEAN = primitive("BOOLEAN", TypeName.BOOLEAN, "boolean");

  /** Normalised type names (lower case, no modifiers, single blanks) and what they map to. */
  private static final Map<String, ValueType> KNOWN = Map.ofEntries(
      Map.entry("text", TEXT),
      Map.entry("varchar", TEXT),
      Map.entry("character varying", TEXT),
      Map.entry("char", TEXT),
      Map.entry("character", TEXT),
      Map.entry("bpchar", TEXT),
      Map.entry("citext", TEXT),
      Map.entry("json", type("TEXT", ClassName.get(String.class), "json")),
      Map.entry("jsonb", type("TEXT", ClassName.get(String.class), "jsonb")),
      Map.entry("smallint", SMALLINT),
      Map.entry("int2", SMALLINT),
      Map.entry("smallserial", SMALLINT),
      Map.entry("serial2", SMALLINT),
      Map.entry("integer", INTEGER),
      Map.entry("int", INTEGER),
      Map.entry("int4", INTEGER),
      Map.entry("serial", INTEGER),
      Map.entry("serial4", INTEGER),
      Map.entry("bigint", BIGINT),
      Map.entry("int8", BIGINT),
      Map.entry("bigserial", BIGINT),
      Map.entry("serial8", BIGINT),
      Map.entry("numeric", type("NUMERIC", ClassName.get(BigDecimal.class), "numeric")),
      Map.entry("decimal", type("NUMERIC", ClassName.get(BigDecimal.class), "numeric")),
      Map.entry("real", REAL),
      Map.entry("float4", REAL),
      Map.entry("double precision", DOUBLE),
      Map.entry("float8", DOUBLE),
      Map.entry("float", DOUBLE),
      Map.entry("boolean", BOOLEAN),
      Map.entry("bool", BOOLEAN),
      Map.entry("timestamptz", type("TIMESTAMPTZ", ClassName.get(OffsetDateTime.class), "timestamptz")),
      Map.entry("timestamp with time zone", type("TIMESTAMPTZ", ClassName.get(OffsetDateTime.class), "timestamptz")),
      Map.entry("timestamp", type("TIMESTAMP", ClassName.get(LocalDateTime.class), "timestamp")),
      Map.entry("timestamp without time zone", type("TIMESTAMP", ClassName.get(LocalDateTime.class), "timestamp")),
      Map.entry("date", type("DATE", ClassName.get(LocalDate.class), "date")),
      Map.entry("uuid", type("UUID", ClassName.get(UUID.class), "uuid")),
      Map.entry("bytea", type("BYTEA", ArrayTypeName.of(TypeName.BYTE), "bytea")));

  private SqlTypes() {}

  /** The Java side of {@code sqlType}; {@code Object} (cast to the type as written) when it is not a known one. */
  static ValueType of(String sqlType) {
    ValueType known = KNOWN.get(normalise(sqlType));
    return known != null ? known : type("OBJECT", ClassName.OBJECT, sqlType.strip());
  }

  /** A key column's Java side: {@code Object}, bound with {@code setObject}, when the spec gives no type. */
  static ValueType ofKey(Optional<String> sqlType) {
    return sqlType.map(SqlTypes::of).orElseGet(() -> type("OBJECT", ClassName.OBJECT, ""));
  }

  /** {@code Varchar(40)} and {@code pg_catalog.varchar} read {@code varchar}; arrays and quoted names stay unknown. */
  static String normalise(String sqlType) {
    String type = sqlType.strip().toLowerCase(Locale.ROOT);
    if (type.contains("\"") || type.contains("[") || type.contains(" array")) {
      return "";
    }
    if (type.startsWith("pg_catalog.")) {
      type = type.substring("pg_catalog.".length());
    }
    type = MODIFIER.matcher(type).replaceAll("");
    return BLANKS.matcher(type).replaceAll(" ").strip();
  }

  private static ValueType type(String constant, TypeName javaType, String castType) {
    return new ValueType(constant, javaType, javaType, castType);
  }

  private static ValueType primitive(String constant, TypeName primitive, String castType) {
    return new ValueType(constant, primitive.box(), primitive, castType);
  }
}
