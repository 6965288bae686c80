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
      "amount -- trailing ; comment",
      "numeric(12,2)",
      "text[]",
      "a$b + $1",
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
  @ValueSource(strings = {"", "   ", "\n\t"})
  void rejectsBlank(String sql) {
    assertThat(SqlFragmentCheck.problem(sql)).contains("is blank");
  }

  @ParameterizedTest
  @ValueSource(strings = {"-- nothing", "/* nothing */"})
  void rejectsOnlyComments(String sql) {
    assertThat(SqlFragmentCheck.problem(sql)).contains("contains only comments");
  }
}
