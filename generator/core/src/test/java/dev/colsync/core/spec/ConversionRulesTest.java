package dev.colsync.core.spec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What the text of {@code up} shows about being a deterministic function of its one column. */
class ConversionRulesTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "round(c * 100)::bigint", "extract(epoch from c)::bigint", "c AT TIME ZONE 'UTC'", "to_char(c, 'YYYY')",
      "CASE WHEN c IS NULL THEN NULL ELSE round(c * 100) END", "make_interval(secs => c)",
      "normalize(c, NFC)", "substring(c from 1 for 3)", "trim(both ' ' from c)", "coalesce(c, 0)",
      "c::text::uuid", "lower(c) COLLATE \"C\"", "position('x' in c)", "c ~ '^a'", "date_trunc('day', c)",
      "c + interval '1' day", "CAST(c AS timestamp with time zone)", "pg_catalog.lower(c)",
      "nullif(c, '')::integer", "c::numeric(12,2)", "date '2024-01-01' + c", "c IS DISTINCT FROM 0",
      "(c)::double precision", "ARRAY[c]", "(c).x", "c::timestamp(3) without time zone",
      "c BETWEEN SYMMETRIC 1 AND 9", "trim(BOTH FROM c)", "trim(LEADING '0' FROM c)", "c IS JSON",
      "EXTRACT(YEAR FROM c)::integer", "c + interval '1' day to second"})
  void acceptsConversionsOfTheColumnAlone(String up) {
    assertThat(ConversionRules.problem("up", up, "c")).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "(SELECT max(x) FROM t)::bigint|contains a subquery",
      "CASE WHEN EXISTS (SELECT 1) THEN 1 ELSE c END|contains a subquery",
      "c * random()|calls random()",
      "extract(epoch from now()) + c|calls now()",
      "c + extract(day from CURRENT_TIMESTAMP)|uses CURRENT_TIMESTAMP",
      "sum(c)|calls the aggregate or window function sum()",
      "row_number() OVER (ORDER BY c)|calls the aggregate or window function row_number()",
      "first(c) OVER w|contains a window",
      "c * rate|refers to column rate besides c",
      "42|does not use column c",
      "concat(c, current_setting('app.x'))|calls current_setting()",
      "pg_catalog.nextval('s') + c|calls nextval()"})
  void refusesWhatIsNotAFunctionOfTheColumn(String up, String problem) {
    assertThat(ConversionRules.problem("up", up, "c")).hasValueSatisfying(text -> assertThat(text).startsWith(problem));
  }
}
