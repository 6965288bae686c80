package dev.colsync.core.spec;

import dev.colsync.core.plan.ColumnReferences;
import dev.colsync.runtime.sql.SqlLexer;
import dev.colsync.runtime.sql.SqlToken;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * {@code up} and {@code down} must be deterministic functions of their one column: the sync trigger, the
 * backfill and verification evaluate them at different times and must get the same value for the same
 * input. What can be seen in the text is refused here (a subquery, a window, an aggregate, a clock or
 * volatile function, another column); expand checks in the database what the text cannot show (the
 * volatility of the functions and operators it binds, and who owns them).
 */
final class ConversionRules {
  /** Functions whose value is not fixed by their arguments: random, the clock, sequences, the session. */
  private static final Set<String> NOT_A_FUNCTION_OF_THE_VALUE = Set.of(
      "random", "random_normal", "setseed", "now", "clock_timestamp", "statement_timestamp",
      "transaction_timestamp", "timeofday", "nextval", "currval", "lastval", "setval", "gen_random_uuid",
      "uuidv4", "uuidv7", "uuid_generate_v1", "uuid_generate_v1mc", "uuid_generate_v4", "txid_current",
      "pg_current_xact_id", "pg_backend_pid", "pg_sleep", "pg_sleep_for", "pg_sleep_until", "current_setting",
      "set_config", "inet_client_addr", "inet_client_port", "pg_advisory_lock", "pg_notify", "dblink");

  /** The same, written as SQL keywords without parentheses. */
  private static final Set<String> CLOCK_AND_SESSION_KEYWORDS = Set.of(
      "current_date", "current_time", "current_timestamp", "localtime", "localtimestamp", "current_user",
      "session_user", "current_role", "current_schema", "current_catalog", "user");

  private static final Set<String> AGGREGATES_AND_WINDOWS = Set.of(
      "count", "sum", "avg", "min", "max", "array_agg", "string_agg", "bool_and", "bool_or", "every",
      "json_agg", "jsonb_agg", "json_object_agg", "jsonb_object_agg", "json_arrayagg", "json_objectagg",
      "xmlagg", "bit_and", "bit_or", "bit_xor", "stddev", "stddev_pop", "stddev_samp", "variance",
      "var_pop", "var_samp", "corr", "covar_pop", "covar_samp", "mode", "percentile_cont", "percentile_disc",
      "range_agg", "range_intersect_agg", "any_value", "row_number", "rank", "dense_rank", "percent_rank",
      "cume_dist", "ntile", "lag", "lead", "first_value", "last_value", "nth_value");

  /** Words that the column-reference scan can mistake for columns: date fields, normal forms, key words of SQL's special forms. */
  private static final Set<String> FIELD_WORDS = Set.of(
      "epoch", "year", "years", "month", "months", "week", "day", "days", "hour", "hours", "minute", "minutes",
      "second", "seconds", "millisecond", "milliseconds", "microsecond", "microseconds", "quarter", "decade",
      "century", "millennium", "dow", "doy", "isodow", "isoyear", "julian", "timezone", "timezone_hour",
      "timezone_minute", "to", "for", "nfc", "nfd", "nfkc", "nfkd", "placing", "unknown", "document", "content",
      "normalized", "symmetric", "asymmetric", "local", "both", "leading", "trailing", "json", "scalar", "value",
      "object", "nfkd_casefold");

  private ConversionRules() {}

  /**
   * Why {@code expression} ({@code role}: {@code up} or {@code down}) is not a deterministic function of
   * {@code column} alone; empty when it is, as far as its text shows.
   */
  static Optional<String> problem(String role, String expression, String column) {
    List<SqlToken> tokens = SqlLexer.tokenize(expression);
    for (int i = 0; i < tokens.size(); i++) {
      SqlToken token = tokens.get(i);
      String at = " at character " + (token.start() + 1);
      if (token.isKeyword("select") || token.isKeyword("exists") && next(tokens, i).map(t -> t.is("(")).orElse(false)) {
        return Optional.of("contains a subquery (" + token.text() + at + "); " + role
            + " must compute one value from column " + column + " alone");
      }
      if (token.isKeyword("over") && next(tokens, i).map(t -> t.is("(") || t.identifier() != null).orElse(false)) {
        return Optional.of("contains a window (OVER" + at + "); " + role + " must compute one row's value from"
            + " that row's column " + column + " alone");
      }
      if (token.kind() != SqlToken.Kind.WORD) {
        continue;
      }
      String word = token.identifier();
      boolean called = next(tokens, i).map(t -> t.is("(")).orElse(false);
      if (called && NOT_A_FUNCTION_OF_THE_VALUE.contains(word)) {
        return Optional.of("calls " + word + "()" + at + ", whose value is not fixed by its arguments; the trigger,"
            + " the backfill and verify would compute different values for the same " + column);
      }
      if (called && AGGREGATES_AND_WINDOWS.contains(word)) {
        return Optional.of("calls the aggregate or window function " + word + "()" + at + "; " + role
            + " must compute one row's value from that row's column " + column + " alone");
      }
      if (!called && CLOCK_AND_SESSION_KEYWORDS.contains(word)
          && !previous(tokens, i).map(t -> t.is(".") || t.is("::")).orElse(false)) {
        return Optional.of("uses " + token.text().toUpperCase(Locale.ROOT) + at + ", whose value depends on when"
            + " or by whom it runs, not on " + column);
      }
    }
    if (!ColumnReferences.refersTo(expression, column)) {
      return Optional.of("does not use column " + column + "; " + role + " computes the value from it");
    }
    Set<String> columns = ColumnReferences.referencedColumns(expression);
    columns.remove(column);
    columns.removeAll(FIELD_WORDS);
    if (!columns.isEmpty()) {
      return Optional.of("refers to " + (columns.size() == 1 ? "column " : "columns ") + String.join(", ", columns)
          + " besides " + column + "; " + role + " may use only its own column (the sync trigger and the backfill"
          + " see one value at a time)");
    }
    return Optional.empty();
  }

  private static Optional<SqlToken> next(List<SqlToken> tokens, int from) {
    for (int j = from + 1; j < tokens.size(); j++) {
      if (!tokens.get(j).isTrivia()) {
        return Optional.of(tokens.get(j));
      }
    }
    return Optional.empty();
  }

  private static Optional<SqlToken> previous(List<SqlToken> tokens, int from) {
    for (int j = from - 1; j >= 0; j--) {
      if (!tokens.get(j).isTrivia()) {
        return Optional.of(tokens.get(j));
      }
    }
    return Optional.empty();
  }
}
