package dev.colsync.benchmarks;

import java.util.ArrayList;
import java.util.List;

/** YAML specs for the generation benchmark: renames and type changes, every one on its own table. */
final class SampleSpecs {
  private SampleSpecs() {}

  /** {@code count} distinct specs, alternating a rename and a type change. */
  static List<String> yaml(int count) {
    List<String> specs = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      specs.add(i % 2 == 0 ? rename(i) : retype(i));
    }
    return specs;
  }

  static String rename(int i) {
    return """
        migration: users_%1$d_full_name
        table: public.users_%1$d
        primaryKey: [id]
        rename: { from: name, to: full_name, type: text, notNull: true }
        java: { package: com.example.users%1$d }
        """.formatted(i);
  }

  static String retype(int i) {
    return """
        migration: orders_%1$d_amount_cents
        table: public.orders_%1$d
        primaryKey: [id]
        retype:
          from: { column: amount, type: "numeric(12,2)", notNull: false }
          to:   { column: amount_cents, type: bigint, notNull: false }
          up:   "round(amount * 100)::bigint"
          down: "amount_cents / 100.0"
          onUpError: reject
        backfill: { batchSize: 10000, pause: 20ms }
        timeouts: { lock: 2s, statement: 30s }
        """.formatted(i);
  }
}
