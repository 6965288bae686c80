package dev.colsync.core.java;

import static org.assertj.core.api.Assertions.assertThat;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SqlTypesTest {

  @Test
  void theTypesOfTheIssueMapToTheirJavaTypes() {
    assertJava("text", ClassName.get(String.class), "TEXT", "text");
    assertJava("varchar(40)", ClassName.get(String.class), "TEXT", "text");
    assertJava("character varying(200)", ClassName.get(String.class), "TEXT", "text");
    assertJava("char(3)", ClassName.get(String.class), "TEXT", "text");
    assertJava("int", ClassName.get(Integer.class), "INTEGER", "integer");
    assertJava("integer", ClassName.get(Integer.class), "INTEGER", "integer");
    assertJava("bigint", ClassName.get(Long.class), "BIGINT", "bigint");
    assertJava("numeric(12,2)", ClassName.get(BigDecimal.class), "NUMERIC", "numeric");
    assertJava("boolean", ClassName.get(Boolean.class), "BOOLEAN", "boolean");
    assertJava("timestamptz", ClassName.get(OffsetDateTime.class), "TIMESTAMPTZ", "timestamptz");
    assertJava("timestamp(3) with time zone", ClassName.get(OffsetDateTime.class), "TIMESTAMPTZ", "timestamptz");
    assertJava("timestamp", ClassName.get(LocalDateTime.class), "TIMESTAMP", "timestamp");
    assertJava("TIMESTAMP WITHOUT TIME ZONE", ClassName.get(LocalDateTime.class), "TIMESTAMP", "timestamp");
    assertJava("date", ClassName.get(LocalDate.class), "DATE", "date");
    assertJava("uuid", ClassName.get(UUID.class), "UUID", "uuid");
    assertJava("jsonb", ClassName.get(String.class), "TEXT", "jsonb");
    assertJava("json", ClassName.get(String.class), "TEXT", "json");
    assertJava("bytea", ArrayTypeName.of(TypeName.BYTE), "BYTEA", "bytea");
    assertJava("pg_catalog.int8", ClassName.get(Long.class), "BIGINT", "bigint");
  }

  @Test
  void notNullNumbersAndBooleansArePrimitives() {
    assertThat(SqlTypes.of("bigint").javaType(true)).isEqualTo(TypeName.LONG);
    assertThat(SqlTypes.of("bigint").javaType(false)).isEqualTo(ClassName.get(Long.class));
    assertThat(SqlTypes.of("boolean").javaType(true)).isEqualTo(TypeName.BOOLEAN);
    assertThat(SqlTypes.of("text").javaType(true)).isEqualTo(ClassName.get(String.class));
  }

  @Test
  void anythingElseIsAnObjectCastToTheTypeAsWritten() {
    for (String type : new String[] {"inet", "text[]", "\"Mood\"", "integer array", "public.money_type"}) {
      ValueType mapped = SqlTypes.of(type);
      assertThat(mapped.boxed()).as(type).isEqualTo(ClassName.OBJECT);
      assertThat(mapped.constant()).isEqualTo("OBJECT");
      assertThat(mapped.castType()).isEqualTo(type);
    }
    assertThat(SqlTypes.ofKey(Optional.empty()).boxed()).isEqualTo(ClassName.OBJECT);
    assertThat(SqlTypes.ofKey(Optional.of("uuid")).boxed()).isEqualTo(ClassName.get(UUID.class));
  }

  private static void assertJava(String sqlType, TypeName javaType, String constant, String castType) {
    ValueType mapped = SqlTypes.of(sqlType);
    assertThat(mapped.boxed()).as(sqlType).isEqualTo(javaType);
    assertThat(mapped.constant()).as(sqlType).isEqualTo(constant);
    assertThat(mapped.castType()).as(sqlType).isEqualTo(castType);
  }
}
