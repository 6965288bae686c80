package dev.colsync.core.spec;

/** Spec texts to build test cases from. */
final class SpecTexts {
  private static final String TABLE = "table: public.users\n";
  private static final String RENAME = "rename: { from: name, to: full_name, type: text }\n";

  private SpecTexts() {}

  /** A valid rename spec with only the required keys. */
  static String minimal() {
    return with("", "");
  }

  /** A valid spec; {@code table} and {@code change} replace the defaults when not empty. */
  static String with(String table, String change) {
    return "migration: users_full_name\n"
        + (table.isEmpty() ? TABLE : table)
        + "primaryKey: [id]\n"
        + (change.isEmpty() ? RENAME : change);
  }

  /** A valid type change, with {@code extraLine} (indented) added to its retype mapping. */
  static String retypeWith(String extraLine) {
    return """
        retype:
          from: { column: amount, type: "numeric(12,2)" }
          to: { column: amount_cents, type: bigint }
          up: "round(amount * 100)::bigint"
          down: "amount_cents / 100.0"
        """ + (extraLine.isEmpty() ? "" : "  " + extraLine + "\n");
  }
}
