package dev.colsync.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FunctionSourceTest {
  @Test
  void anIdentifierNamingTheColumnCounts() {
    assertThat(FunctionSource.names("BEGIN NEW.path := lower(NEW.path); RETURN NEW; END", "path")).isTrue();
    assertThat(FunctionSource.names("BEGIN NEW.\"Path\" := 'x'; RETURN NEW; END", "Path")).isTrue();
  }

  @Test
  void stringsCommentsAndOtherNamesDoNot() {
    assertThat(FunctionSource.names("BEGIN -- path\n RAISE NOTICE 'path %', NEW.subpath; RETURN NEW; END", "path"))
        .isFalse();
    assertThat(FunctionSource.names("BEGIN NEW.\"Path\" := 'x'; RETURN NEW; END", "path")).isFalse();
  }

  @Test
  void aLanguageColsyncDoesNotReadNamesNothing() {
    assertThat(FunctionSource.names(null, "path")).isFalse();
  }
}
