package dev.colsync.core.pg;

import dev.colsync.core.spec.FlywayRelease;
import dev.colsync.core.spec.Backfill;
import dev.colsync.core.spec.Column;
import dev.colsync.core.spec.ColumnChange;
import dev.colsync.core.spec.MigrationSpec;
import dev.colsync.core.spec.OnUpError;
import dev.colsync.core.spec.Rename;
import dev.colsync.core.spec.Retype;
import dev.colsync.core.spec.TableName;
import dev.colsync.core.spec.Timeouts;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;

/**
 * A column change exercised end to end: the change, and the values each application version writes.
 *
 * @param seedExpression SQL over {@code g} (1..n) giving the old column's value for seeded rows
 */
record ChangeCase(
    String name, ColumnChange change, String seedExpression,
    Function<Random, String> oldValues, Function<Random, String> newValues) {

  @Override
  public String toString() {
    return name;
  }

  MigrationSpec spec(int postgresVersion) {
    return new MigrationSpec(name, name + ".yaml", new TableName("public", "items"), List.of("id"), change,
        new Backfill(500, Duration.ZERO), new Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(30)),
        Optional.empty(), postgresVersion, FlywayRelease.all("1"));
  }

  static List<ChangeCase> all() {
    return List.of(
        new ChangeCase("rename_name", new Rename("name", "full_name", "text", true),
            "'name ' || g", r -> "name " + r.nextInt(1_000_000), r -> "full name " + r.nextInt(1_000_000)),
        new ChangeCase("int_to_bigint",
            retype("qty", "integer", "qty_big", "bigint", "qty::bigint", "qty_big::integer", OnUpError.REJECT, false),
            "g", r -> nullable(r, Integer.toString(r.nextInt())), r -> nullable(r, Integer.toString(r.nextInt()))),
        new ChangeCase("numeric_to_cents",
            retype("amount", "numeric(12,2)", "amount_cents", "bigint", "round(amount * 100)::bigint",
                "amount_cents / 100.0", OnUpError.REJECT, true),
            "g * 1.25", r -> String.format("%d.%02d", r.nextInt(10_000_000), r.nextInt(100)),
            r -> Long.toString(r.nextLong(-99_999_999_999L, 99_999_999_999L))),
        new ChangeCase("varchar_to_text",
            retype("nick", "varchar(40)", "nick_text", "text", "nick::text", "nick_text::varchar(40)",
                OnUpError.REJECT, false),
            "'nick ' || g", r -> nullable(r, "nick " + r.nextInt(1000)), r -> nullable(r, "new nick " + r.nextInt())),
        new ChangeCase("timestamp_to_timestamptz",
            retype("created_at", "timestamp", "created_at_tz", "timestamptz", "created_at AT TIME ZONE 'UTC'",
                "created_at_tz AT TIME ZONE 'UTC'", OnUpError.REJECT, true),
            "timestamp '2020-01-01' + g * interval '1 minute'",
            r -> String.format("2024-%02d-%02d 12:%02d:%02d.%06d", 1 + r.nextInt(12), 1 + r.nextInt(28),
                r.nextInt(60), r.nextInt(60), r.nextInt(1_000_000)),
            r -> String.format("2025-%02d-%02d 08:%02d:%02d+00", 1 + r.nextInt(12), 1 + r.nextInt(28),
                r.nextInt(60), r.nextInt(60))),
        new ChangeCase("text_to_uuid",
            retype("ext_id", "text", "ext_uuid", "uuid", "ext_id::uuid", "ext_uuid::text", OnUpError.NULL, false),
            "md5(g::text)::uuid::text",
            r -> r.nextInt(10) == 0 ? "not a uuid " + r.nextInt() : nullable(r, new UUID(r.nextLong(), r.nextLong()).toString()),
            r -> nullable(r, new UUID(r.nextLong(), r.nextLong()).toString())));
  }

  private static Retype retype(String from, String fromType, String to, String toType, String up, String down,
      OnUpError onUpError, boolean notNull) {
    return new Retype(new Column(from, fromType), new Column(to, toType), up, down, onUpError, notNull, notNull);
  }

  private static String nullable(Random random, String value) {
    return random.nextInt(8) == 0 ? null : value;
  }
}
