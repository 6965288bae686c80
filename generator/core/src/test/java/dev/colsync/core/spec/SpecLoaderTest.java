package dev.colsync.core.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Valid specs load into exactly the records the generator works from. */
class SpecLoaderTest {
  private static final Path VALID = Path.of("src/test/resources/specs/valid");

  private final SpecLoader loader = new SpecLoader();

  @Test
  void loadsARename() throws Exception {
    Path file = VALID.resolve("users_full_name.yaml");

    assertThat(loader.load(file)).isEqualTo(new MigrationSpec(
        "users_full_name",
        file.toString(),
        new TableName("public", "users"),
        List.of("id"),
        new Rename("name", "full_name", "text", true),
        Backfill.DEFAULTS,
        Timeouts.DEFAULTS,
        Optional.of(new JavaTarget("com.example.users", Optional.empty())),
        14,
        FlywayRelease.NONE));
  }

  @Test
  void loadsATypeChange() throws Exception {
    Path file = VALID.resolve("orders_amount_cents.yaml");

    assertThat(loader.load(file)).isEqualTo(new MigrationSpec(
        "orders_amount_cents",
        file.toString(),
        new TableName("public", "orders"),
        List.of("id"),
        new Retype(
            new Column("amount", "numeric(12,2)"),
            new Column("amount_cents", "bigint"),
            "round(amount * 100)::bigint",
            "amount_cents / 100.0",
            OnUpError.REJECT,
            false,
            false),
        new Backfill(10_000, Duration.ofMillis(20)),
        new Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(30)),
        Optional.empty(),
        14,
        FlywayRelease.NONE));
  }

  @Test
  void leftOutKeysTakeTheirDefaults() throws Exception {
    MigrationSpec spec = loader.load(VALID.resolve("minimal_rename.yaml"));

    assertThat(spec.table()).isEqualTo(new TableName("public", "accounts"));
    assertThat(spec.change()).isEqualTo(new Rename("mail", "email", "text", false));
    assertThat(spec.change().onUpError()).isEqualTo(OnUpError.REJECT);
    assertThat(spec.backfill()).isEqualTo(new Backfill(5_000, Duration.ofMillis(10)));
    assertThat(spec.timeouts()).isEqualTo(new Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(30)));
    assertThat(spec.java()).isEmpty();
    assertThat(spec.postgresVersion()).isEqualTo(14);
    assertThat(spec.flywayVersion()).isEmpty();
  }

  @Test
  void loadsEveryOption() throws Exception {
    MigrationSpec spec = loader.load(VALID.resolve("retype_all_options.yaml"));

    assertThat(spec.table()).isEqualTo(new TableName("audit", "events"));
    assertThat(spec.primaryKey()).containsExactly("tenant_id", "id");
    assertThat(spec.change()).isEqualTo(new Retype(
        new Column("payload", "text"),
        new Column("payload_json", "jsonb"),
        "CASE WHEN payload ~ '^\\s*[{\\[];?' THEN payload::jsonb END /* a ; in a comment */",
        "$$x;y$$ || payload_json::text",
        OnUpError.NULL,
        false,
        true));
    assertThat(spec.backfill()).isEqualTo(new Backfill(1_000_000, Duration.ZERO));
    assertThat(spec.timeouts()).isEqualTo(new Timeouts(Duration.ofMillis(500), Duration.ofMinutes(1)));
    assertThat(spec.java()).contains(new JavaTarget("com.example.audit", Optional.of("EventsPayloadShim")));
    assertThat(spec.postgresVersion()).isEqualTo(16);
    assertThat(spec.flywayVersion()).contains("2026.11.1");
  }

  @Test
  void anUnquotedWholeNumberIsAFlywayVersion() throws Exception {
    MigrationSpec spec = loader.load(VALID.resolve("retype_on_up_error_null_string.yaml"));

    assertThat(spec.flywayVersion()).contains("3");
    assertThat(spec.postgresVersion()).isEqualTo(18);
  }

  @Test
  void durationsInEveryUnit() throws Exception {
    MigrationSpec spec = load("backfill: { pause: 1h }\ntimeouts: { lock: 1min, statement: 2147483647ms }\n");

    assertThat(spec.backfill().pause()).isEqualTo(Duration.ofHours(1));
    assertThat(spec.timeouts()).isEqualTo(new Timeouts(Duration.ofMinutes(1), Duration.ofMillis(Integer.MAX_VALUE)));
  }

  @Test
  void sourceIsTheNameAsGiven() throws Exception {
    assertThat(loader.load("specs/../users.yaml", SpecTexts.minimal()).source()).isEqualTo("specs/../users.yaml");
  }

  @Test
  void tableWithoutSchemaIsInPublic() throws Exception {
    assertThat(load("table: users\n", "").table()).isEqualTo(new TableName("public", "users"));
  }

  @Test
  void tableIsSplitAtItsOnlyDot() throws Exception {
    assertThat(load("table: sales.orders\n", "").table()).isEqualTo(new TableName("sales", "orders"));
  }

  @Test
  void withSchemaTheTableIsTakenLiterally() throws Exception {
    assertThat(load("schema: sales\ntable: orders.2024.q1\n", "").table())
        .isEqualTo(new TableName("sales", "orders.2024.q1"));
  }

  @Test
  void hostileNamesAreKeptExactly() throws Exception {
    MigrationSpec spec = loader.load(VALID.resolve("hostile_names.yaml"));

    assertThat(spec.table()).isEqualTo(new TableName("Sales Data", "orders.2024 \"archive\""));
    assertThat(spec.primaryKey()).containsExactly("Tenant ID", "select", "order");
    assertThat(spec.change()).isEqualTo(new Rename("prénom", "First \"Name\"", "\"Custom Type\"", false));
  }

  @Test
  void upperCaseAndReservedWordsAreNames() throws Exception {
    MigrationSpec spec = load("table: Public.USERS\n", "rename: { from: Amount, to: select, type: text }\n");

    assertThat(spec.table()).isEqualTo(new TableName("Public", "USERS"));
    assertThat(spec.change()).isEqualTo(new Rename("Amount", "select", "text", false));
  }

  @Test
  void yesAndNoAreNamesNotBooleans() throws Exception {
    MigrationSpec spec = load("", "rename: { from: yes, to: no, type: text }\n");

    assertThat(spec.change()).isEqualTo(new Rename("yes", "no", "text", false));
  }

  @Test
  void aNameOfExactly63BytesIsAccepted() throws Exception {
    String ascii = "a".repeat(63);
    String twoByteLetters = "é".repeat(31) + "x";

    assertThat(load("", "rename: { from: " + ascii + ", to: " + twoByteLetters + ", type: text }\n").change())
        .isEqualTo(new Rename(ascii, twoByteLetters, "text", false));
  }

  @Test
  void aStringLiteralMayContainASemicolon() throws Exception {
    MigrationSpec spec = load("", """
        retype:
          from: { column: tags, type: text }
          to: { column: tag_list, type: "text[]" }
          up: "string_to_array(tags, ';')"
          down: "array_to_string(tag_list, ';')"
        """);

    assertThat(spec.change().up()).isEqualTo("string_to_array(tags, ';')");
    assertThat(spec.change().down()).isEqualTo("array_to_string(tag_list, ';')");
  }

  @Test
  void onUpErrorNullMayBeWrittenAsYamlNullOrAsAString() throws Exception {
    for (String written : List.of("null", "~", "Null", "\"null\"", "'null'")) {
      assertThat(load("", SpecTexts.retypeWith("onUpError: " + written)).change().onUpError())
          .as(written)
          .isEqualTo(OnUpError.NULL);
    }
  }

  @Test
  void onUpErrorDefaultsToReject() throws Exception {
    assertThat(load("", SpecTexts.retypeWith("")).change().onUpError()).isEqualTo(OnUpError.REJECT);
    assertThat(load("", SpecTexts.retypeWith("onUpError: reject")).change().onUpError())
        .isEqualTo(OnUpError.REJECT);
  }

  @Test
  void aByteOrderMarkIsIgnored() throws Exception {
    assertThat(loader.load("bom.yaml", "\uFEFF" + SpecTexts.minimal()).migration()).isEqualTo("users_full_name");
  }

  @Test
  void aFileThatIsNotUtf8IsAProblem(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("latin1.yaml");
    Files.write(file, (SpecTexts.minimal() + "# caf\u00e9\n").getBytes(StandardCharsets.ISO_8859_1));

    assertThatThrownBy(() -> loader.load(file))
        .isInstanceOf(SpecException.class)
        .hasMessage(file + ":5: the file is not valid UTF-8 (byte 120) (expected: a UTF-8 text file)");
  }

  @Test
  void aMissingFileIsAnIoError() {
    assertThatThrownBy(() -> loader.load(VALID.resolve("no_such_spec.yaml"))).isInstanceOf(NoSuchFileException.class);
  }

  /** A valid spec with {@code table} and the change replaced when given (non-empty). */
  private MigrationSpec load(String table, String change) throws SpecException {
    return loader.load("spec.yaml", SpecTexts.with(table, change));
  }

  private MigrationSpec load(String extra) throws SpecException {
    return loader.load("spec.yaml", SpecTexts.minimal() + extra);
  }
}
