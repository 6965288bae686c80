package dev.colsync.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ObjectNamesTest {
  private static final int LIMIT = 63;

  @Test
  void aNameThatFitsIsUntouched() {
    assertThat(ObjectNames.fit("colsync_users_full_name_sync")).isEqualTo("colsync_users_full_name_sync");
    String exactly63 = "a".repeat(63);
    assertThat(ObjectNames.fit(exactly63)).isEqualTo(exactly63);
    String multiByte63 = "é".repeat(31) + "x"; // 62 + 1 bytes
    assertThat(ObjectNames.fit(multiByte63)).isEqualTo(multiByte63);
  }

  @Test
  void aLongAsciiNameIsCutAndEndsInAnEightHexHash() {
    String name = "colsync_" + "a_very_long_migration_name_".repeat(3) + "backfill_state";

    String fitted = ObjectNames.fit(name);

    assertThat(bytes(fitted)).isEqualTo(LIMIT);
    assertThat(fitted).matches(".*_[0-9a-f]{8}");
    assertThat(name).startsWith(fitted.substring(0, fitted.length() - 9));
    assertThat(ObjectNames.fit(name)).as("stable").isEqualTo(fitted);
  }

  @Test
  void oneByteOverTheLimitIsShortened() {
    String name = "b".repeat(64);
    assertThat(ObjectNames.fit(name)).hasSize(LIMIT).matches("b{54}_[0-9a-f]{8}");
  }

  @Test
  void multiByteCharactersAreNeverCutInHalf() {
    for (String unit : List.of("é", "€", "🙂", "a🙂", "aé")) {
      for (int padding = 0; padding < 4; padding++) {
        String name = "x".repeat(padding) + unit.repeat(40);
        String fitted = ObjectNames.fit(name);
        String prefix = fitted.substring(0, fitted.length() - 9);

        assertThat(bytes(fitted)).as(name).isLessThanOrEqualTo(LIMIT);
        assertThat(name).as(name).startsWith(prefix);
        assertThat(prefix.codePoints().allMatch(Character::isValidCodePoint)).isTrue();
        assertThat(Character.isHighSurrogate(prefix.charAt(prefix.length() - 1))).as(name).isFalse();
        assertThat(new String(fitted.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).isEqualTo(fitted);
        // as much of the name as fits: one more code point would not
        int next = name.codePointAt(prefix.length());
        assertThat(bytes(prefix) + bytes(new String(Character.toChars(next)))).isGreaterThan(LIMIT - 9);
      }
    }
  }

  @Test
  void longNamesWithTheSamePrefixStayDistinct() {
    String prefix = "p".repeat(60);
    String first = ObjectNames.fit(prefix + "_one");
    String second = ObjectNames.fit(prefix + "_two");

    assertThat(first).isNotEqualTo(second);
    assertThat(first.substring(0, 54)).isEqualTo(second.substring(0, 54));
  }

  @Test
  void forMigrationNamesEveryObjectDistinctly() {
    ObjectNames names = ObjectNames.forMigration("users_full_name");

    assertThat(names.syncFunction()).isEqualTo("colsync_users_full_name_sync");
    assertThat(names.upFunction()).isEqualTo("colsync_users_full_name_up");
    assertThat(names.backfillProcedure()).isEqualTo("colsync_users_full_name_backfill");
    assertThat(names.backfillState()).isEqualTo("colsync_users_full_name_backfill_state");
    assertThat(names.newNotNull()).isEqualTo("colsync_users_full_name_new_not_null");
    assertThat(names.oldNotNull()).isEqualTo("colsync_users_full_name_old_not_null");
    assertThat(distinctSchemaObjects(names)).hasSize(6);
  }

  @Test
  void forMigrationWithTheLongestMigrationNameStillFitsAndStaysDistinct() {
    for (String migration : List.of("m".repeat(63), "order_lines_" + "x".repeat(40), "a".repeat(45))) {
      ObjectNames names = ObjectNames.forMigration(migration);

      assertThat(all(names)).allSatisfy(name -> assertThat(bytes(name)).isLessThanOrEqualTo(LIMIT));
      assertThat(distinctSchemaObjects(names)).as(migration).hasSize(6);
    }
  }

  @Test
  void differentMigrationsNeverShareANameEvenWhenTheyShareALongPrefix() {
    ObjectNames first = ObjectNames.forMigration("q".repeat(60) + "_a");
    ObjectNames second = ObjectNames.forMigration("q".repeat(60) + "_b");

    assertThat(all(first)).doesNotContainAnyElementsOf(all(second));
  }

  /**
   * The names of the functions, procedure, table and constraints: the objects that could collide.
   * The trigger is left out: trigger names live per table, apart from function names, and the
   * trigger is named like its function.
   */
  private static Set<String> distinctSchemaObjects(ObjectNames names) {
    return new LinkedHashSet<>(List.of(names.syncFunction(), names.upFunction(), names.backfillProcedure(),
        names.backfillState(), names.newNotNull(), names.oldNotNull()));
  }

  private static List<String> all(ObjectNames names) {
    return List.of(names.syncFunction(), names.syncTrigger(), names.upFunction(), names.backfillProcedure(),
        names.backfillState(), names.newNotNull(), names.oldNotNull());
  }

  private static int bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }
}
