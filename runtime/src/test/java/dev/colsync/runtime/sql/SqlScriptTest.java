package dev.colsync.runtime.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SqlScriptTest {

  @Test
  void splitsAtCodeSemicolonsAndDropsTheTerminator() {
    assertThat(SqlScript.statements("SELECT 1; SELECT 2;\nSELECT 3"))
        .containsExactly("SELECT 1", "SELECT 2", "SELECT 3");
  }

  @Test
  void semicolonsInStringsQuotedIdentifiersAndCommentsAreNotSplitPoints() {
    String script = "SELECT 'a;b', E'c\\';d', \"e;f\" FROM t; -- g; h\nSELECT /* i; /* j; */ k; */ 2;";

    assertThat(SqlScript.statements(script)).containsExactly(
        "SELECT 'a;b', E'c\\';d', \"e;f\" FROM t",
        "-- g; h\nSELECT /* i; /* j; */ k; */ 2");
  }

  @Test
  void semicolonsInDollarQuotedBodiesAreNotSplitPoints() {
    String function = "CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $fn$\nBEGIN\n"
        + "  PERFORM $x$;$x$;\n  RETURN 1;\nEND\n$fn$";
    String block = "DO $$ BEGIN RAISE NOTICE ';'; END $$";

    assertThat(SqlScript.statements(function + ";\n" + block + ";\n")).containsExactly(function, block);
  }

  @Test
  void commentOnlyAndEmptyPiecesAreDropped() {
    assertThat(SqlScript.statements("-- header\n;; /* nothing */ ;\n  \n SELECT 1;\n-- trailer\n"))
        .containsExactly("SELECT 1");
    assertThat(SqlScript.statements("")).isEmpty();
    assertThat(SqlScript.statements("-- only a comment")).isEmpty();
  }

  @Test
  void aLeadingCommentStaysWithItsStatement() {
    assertThat(SqlScript.statements("-- why\nSELECT 1;")).containsExactly("-- why\nSELECT 1");
  }

  @Test
  void anUnterminatedScriptIsASyntaxError() {
    assertThatThrownBy(() -> SqlScript.statements("SELECT 'a; SELECT 2;"))
        .isInstanceOf(SqlSyntaxException.class);
  }

  @Test
  void theNoTransactionMarkerMustBeTheFirstLine() {
    assertThat(SqlScript.isNoTransaction(SqlScript.NO_TRANSACTION_MARKER + "\nCALL p();\n")).isTrue();
    assertThat(SqlScript.isNoTransaction(SqlScript.NO_TRANSACTION_MARKER + "\r\nCALL p();\r\n")).isTrue();
    assertThat(SqlScript.isNoTransaction(SqlScript.NO_TRANSACTION_MARKER)).isTrue();
    assertThat(SqlScript.isNoTransaction("-- a comment\n" + SqlScript.NO_TRANSACTION_MARKER + "\n")).isFalse();
    assertThat(SqlScript.isNoTransaction(" " + SqlScript.NO_TRANSACTION_MARKER + "\n")).isFalse();
    assertThat(SqlScript.isNoTransaction("SELECT 1; " + SqlScript.NO_TRANSACTION_MARKER)).isFalse();
    assertThat(SqlScript.isNoTransaction("SET LOCAL lock_timeout = '2s';\n")).isFalse();
    assertThat(SqlScript.isNoTransaction("")).isFalse();
  }
}
