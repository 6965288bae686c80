package dev.colsync.core.java;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JavaIdentifiersTest {

  @Test
  void columnNamesBecomeCamelCase() {
    assertThat(JavaIdentifiers.camelCase("full_name", "value")).isEqualTo("fullName");
    assertThat(JavaIdentifiers.camelCase("line id", "value")).isEqualTo("lineId");
    assertThat(JavaIdentifiers.camelCase("user-id", "value")).isEqualTo("userId");
    assertThat(JavaIdentifiers.camelCase("Region", "value")).isEqualTo("region");
    assertThat(JavaIdentifiers.camelCase("ORDER_ID", "value")).isEqualTo("orderID");
    assertThat(JavaIdentifiers.camelCase("amountCents", "value")).isEqualTo("amountCents");
  }

  @Test
  void namesArePlainAsciiWhateverTheScript() {
    assertThat(JavaIdentifiers.camelCase("prénom", "value")).isEqualTo("prenom");
    assertThat(JavaIdentifiers.camelCase("Größe", "value")).isEqualTo("groE");
    assertThat(JavaIdentifiers.camelCase("名前", "value")).isEqualTo("value");
    assertThat(JavaIdentifiers.camelCase("💰", "value")).isEqualTo("value");
  }

  @Test
  void aLeadingDigitIsPrefixedAndKeywordsAreLeftToTheAllocator() {
    assertThat(JavaIdentifiers.camelCase("2fa", "value")).isEqualTo("_2fa");
    assertThat(JavaIdentifiers.camelCase("class", "value")).isEqualTo("class");
  }

  @Test
  void migrationNamesBecomeClassNames() {
    assertThat(JavaIdentifiers.pascalCase("users_full_name")).isEqualTo("UsersFullName");
    assertThat(JavaIdentifiers.pascalCase("2026_users")).isEqualTo("Migration2026Users");
  }

  @Test
  void proseKeepsOnlyWords() {
    assertThat(JavaIdentifiers.prose("amount_cents")).isEqualTo("amount cents");
    assertThat(JavaIdentifiers.prose("a*/b")).isEqualTo("a b");
  }
}
