package dev.colsync.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WideningCastTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "integer                        | bigint                   | \"c\"::bigint                   | \"c\"::integer",
      "int4                           | int8                     | \"c\"::bigint                   | \"c\"::integer",
      "smallint                       | numeric(5,0)             | \"c\"::numeric(5,0)             | \"c\"::smallint",
      "bigint                         | numeric                  | \"c\"::numeric                  | \"c\"::bigint",
      "real                           | float8                   | \"c\"::double precision         | \"c\"::real",
      "character varying(40)          | text                     | \"c\"::text                     | \"c\"::varchar",
      "character varying(40)          | varchar(80)              | \"c\"::varchar(80)              | \"c\"::varchar",
      "text                           | character varying        | \"c\"::varchar                  | \"c\"::text",
      "numeric(12,2)                  | numeric(14,4)            | \"c\"::numeric(14,4)            | \"c\"::numeric(12,2)",
      "numeric(12,2)                  | numeric                  | \"c\"::numeric                  | \"c\"::numeric(12,2)",
      "timestamp without time zone    | timestamptz              | \"c\"::timestamptz              | \"c\"::timestamp",
      "timestamp(3) without time zone | timestamp with time zone | \"c\"::timestamptz              | \"c\"::timestamp(3) without time zone",
      "date                           | timestamp                | \"c\"::timestamp                | \"c\"::date",
  })
  void aWideningCastIsWrittenBothWays(String from, String to, String up, String down) {
    WideningCast cast = WideningCast.between(from, to).orElseThrow();
    assertThat(cast.up("c")).isEqualTo(up);
    assertThat(cast.down("c")).isEqualTo(down);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "bigint                      | integer",
      "integer                     | integer",
      "integer                     | numeric(9,0)",
      "integer                     | real",
      "numeric(12,2)               | bigint",
      "numeric(12,2)               | numeric(12,1)",
      "numeric(12,2)               | numeric(11,2)",
      "numeric                     | numeric(20,2)",
      "character varying(40)       | varchar(20)",
      "character varying           | varchar(20)",
      "text                        | varchar(200)",
      "text                        | integer",
      "timestamp with time zone    | timestamp",
      "timestamp(6) with time zone | timestamptz(3)",
      "json                        | jsonb",
      "public.money2               | numeric",
      "integer; drop table x       | bigint",
  })
  void anythingElseIsNotOne(String from, String to) {
    assertThat(WideningCast.between(from, to)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"timestamp, timestamptz, true", "date, timestamp, false", "integer, bigint, false"})
  void aCastToTimestamptzReadsTheSessionsTimeZone(String from, String to, boolean dependsOnTimeZone) {
    assertThat(WideningCast.between(from, to).orElseThrow().dependsOnTimeZone()).isEqualTo(dependsOnTimeZone);
  }
}
