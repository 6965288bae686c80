package dev.colsync.core.java;

import dev.colsync.core.spec.MigrationSpec;
import dev.colsync.core.spec.OnUpError;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * A spec of {@code java-specs/} with what a database test needs beside it: the table as it is
 * before the change, and keys and values (value {@code version} of row {@code row}) of the
 * logical column's Java types.
 */
record ShimCase(String migration, List<String> createTable, KeyOf key, ValueOf value) {
  interface KeyOf {
    Object[] of(int row);
  }

  interface ValueOf {
    Object of(int row, int version);
  }

  static List<ShimCase> all() {
    return List.of(
        new ShimCase("users_full_name",
            List.of("CREATE TABLE public.users (id bigint PRIMARY KEY, name text NOT NULL, email text)"),
            row -> new Object[] {(long) row},
            (row, version) -> "user " + row + " version " + version),
        new ShimCase("orders_amount_cents",
            List.of("CREATE TABLE public.orders (id bigint PRIMARY KEY, amount numeric(12,2))"),
            row -> new Object[] {(long) row},
            (row, version) -> row * 100_000L + version),
        new ShimCase("events_created_at_tz",
            List.of("CREATE TABLE public.events (id uuid PRIMARY KEY, created_at timestamp(3) NOT NULL)"),
            row -> new Object[] {UUID.nameUUIDFromBytes(("event " + row).getBytes(StandardCharsets.UTF_8))},
            (row, version) -> OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)
                .plusHours(row).plusNanos(version * 1_000_000L)),
        new ShimCase("order_lines_ext_uuid",
            List.of("CREATE SCHEMA \"Sales Data\"",
                "CREATE TABLE \"Sales Data\".\"Order \"\"Lines\"\"\" (\"Région\" text, \"line-id\" int, \"class\" bigint,"
                    + " \"ext id\" text, PRIMARY KEY (\"Région\", \"line-id\", \"class\"))"),
            row -> new Object[] {"région " + row % 3, row, row * 7L},
            (row, version) -> UUID.nameUUIDFromBytes(("line " + row + " " + version).getBytes(StandardCharsets.UTF_8))));
  }

  /** The two the issue names: a rename and a type change. */
  static List<ShimCase> renameAndTypeChange() {
    return all().subList(0, 2);
  }

  MigrationSpec spec() {
    return JavaSpecs.named(migration);
  }

  /** Whether the OLD path reads the old column directly; with onUpError: null it calls the up function expand creates. */
  boolean readsBeforeExpand() {
    return spec().change().onUpError() == OnUpError.REJECT;
  }

  @Override
  public String toString() {
    return migration;
  }
}
