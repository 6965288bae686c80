package dev.colsync.core.spec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SqlFragmentCheckTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "round(amount * 100)::bigint",
      "'a;b'",
      "E'it\\'s; fine'",
      "'it''s; fine'",
      "\"odd;column\" || 'x'",
      "$$a;b$$",
      "$tag$ a;b $tag$",
      "amount /* ; */ + 1",
      "amount /* nested /* ; */ still a comment ; */ + 1",
      "numeric(12,2)",
      "text[]",
      "a$b + $1",
      "(tags[1])",
      "')' || \"(\" || $$]$$",
  })
  void acceptsOneExpression(String sql) {
    assertThat(SqlFragmentCheck.problem(sql)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "1; DROP TABLE users",
      "amount;",
      "'a' ; 'b'",
      "E'\\';' ; x",
      "$$a$$; $$b$$",
  })
  void rejectsASemicolonBetweenStatements(String sql) {
    assertThat(SqlFragmentCheck.problem(sql)).hasValueSatisfying(problem -> assertThat(problem).startsWith("contains ';'"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"'abc", "\"abc", "$$abc", "$x$ abc $y$", "/* abc", "/* /* */", "E'abc\\'"})
  void rejectsUnterminatedQuotesAndComments(String sql) {
    assertThat(SqlFragmentCheck.problem(sql))
        .hasValueSatisfying(problem -> assertThat(problem).startsWith("is not complete SQL: unterminated"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"amount -- comment", "amount -- comment\n + 1"})
  void rejectsLineComments(String sql) {
    assertThat(SqlFragmentCheck.problem(sql)).contains("contains a -- comment at character 8,"
        + " which would swallow the rest of the generated line; use /* ... */ instead");
  }

  @ParameterizedTest
  @ValueSource(strings = {"x) OR (true", "x)", "(x]", "tags[1)"})
  void rejectsClosingWhatWasNotOpened(String sql) {
    assertThat(SqlFragmentCheck.problem(sql))
        .hasValueSatisfying(problem -> assertThat(problem).endsWith("that closes nothing it opened"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"round(x", "f(g(x)", "tags[1"})
  void rejectsUnclosedParentheses(String sql) {
    assertThat(SqlFragmentCheck.problem(sql))
        .hasValueSatisfying(problem -> assertThat(problem).endsWith("that is never closed"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "\n\t"})
  void rejectsBlank(String sql) {
    assertThat(SqlFragmentCheck.problem(sql)).contains("is blank");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/* nothing */", " /* a */ /* b */ "})
  void rejectsOnlyComments(String sql) {
    assertThat(SqlFragmentCheck.problem(sql)).contains("contains only comments");
  }
}
