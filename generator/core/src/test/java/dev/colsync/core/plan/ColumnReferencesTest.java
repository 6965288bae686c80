package dev.colsync.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ColumnReferencesTest {

  @Test
  void onlyTheArgumentChangesWhenAColumnIsNamedLikeTheFunction() {
    assertThat(ColumnReferences.rewrite("subpath(path, 1)", Map.of("path", "NEW.\"path\"")))
        .isEqualTo("subpath(NEW.\"path\", 1)");
    assertThat(ColumnReferences.rewrite("subpath (path, 1)", Map.of("subpath", "X")))
        .isEqualTo("subpath (path, 1)");
  }

  @Test
  void stringsAndCommentsAreLeftAlone() {
    String expression = "'amount' || amount /* amount */ || $$amount$$ -- amount\n|| E'amount'";

    assertThat(ColumnReferences.rewrite(expression, Map.of("amount", "NEW.\"amount\"")))
        .isEqualTo("'amount' || NEW.\"amount\" /* amount */ || $$amount$$ -- amount\n|| E'amount'");
  }

  @Test
  void anUnquotedNameFoldsToLowerCaseAndAQuotedOneIsExact() {
    Map<String, String> mixed = Map.of("Amount", "M");
    Map<String, String> lower = Map.of("amount", "L");

    assertThat(ColumnReferences.rewrite("\"Amount\" + amount + Amount + AMOUNT", mixed))
        .isEqualTo("M + amount + Amount + AMOUNT");
    assertThat(ColumnReferences.rewrite("\"Amount\" + amount + Amount + AMOUNT", lower))
        .isEqualTo("\"Amount\" + L + L + L");
    assertThat(ColumnReferences.rewrite("\"amount\"", lower)).isEqualTo("L");
  }

  @Test
  void quotedNamesWithQuotesAndSpaces() {
    assertThat(ColumnReferences.rewrite("\"ext id\"::uuid", Map.of("ext id", "$1"))).isEqualTo("$1::uuid");
    assertThat(ColumnReferences.rewrite("\"a\"\"b\" || 'x'", Map.of("a\"b", "NEW.\"a\"\"b\"")))
        .isEqualTo("NEW.\"a\"\"b\" || 'x'");
  }

  @Test
  void typeNamesAfterCastsStayWhenAColumnIsNamedLikeTheType() {
    Map<String, String> date = Map.of("date", "NEW.\"date\"");

    assertThat(ColumnReferences.rewrite("date::date", date)).isEqualTo("NEW.\"date\"::date");
    assertThat(ColumnReferences.rewrite("CAST(date AS date)", date)).isEqualTo("CAST(NEW.\"date\" AS date)");
    assertThat(ColumnReferences.rewrite("cast(date as date) + 1", date)).isEqualTo("cast(NEW.\"date\" as date) + 1");
    assertThat(ColumnReferences.rewrite("date::date[]", date)).isEqualTo("NEW.\"date\"::date[]");
  }

  @Test
  void theTypeOfATypedLiteralStays() {
    Map<String, String> date = Map.of("date", "D");

    assertThat(ColumnReferences.rewrite("date '2024-01-01'", date)).isEqualTo("date '2024-01-01'");
    assertThat(ColumnReferences.rewrite("date < date '2024-01-01'", date)).isEqualTo("D < date '2024-01-01'");
    assertThat(ColumnReferences.rewrite("DATE '2024-01-01' - date", date)).isEqualTo("DATE '2024-01-01' - D");
  }

  @Test
  void qualifiedNamesStay() {
    Map<String, String> col = Map.of("col", "C", "t", "T", "func", "F", "schema", "S");

    assertThat(ColumnReferences.rewrite("t.col + col", col)).isEqualTo("t.col + C");
    assertThat(ColumnReferences.rewrite("schema.func(col)", col)).isEqualTo("schema.func(C)");
    assertThat(ColumnReferences.rewrite("\"t\".\"col\"", col)).isEqualTo("\"t\".\"col\"");
    assertThat(ColumnReferences.rewrite("t . col", col)).isEqualTo("t . col");
  }

  @Test
  void atTimeZoneWithColumnsNamedTimeOrZone() {
    Map<String, String> names = Map.of("time", "NEW.\"time\"", "zone", "NEW.\"zone\"");

    assertThat(ColumnReferences.rewrite("time AT TIME ZONE 'UTC'", names))
        .isEqualTo("NEW.\"time\" AT TIME ZONE 'UTC'");
    assertThat(ColumnReferences.rewrite("created_at AT TIME ZONE 'UTC'", names))
        .isEqualTo("created_at AT TIME ZONE 'UTC'");
    assertThat(ColumnReferences.rewrite("x::timestamp with time zone", names))
        .isEqualTo("x::timestamp with time zone");
    assertThat(ColumnReferences.rewrite("zone || time", names)).isEqualTo("NEW.\"zone\" || NEW.\"time\"");
  }

  @Test
  void aColumnNamedZoneAfterAtTimeZoneIsAReference() {
    // The time zone operand of AT TIME ZONE is an expression: here the column zone.
    assertThat(ColumnReferences.rewrite("created_at AT TIME ZONE zone", Map.of("zone", "NEW.\"zone\"")))
        .isEqualTo("created_at AT TIME ZONE NEW.\"zone\"");
  }

  @Test
  void aColumnNamedTimeAfterAKeywordIsAReference() {
    assertThat(ColumnReferences.rewrite("CASE WHEN time IS NULL THEN 0 ELSE 1 END", Map.of("time", "T")))
        .isEqualTo("CASE WHEN T IS NULL THEN 0 ELSE 1 END");
  }

  @Test
  void multiWordTypesStay() {
    Map<String, String> names = Map.of("precision", "P", "varying", "V", "x", "X");

    assertThat(ColumnReferences.rewrite("x::double precision", names)).isEqualTo("X::double precision");
    assertThat(ColumnReferences.rewrite("CAST(x AS character varying(5))", names))
        .isEqualTo("CAST(X AS character varying(5))");
  }

  @Test
  void keywordsAndParametersAreNotColumns() {
    Map<String, String> names = Map.of("null", "N", "true", "T", "case", "C");

    assertThat(ColumnReferences.rewrite("CASE WHEN $1 IS NULL THEN true END", names))
        .isEqualTo("CASE WHEN $1 IS NULL THEN true END");
    assertThat(ColumnReferences.rewrite("\"case\" + 1", names)).isEqualTo("C + 1");
  }

  @Test
  void namedArgumentsAreNotColumns() {
    assertThat(ColumnReferences.rewrite("make_interval(secs => secs)", Map.of("secs", "NEW.\"secs\"")))
        .isEqualTo("make_interval(secs => NEW.\"secs\")");
  }

  @Test
  void refersToUsesTheSameRules() {
    assertThat(ColumnReferences.refersTo("round(amount * 100)::bigint", "amount")).isTrue();
    assertThat(ColumnReferences.refersTo("'amount' || t.amount", "amount")).isFalse();
    assertThat(ColumnReferences.refersTo("date '2024-01-01'", "date")).isFalse();
    assertThat(ColumnReferences.refersTo("\"Amount\"", "amount")).isFalse();
    assertThat(ColumnReferences.refersTo("Amount", "amount")).isTrue();
  }

  @Test
  void everythingElseIsCopiedExactly() {
    String expression = "  round( amount*100 ) :: bigint  /* c */ ";
    assertThat(ColumnReferences.rewrite(expression, Map.of())).isEqualTo(expression);
    assertThat(ColumnReferences.rewrite(expression, Map.of("amount", "A")))
        .isEqualTo("  round( A*100 ) :: bigint  /* c */ ");
  }

  @Test
  void collationsOperatorClassesAndOrderingWordsAreNotColumns() {
    Map<String, String> c = Map.of("C", "\"new C\"", "text_pattern_ops", "X", "path", "\"location\"");
    assertThat(ColumnReferences.rewrite("(path COLLATE \"C\" text_pattern_ops DESC NULLS LAST)", c))
        .isEqualTo("(\"location\" COLLATE \"C\" text_pattern_ops DESC NULLS LAST)");
    assertThat(ColumnReferences.rewrite("lower(path) text_pattern_ops", c)).isEqualTo("lower(\"location\") text_pattern_ops");
    assertThat(ColumnReferences.rewrite("a AND path IS NOT NULL OR NOT path", c))
        .isEqualTo("a AND \"location\" IS NOT NULL OR NOT \"location\"");
    assertThat(ColumnReferences.rewrite("(\"C\" > 0)", c)).isEqualTo("(\"new C\" > 0)");
  }
}
