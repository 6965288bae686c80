package dev.colsync.core.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A primary-key entry may be a name or {@code { column, type }}; the types type the generated Java. */
class TypedPrimaryKeyTest {
  private final SpecLoader loader = new SpecLoader();

  @Test
  void typedAndPlainKeyColumnsMixInOrder() throws Exception {
    MigrationSpec spec = loader.load(Path.of("src/test/resources/specs/valid/typed_primary_key.yaml"));

    assertThat(spec.primaryKey()).containsExactly("region", "line id", "batch");
    assertThat(spec.primaryKeyTypes()).isEqualTo(Map.of("region", "text", "line id", "bigint"));
    assertThat(spec.primaryKeyType("line id")).contains("bigint");
    assertThat(spec.primaryKeyType("batch")).isEmpty();
  }

  @Test
  void plainNamesHaveNoTypes() throws Exception {
    MigrationSpec spec = loader.load("plain.yaml", SpecTexts.minimal());

    assertThat(spec.primaryKey()).containsExactly("id");
    assertThat(spec.primaryKeyTypes()).isEmpty();
  }

  @Test
  void theTenArgumentConstructorMeansUntypedKeys() throws Exception {
    MigrationSpec loaded = loader.load("plain.yaml", SpecTexts.minimal());
    MigrationSpec built = new MigrationSpec(loaded.migration(), loaded.source(), loaded.table(),
        loaded.primaryKey(), loaded.change(), loaded.backfill(), loaded.timeouts(), loaded.java(),
        loaded.postgresVersion(), loaded.flyway());

    assertThat(built).isEqualTo(loaded);
  }

  @Test
  void aTypeForAColumnOutsideTheKeyIsRefused() throws Exception {
    MigrationSpec loaded = loader.load("plain.yaml", SpecTexts.minimal());

    Throwable failure = catchThrowableOfType(IllegalArgumentException.class, () -> new MigrationSpec(
        loaded.migration(), loaded.source(), loaded.table(), loaded.primaryKey(), loaded.change(),
        loaded.backfill(), loaded.timeouts(), Optional.empty(), 14, FlywayRelease.all("1"), Map.of("tenant", "int")));

    assertThat(failure).hasMessageContaining("not in primaryKey");
  }

  @Test
  void everyProblemOfATypedEntryIsLocated() {
    String yaml = """
        migration: users_full_name
        table: users
        primaryKey: [{ column: id }, { column: tenant, type: "int; DROP TABLE x", size: 4 }, { type: int }, 7]
        rename: { from: name, to: full_name, type: text }
        """;

    assertThat(problemsOf(yaml)).containsExactly(
        "key.yaml:3:14: /primaryKey/0/type: missing required key 'type'"
            + " (expected: an SQL type such as text, bigint or numeric(12,2))",
        "key.yaml:3:54: /primaryKey/1/type: " + SqlFragmentCheck.problem("int; DROP TABLE x").orElseThrow()
            + " (expected: an SQL type such as text, bigint or numeric(12,2))",
        "key.yaml:3:75: /primaryKey/1/size: unknown key 'size' (expected: one of: column, type)",
        "key.yaml:3:86: /primaryKey/2/column: missing required key 'column' (expected: " + Identifiers.EXPECTED + ")",
        "key.yaml:3:101: /primaryKey/3: must be a string, not the number 7; write \"7\" in quotes to use it as text"
            + " (expected: " + Identifiers.EXPECTED + ")");
  }

  @Test
  void aTypedEntryNamingTheChangedColumnOrRepeatingAColumnIsRefused() {
    String yaml = """
        migration: users_full_name
        table: users
        primaryKey: [{ column: full_name, type: text }, id, { column: id, type: bigint }]
        rename: { from: name, to: full_name, type: text }
        """;

    List<String> problems = problemsOf(yaml);

    assertThat(problems).anySatisfy(p -> assertThat(p).startsWith(
        "key.yaml:3:24: /primaryKey/0/column: 'full_name' is the name the rename gives the column"));
    assertThat(problems).anySatisfy(p -> assertThat(p).startsWith(
        "key.yaml:3:53: /primaryKey/2: 'id' is listed more than once"));
  }

  private List<String> problemsOf(String yaml) {
    SpecException failure = catchThrowableOfType(SpecException.class, () -> loader.load("key.yaml", yaml));
    assertThat(failure).isNotNull();
    return failure.problems().stream().map(SpecProblem::toString).toList();
  }
}
