package dev.colsync.runtime.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.colsync.runtime.sql.SqlToken.Kind;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SqlLexerTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "",
      "SELECT 1",
      "SELECT 'it''s', E'\\'', e'a\\\\', E'x''y\\n', B'1010', x'ff', N'n'",
      "$$a;b$$ || $tag$ $x$ $$ inner $$ $other$ ; $tag$",
      "SELECT $1, $23 FROM t WHERE a = $1::int",
      "/* outer /* inner */ still outer ; */ SELECT 1 -- trailing; comment\n;",
      "-- only a comment without newline",
      "\"we\"\"ird\" + U&\"d\\0061t\\+000061\" + u&'\\0041' UESCAPE '!'",
      "a::numeric(12,2) ->> 'k' #>> '{a,b}' @> '{}' <= >= <> != || ~* !~~",
      "1 + 1.5 + .5e-3 + 6.02e+23 + 1_000 + 0x1F",
      "créé_à + naïve$col + _x",
      "  \t\r\n\f",
      "SELECT a--comment right after a word\n, b/*block*/c",
      "x = -1 AND y=-2 AND z*-3",
      "CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $body$ SELECT ';' $body$;",
      "SELECT $not_a_quote and $ alone",
  })
  void joiningTheTokensGivesTheInputBack(String sql) {
    List<SqlToken> tokens = SqlLexer.tokenize(sql);

    assertThat(tokens.stream().map(SqlToken::text).collect(Collectors.joining())).isEqualTo(sql);
    int offset = 0;
    for (SqlToken token : tokens) {
      assertThat(token.start()).as("start of %s", token).isEqualTo(offset);
      assertThat(token.text()).isNotEmpty();
      offset += token.text().length();
    }
  }

  @Test
  void stringsWithDoubledQuotes() {
    assertThat(code("'it''s' || 'a'")).containsExactly(
        token(Kind.STRING, "'it''s'"), token(Kind.OPERATOR, "||"), token(Kind.STRING, "'a'"));
  }

  @Test
  void escapeStringsEndOnlyAtAnUnescapedQuote() {
    assertThat(code("E'\\'' x")).containsExactly(token(Kind.STRING, "E'\\''"), token(Kind.WORD, "x"));
    assertThat(code("e'a\\\\' x")).containsExactly(token(Kind.STRING, "e'a\\\\'"), token(Kind.WORD, "x"));
    assertThat(code("E'a''b' x")).containsExactly(token(Kind.STRING, "E'a''b'"), token(Kind.WORD, "x"));
  }

  @Test
  void aBackslashDoesNotEscapeInAStandardString() {
    // standard_conforming_strings = on: 'a\' is the whole constant, the next ' starts another one.
    assertThat(code("'a\\' || 'b'")).containsExactly(
        token(Kind.STRING, "'a\\'"), token(Kind.OPERATOR, "||"), token(Kind.STRING, "'b'"));
  }

  @Test
  void bitHexAndNationalStrings() {
    assertThat(code("B'101' X'1f' N'x'")).extracting(SqlToken::kind)
        .containsExactly(Kind.STRING, Kind.STRING, Kind.STRING);
  }

  @Test
  void dollarQuotesEndOnlyAtTheirOwnTag() {
    String body = "$fn$ BEGIN RETURN $x$a;b$x$ || $$c$$ || 'd''e'; END $fn$";
    assertThat(code(body + " x")).containsExactly(token(Kind.DOLLAR_STRING, body), token(Kind.WORD, "x"));
    assertThat(code("$$ $a$ $$")).containsExactly(token(Kind.DOLLAR_STRING, "$$ $a$ $$"));
  }

  @Test
  void dollarQuoteTagsAreCaseSensitive() {
    assertThat(code("$A$ $a$ $A$")).containsExactly(token(Kind.DOLLAR_STRING, "$A$ $a$ $A$"));
  }

  @Test
  void positionalParameters() {
    assertThat(code("$1 + $12")).containsExactly(
        token(Kind.PARAMETER, "$1"), token(Kind.OPERATOR, "+"), token(Kind.PARAMETER, "$12"));
  }

  @Test
  void aDollarInsideAWordIsPartOfTheWord() {
    assertThat(code("a$b$ $$x$$")).containsExactly(token(Kind.WORD, "a$b$"), token(Kind.DOLLAR_STRING, "$$x$$"));
  }

  @Test
  void nestedBlockComments() {
    List<SqlToken> tokens = SqlLexer.tokenize("/* a /* b */ c */x");
    assertThat(tokens).containsExactly(token(Kind.COMMENT, "/* a /* b */ c */", 0), token(Kind.WORD, "x", 17));
  }

  @Test
  void lineCommentsEndAtTheNewline() {
    assertThat(SqlLexer.tokenize("a -- b 'c\nd")).extracting(SqlToken::kind, SqlToken::text).containsExactly(
        tuple(Kind.WORD, "a"), tuple(Kind.WHITESPACE, " "), tuple(Kind.COMMENT, "-- b 'c"),
        tuple(Kind.WHITESPACE, "\n"), tuple(Kind.WORD, "d"));
  }

  @Test
  void aCommentStartEndsAnOperator() {
    assertThat(code("a+--x\n1")).containsExactly(
        token(Kind.WORD, "a"), token(Kind.OPERATOR, "+"), token(Kind.NUMBER, "1"));
    assertThat(code("a*/*x*/b")).containsExactly(
        token(Kind.WORD, "a"), token(Kind.OPERATOR, "*"), token(Kind.WORD, "b"));
  }

  @Test
  void quotedIdentifiers() {
    List<SqlToken> tokens = code("\"we\"\"ird\" U&\"d\\0061t\"");
    assertThat(tokens).containsExactly(
        token(Kind.QUOTED_IDENTIFIER, "\"we\"\"ird\""), token(Kind.QUOTED_IDENTIFIER, "U&\"d\\0061t\""));
    assertThat(tokens.get(0).identifier()).isEqualTo("we\"ird");
  }

  @Test
  void unicodeEscapeStrings() {
    assertThat(code("U&'\\0041''' x")).containsExactly(token(Kind.STRING, "U&'\\0041'''"), token(Kind.WORD, "x"));
  }

  @Test
  void operators() {
    assertThat(code("a::int ->> 'k' || b->'x'")).extracting(SqlToken::kind, SqlToken::text).containsExactly(
        tuple(Kind.WORD, "a"), tuple(Kind.OPERATOR, "::"), tuple(Kind.WORD, "int"), tuple(Kind.OPERATOR, "->>"),
        tuple(Kind.STRING, "'k'"), tuple(Kind.OPERATOR, "||"), tuple(Kind.WORD, "b"),
        tuple(Kind.OPERATOR, "->"), tuple(Kind.STRING, "'x'"));
  }

  @Test
  void punctuation() {
    assertThat(code("f(a[1], b.c);")).extracting(SqlToken::text)
        .containsExactly("f", "(", "a", "[", "1", "]", ",", "b", ".", "c", ")", ";");
    assertThat(code("f(a[1], b.c);")).filteredOn(t -> t.text().length() == 1 && !Character.isLetterOrDigit(t.text().charAt(0)))
        .extracting(SqlToken::kind).containsOnly(Kind.PUNCTUATION);
  }

  @Test
  void numbers() {
    assertThat(code("1 1.5 .5 6.02e+23 1e-3")).extracting(SqlToken::kind, SqlToken::text).containsExactly(
        tuple(Kind.NUMBER, "1"), tuple(Kind.NUMBER, "1.5"), tuple(Kind.NUMBER, ".5"),
        tuple(Kind.NUMBER, "6.02e+23"), tuple(Kind.NUMBER, "1e-3"));
  }

  @Test
  void wordsFoldToLowerCaseAndKeywordsMatchAnyCase() {
    SqlToken word = code("Amount").get(0);
    assertThat(word.identifier()).isEqualTo("amount");
    assertThat(code("SeLeCt").get(0).isKeyword("select")).isTrue();
    assertThat(code("\"select\"").get(0).isKeyword("select")).isFalse();
    assertThat(code("'x'").get(0).identifier()).isNull();
  }

  @Test
  void nonAsciiLettersArePartOfWords() {
    assertThat(code("prénom_été")).containsExactly(token(Kind.WORD, "prénom_été"));
  }

  @Test
  void triviaIsWhitespaceAndComments() {
    assertThat(SqlLexer.tokenize(" /**/--x")).allMatch(SqlToken::isTrivia);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "SELECT 'abc",
      "SELECT 'it''s",
      "SELECT E'abc\\'",
      "SELECT \"abc",
      "SELECT \"a\"\"",
      "SELECT U&\"abc",
      "SELECT U&'abc",
      "SELECT $$abc",
      "SELECT $tag$abc$TAG$",
      "SELECT $a$ $b$ $b$",
      "/* abc",
      "/* /* */",
      "SELECT 1 /* a /* b */",
  })
  void unterminatedConstructsAreSyntaxErrors(String sql) {
    assertThatThrownBy(() -> SqlLexer.tokenize(sql))
        .isInstanceOf(SqlSyntaxException.class)
        .hasMessageContaining("unterminated")
        .hasMessageContaining("at offset");
  }

  @Test
  void theSyntaxErrorSaysWhereTheConstructStarts() {
    assertThatThrownBy(() -> SqlLexer.tokenize("SELECT 1, 'abc"))
        .isInstanceOfSatisfying(SqlSyntaxException.class, e -> assertThat(e.offset()).isEqualTo(10));
    assertThatThrownBy(() -> SqlLexer.tokenize("x $q$ body"))
        .isInstanceOfSatisfying(SqlSyntaxException.class, e -> {
          assertThat(e.offset()).isEqualTo(2);
          assertThat(e.getMessage()).contains("$q$");
        });
  }

  /** The code tokens of {@code sql} with their offsets cleared, to compare kind and text only. */
  private static List<SqlToken> code(String sql) {
    return SqlLexer.tokenize(sql).stream()
        .filter(token -> !token.isTrivia())
        .map(token -> new SqlToken(token.kind(), token.text(), -1))
        .toList();
  }

  private static SqlToken token(Kind kind, String text) {
    return new SqlToken(kind, text, -1);
  }

  private static SqlToken token(Kind kind, String text, int start) {
    return new SqlToken(kind, text, start);
  }

  private static org.assertj.core.groups.Tuple tuple(Object... values) {
    return org.assertj.core.groups.Tuple.tuple(values);
  }
}
