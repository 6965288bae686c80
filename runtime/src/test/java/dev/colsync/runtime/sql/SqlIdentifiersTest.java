package dev.colsync.runtime.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SqlIdentifiersTest {

  @Test
  void quoteAlwaysQuotesAndDoublesEmbeddedQuotes() {
    assertThat(SqlIdentifiers.quote("users")).isEqualTo("\"users\"");
    assertThat(SqlIdentifiers.quote("Order \"Lines\"")).isEqualTo("\"Order \"\"Lines\"\"\"");
    assertThat(SqlIdentifiers.quote("select")).isEqualTo("\"select\"");
    assertThat(SqlIdentifiers.quote("prénom")).isEqualTo("\"prénom\"");
    assertThat(SqlIdentifiers.quote("it's")).isEqualTo("\"it's\"");
  }

  @Test
  void aQuotedIdentifierLexesBackToTheSameName() {
    for (String name : List.of("a", "Mixed Case", "we\"ird\"\"", "semi;colon", "-- not a comment", "$$", "é🙂")) {
      List<SqlToken> tokens = SqlLexer.tokenize(SqlIdentifiers.quote(name));
      assertThat(tokens).hasSize(1);
      assertThat(tokens.get(0).identifier()).isEqualTo(name);
    }
  }

  @Test
  void quoteRejectsTheEmptyNameAndNul() {
    assertThatThrownBy(() -> SqlIdentifiers.quote("")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SqlIdentifiers.quote("a\0b")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void qualifiedQuotesBothParts() {
    assertThat(SqlIdentifiers.qualified("Sales Data", "t\"x")).isEqualTo("\"Sales Data\".\"t\"\"x\"");
  }

  @Test
  void literalDoublesSingleQuotesAndLeavesBackslashesAlone() {
    assertThat(SqlIdentifiers.literal("it's")).isEqualTo("'it''s'");
    assertThat(SqlIdentifiers.literal("a\\b")).isEqualTo("'a\\b'");
    assertThat(SqlIdentifiers.literal("")).isEqualTo("''");
    assertThat(SqlIdentifiers.literal("\"Sales Data\".\"x\"")).isEqualTo("'\"Sales Data\".\"x\"'");
  }

  @Test
  void aLiteralLexesAsOneStringConstant() {
    for (String value : List.of("it's", "''", "a\\", "\\'", "$$", "-- x", "/* y")) {
      List<SqlToken> tokens = SqlLexer.tokenize(SqlIdentifiers.literal(value));
      assertThat(tokens).extracting(SqlToken::kind).containsExactly(SqlToken.Kind.STRING);
    }
  }

  @Test
  void literalRejectsNul() {
    assertThatThrownBy(() -> SqlIdentifiers.literal("a\0")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void foldUnquotedLowersAsciiLettersOnly() {
    assertThat(SqlIdentifiers.foldUnquoted("Amount")).isEqualTo("amount");
    assertThat(SqlIdentifiers.foldUnquoted("CREATED_AT_2")).isEqualTo("created_at_2");
    assertThat(SqlIdentifiers.foldUnquoted("ÉTÉ_Été")).isEqualTo("ÉtÉ_Été");
    assertThat(SqlIdentifiers.foldUnquoted("İI")).isEqualTo("İi");
    assertThat(SqlIdentifiers.foldUnquoted("already_lower")).isEqualTo("already_lower");
  }

  @Test
  void isPlainOnlyForNamesThatReadTheSameUnquoted() {
    assertThat(SqlIdentifiers.isPlain("full_name")).isTrue();
    assertThat(SqlIdentifiers.isPlain("_x1")).isTrue();
    assertThat(SqlIdentifiers.isPlain("name")).isTrue(); // unreserved key word
    assertThat(SqlIdentifiers.isPlain("Amount")).isFalse();
    assertThat(SqlIdentifiers.isPlain("1a")).isFalse();
    assertThat(SqlIdentifiers.isPlain("a b")).isFalse();
    assertThat(SqlIdentifiers.isPlain("prénom")).isFalse();
    assertThat(SqlIdentifiers.isPlain("select")).isFalse();
    assertThat(SqlIdentifiers.isPlain("user")).isFalse();
    assertThat(SqlIdentifiers.isPlain("")).isFalse();
  }
}
