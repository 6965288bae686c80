package dev.colsync.core.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Invalid specs: every problem reported at once, each located by line, column and JSON pointer. */
class SpecProblemsTest {
  private final SpecLoader loader = new SpecLoader();

  @Test
  void reportsEveryProblemInFileOrder() {
    List<String> problems = problemsOf("orders.yaml", """
        migration: Orders-Amount
        table: public.orders
        primaryKey: [id, id]
        retype:
          from: { column: amount, type: "numeric(12,2)" }
          to:   { column: amount, type: bigint, notNull: yes }
          up:   "round(amount * 100)::bigint; drop table orders"
          onUpError: ignore
        backfill: { batchSize: 0, pause: 20 ms }
        colour: blue
        """);

    assertThat(problems).containsExactly(
        "orders.yaml:1:12: /migration: 'Orders-Amount' is not a valid migration name"
            + " (expected: 1 to 63 lower-case letters, digits or _, e.g. users_full_name)",
        "orders.yaml:3:18: /primaryKey/1: 'id' is listed more than once (expected: distinct column names)",
        "orders.yaml:4:1: /retype/down: missing required key 'down'"
            + " (expected: one SQL expression over the new column, e.g. amount_cents / 100.0)",
        "orders.yaml:6:50: /retype/to/notNull: must be a boolean, not the string \"yes\" (expected: true or false)",
        "orders.yaml:7:9: /retype/up: contains ';' at character 28; it must be a single SQL expression, not statements"
            + " (expected: one SQL expression over the old column, e.g. round(amount * 100)::bigint)",
        "orders.yaml:8:14: /retype/onUpError: unknown value 'ignore' (expected: one of: reject, null)",
        "orders.yaml:9:24: /backfill/batchSize: 0 is out of range (expected: a whole number from 1 to 1000000)",
        "orders.yaml:9:34: /backfill/pause: '20 ms' is not a duration"
            + " (expected: a duration such as 500ms, 2s, 1min or 1h)",
        "orders.yaml:10:1: /colour: unknown key 'colour' (expected: one of: migration, table, schema, primaryKey,"
            + " rename, retype, backfill, timeouts, java, postgres, flyway, column, indexes, constraints, foreignKeys, referencedBy, dependents, partitions, triggers, readers)");
  }

  @Test
  void problemsCarryTheirPartsSeparately() {
    SpecException failure = failureOf("users.yaml", SpecTexts.with("", "rename: { from: name, to: name, type: text }\n"));

    assertThat(failure.problems()).containsExactly(new SpecProblem("users.yaml", 4, 27, "/rename/to",
        "is the same as from ('name'); a rename needs a new name", "a column name other than 'name'"));
    assertThat(failure.getMessage()).isEqualTo("users.yaml:4:27: /rename/to: is the same as from ('name');"
        + " a rename needs a new name (expected: a column name other than 'name')");
  }

  @Test
  void yamlSyntaxErrorIsLocated() {
    assertThat(problemsOf("broken.yaml", """
        migration: users_full_name
        primaryKey: [id, name
        table: public.users
        """)).containsExactly(
        "broken.yaml:3:6: YAML syntax error: expected ',' or ']', but got :"
            + " (while parsing a flow sequence at line 2, column 13) (expected: valid YAML)");
  }

  @Test
  void badIndentationIsLocated() {
    assertThat(problemsOf("indent.yaml", "migration: users_full_name\n  table: public.users\n")).containsExactly(
        "indent.yaml:2:8: YAML syntax error: mapping values are not allowed here (expected: valid YAML)");
  }

  @Test
  void unterminatedYamlQuoteIsLocated() {
    assertThat(problemsOf("quote.yaml", "migration: 'users_full_name\ntable: public.users\n")).containsExactly(
        "quote.yaml:3:1: YAML syntax error: found unexpected end of stream"
            + " (while scanning a quoted scalar at line 1, column 12) (expected: valid YAML)");
  }

  @Test
  void duplicateKeyIsReportedWithTheOtherProblems() {
    assertThat(problemsOf("dup.yaml", """
        migration: users_full_name
        table: public.users
        primaryKey: [id]
        table: public.people
        rename: { from: name, to: full_name, type: text, typo: 1 }
        """)).containsExactly(
        "dup.yaml:4:1: /table: duplicate key 'table' (first at line 2, column 1) (expected: each key once)",
        "dup.yaml:5:50: /rename/typo: unknown key 'typo' (expected: one of: from, to, type, notNull)");
  }

  @Test
  void emptyFileIsAProblem() {
    assertThat(problemsOf("empty.yaml", "")).containsExactly(
        "empty.yaml:1:1: the file is empty (expected: a YAML mapping of spec keys)");
    assertThat(problemsOf("comments.yaml", "# nothing here yet\n")).containsExactly(
        "comments.yaml:1:1: the file is empty (expected: a YAML mapping of spec keys)");
  }

  @Test
  void documentMustBeAMapping() {
    assertThat(problemsOf("list.yaml", "- migration: users_full_name\n")).containsExactly(
        "list.yaml:1:1: must be a mapping, not a list"
            + " (expected: a mapping of spec keys: migration, table, primaryKey, rename or retype, ...)");
    assertThat(problemsOf("scalar.yaml", "just some text\n")).containsExactly(
        "scalar.yaml:1:1: must be a mapping, not the string \"just some text\""
            + " (expected: a mapping of spec keys: migration, table, primaryKey, rename or retype, ...)");
  }

  @Test
  void aSecondDocumentIsAProblem() {
    assertThat(problemsOf("two.yaml", SpecTexts.minimal() + "---\nmigration: other\n")).containsExactly(
        "two.yaml:6:1: the file holds a second YAML document (expected: one spec (one document) per file)");
  }

  @Test
  void aliasesAreRefused() {
    assertThat(problemsOf("alias.yaml", """
        migration: users_full_name
        table: &t public.users
        primaryKey: [id]
        rename: { from: *t, to: full_name, type: text }
        """)).containsExactly(
        "alias.yaml:4:17: /rename/from: YAML aliases (*name) are not supported (expected: the value written out)");
  }

  @Test
  void missingRequiredKeysAreReportedAtTheirMapping() {
    assertThat(problemsOf("missing.yaml", """
        # a comment first
        table: public.users
        rename:
          from: name
          notNull: true
        """)).containsExactly(
        "missing.yaml:2:1: /migration: missing required key 'migration'"
            + " (expected: 1 to 63 lower-case letters, digits or _, e.g. users_full_name)",
        "missing.yaml:2:1: /primaryKey: missing required key 'primaryKey'"
            + " (expected: a list of the primary-key column names, e.g. [id] or [tenant_id, id])",
        "missing.yaml:3:1: /rename/to: missing required key 'to'"
            + " (expected: a name of 1 to 63 UTF-8 bytes, exactly as the catalog stores it, without SQL quotes)",
        "missing.yaml:3:1: /rename/type: missing required key 'type'"
            + " (expected: an SQL type such as text, bigint or numeric(12,2))");
  }

  @Test
  void aKeyWithoutValueIsReportedAtTheKey() {
    assertThat(problemsOf("novalue.yaml", SpecTexts.with("table:\n", "rename:\n"))).containsExactly(
        "novalue.yaml:2:1: /table: has no value (expected: schema.table, or just table for schema public;"
            + " names exactly as stored, without SQL quotes)",
        "novalue.yaml:4:1: /rename: has no value"
            + " (expected: a mapping { from: <old name>, to: <new name>, type: <SQL type>, notNull: false })");
  }

  @Test
  void wrongTypesNameTheExpectedType() {
    assertThat(problemsOf("types.yaml", SpecTexts.minimal() + """
        backfill: [5000]
        timeouts: { lock: 2 }
        java: { package: 42 }
        postgres: "16"
        """)).containsExactly(
        "types.yaml:5:11: /backfill: must be a mapping, not a list"
            + " (expected: a mapping { batchSize: 5000, pause: 10ms })",
        "types.yaml:6:19: /timeouts/lock: must be a string, not the number 2; write \"2\" in quotes to use it as text"
            + " (expected: a duration such as 500ms, 2s or 1min, at most 2147483647ms)",
        "types.yaml:7:18: /java/package: must be a string, not the number 42; write \"42\" in quotes to use it as text"
            + " (expected: a Java package name such as com.example.users, without keywords)",
        "types.yaml:8:11: /postgres: must be a whole number, not the string \"16\""
            + " (expected: a major version from 14 to 18)");
  }

  @Test
  void aBooleanWhereANameBelongsSuggestsQuoting() {
    assertThat(problemsOf("bool.yaml", SpecTexts.with("", "rename: { from: true, to: full_name, type: text }\n")))
        .containsExactly("bool.yaml:4:17: /rename/from: must be a string, not the boolean true;"
            + " write \"true\" in quotes to use it as text"
            + " (expected: a name of 1 to 63 UTF-8 bytes, exactly as the catalog stores it, without SQL quotes)");
  }

  @Test
  void moreThanOneDotWithoutSchemaAsksForSchemaSeparately() {
    assertThat(problemsOf("dots.yaml", SpecTexts.with("table: sales.orders.2024\n", ""))).containsExactly(
        "dots.yaml:2:8: /table: 'sales.orders.2024' has more than one dot, so the schema part is ambiguous;"
            + " give schema: and table: separately"
            + " (expected: schema: <schema> and table: <table name, dots allowed> as two keys)");
  }

  @Test
  void emptyPartsOfADottedTableAreProblems() {
    assertThat(problemsOf("parts.yaml", SpecTexts.with("table: .users\n", ""))).containsExactly(
        "parts.yaml:2:8: /table: the schema part of '.users' is empty"
            + " (expected: a name of 1 to 63 UTF-8 bytes, exactly as the catalog stores it, without SQL quotes)");
  }

  @Test
  void aNameOf64BytesIsRejected() {
    String twoByteLetters = "é".repeat(32);

    assertThat(problemsOf("long.yaml", SpecTexts.with("", "rename: { from: name, to: " + twoByteLetters
        + ", type: text }\n"))).containsExactly("long.yaml:4:27: /rename/to: the column name '" + twoByteLetters
        + "' is 64 bytes long in UTF-8; PostgreSQL would silently truncate it to 63"
        + " (expected: a name of 1 to 63 UTF-8 bytes, exactly as the catalog stores it, without SQL quotes)");
  }

  @Test
  void aNulCharacterInANameIsRejected() {
    assertThat(problemsOf("nul.yaml", SpecTexts.with("", "rename: { from: name, to: \"full\\0name\", type: text }\n")))
        .containsExactly("nul.yaml:4:27: /rename/to: the column name contains a NUL character,"
            + " which PostgreSQL does not allow in names"
            + " (expected: a name of 1 to 63 UTF-8 bytes, exactly as the catalog stores it, without SQL quotes)");
  }

  @Test
  void aRenamedKeyColumnNeedsTheKeysIndexRecorded() {
    assertThat(problemsOf("key.yaml", "migration: users_id\ntable: users\nprimaryKey: [tenant, id]\n"
        + "rename: { from: id, to: user_id, type: bigint }\n")).containsExactly(
        "key.yaml:4:9: /rename: the rename changes a primary-key column, but the spec does not record the primary"
            + " key's index, which contract turns into the key over user_id (expected: indexes: [ { name: …,"
            + " definition: …, primary: true } ] (scaffold --url records it))");
  }

  @Test
  void primaryKeyIsCheckedEvenWhenTheChangeHasOtherProblems() {
    assertThat(problemsOf("key.yaml", "migration: users_id\ntable: users\nprimaryKey: [user_id]\n"
        + "rename: { from: id, to: user_id, type: \"bigint; drop table users\" }\n")).containsExactly(
        "key.yaml:3:14: /primaryKey/0: 'user_id' is the name the rename gives the column; the primary key names"
            + " its columns as the table has them before the migration (expected: the key with the renamed column"
            + " under its name today)",
        "key.yaml:4:40: /rename/type: contains ';' at character 7; it must be a single SQL expression, not statements"
            + " (expected: an SQL type such as text, bigint or numeric(12,2))");
  }

  @Test
  void semicolonInjectionInUpIsRejected() {
    assertThat(problemsOf("inject.yaml", SpecTexts.with("", SpecTexts.retypeWith("")
        .replace("\"round(amount * 100)::bigint\"", "\"1; DROP TABLE users; --\"")))).containsExactly(
        "inject.yaml:7:7: /retype/up: contains ';' at character 2; it must be a single SQL expression, not statements"
            + " (expected: one SQL expression over the old column, e.g. round(amount * 100)::bigint)");
  }

  @Test
  void unterminatedSqlQuoteIsRejected() {
    assertThat(problemsOf("quote.yaml", SpecTexts.with("", SpecTexts.retypeWith("")
        .replace("\"amount_cents / 100.0\"", "\"amount_cents || 'x\"")))).containsExactly(
        "quote.yaml:8:9: /retype/down: is not complete SQL: unterminated string constant starting at character 17"
            + " (expected: one SQL expression over the new column, e.g. amount_cents / 100.0)");
  }

  @Test
  void anInPlaceChangeNeedsANewType() {
    assertThat(problemsOf("inplace.yaml", SpecTexts.with("", SpecTexts.retypeWith("")
        .replace("column: amount_cents, type: bigint", "column: amount, type: \"numeric(12,2)\"")))).containsExactly(
        "inplace.yaml:6:17: /retype/to/column: keeps both the name and the type of from; an in-place type change"
            + " needs a new type (expected: a type other than numeric(12,2), or a new column name)");
  }

  @Test
  void anInPlaceChangeHasNoShimAndKeepsTheKeyNotNull() throws SpecException {
    String spec = """
        migration: items_id
        table: public.items
        primaryKey: [id]
        retype:
          from: { column: id, type: integer, notNull: true }
          to: { column: id, type: bigint }
          up: "id::bigint"
          down: "id::integer"
        java: { package: com.example }
        """;
    assertThat(problemsOf("inplace.yaml", spec)).containsExactly(
        "inplace.yaml:5:3: /retype: the column is part of the primary key, so the new column must be NOT NULL"
            + " (expected: to: { column: id, type: bigint, notNull: true })",
        "inplace.yaml:9:1: /java: an in-place type change keeps the column's name, so the application needs no"
            + " read-path shim (expected: no java key: read id with a Java type that holds both types (long for"
            + " integer to bigint), or give the new column its own name to get a shim)");
    assertThat(problemsOf("partitioned.yaml", spec.replace("java: { package: com.example }", "partitions: [public.items_1]")
        .replace("type: bigint }", "type: bigint, notNull: true }"))).containsExactly(
        "partitioned.yaml:9:1: /partitions: the table is partitioned, and an in-place type change cannot move its"
            + " primary key onto the new column (PostgreSQL has no ADD CONSTRAINT … USING INDEX on a partitioned table)"
            + " (expected: a table that is not partitioned, or a new column name for id (a type change into a new"
            + " column works on partitioned tables))");
    MigrationSpec valid = new SpecLoader().load("inplace.yaml", spec.replace("type: bigint }", "type: bigint,"
        + " notNull: true }").replace("java: { package: com.example }\n", ""));
    assertThat(valid.change().inPlace()).isTrue();
  }

  @Test
  void notNullTargetContradictsOnUpErrorNull() {
    assertThat(problemsOf("contradiction.yaml", SpecTexts.with("", SpecTexts.retypeWith("onUpError: null")
        .replace("type: bigint", "type: bigint, notNull: true")))).containsExactly(
        "contradiction.yaml:9:14: /retype/onUpError: onUpError: null would store NULL in the new column,"
            + " but to.notNull is true (expected: onUpError: reject, or to.notNull: false)");
  }

  @Test
  void onUpErrorWithoutAValueMustBeChosen() {
    assertThat(problemsOf("choose.yaml", SpecTexts.with("", SpecTexts.retypeWith("onUpError:")))).containsExactly(
        "choose.yaml:9:3: /retype/onUpError: has no value (expected: one of: reject, null)");
  }

  @Test
  void onUpErrorIsCaseSensitive() {
    assertThat(problemsOf("case.yaml", SpecTexts.with("", SpecTexts.retypeWith("onUpError: Reject"))))
        .containsExactly(
        "case.yaml:9:14: /retype/onUpError: unknown value 'Reject' (expected: one of: reject, null)");
  }

  @Test
  void strategyIsCopyOrAuto() {
    assertThat(problemsOf("strategy.yaml", SpecTexts.with("", SpecTexts.retypeWith("strategy: fast"))))
        .containsExactly("strategy.yaml:9:13: /retype/strategy: unknown strategy 'fast' (expected: one of: copy"
            + " (expand–contract), auto (one ALTER … TYPE when PostgreSQL rewrites nothing, else copy))");
  }

  @Test
  void bothChangesOrNeitherIsAProblem() {
    assertThat(problemsOf("both.yaml", SpecTexts.minimal() + SpecTexts.retypeWith(""))).containsExactly(
        "both.yaml:5:1: /retype: a spec has exactly one change, but this one has both rename and retype"
            + " (expected: either rename or retype; write the other change as its own spec)");
    assertThat(problemsOf("neither.yaml", "migration: users_full_name\ntable: users\nprimaryKey: [id]\n"))
        .containsExactly("neither.yaml:1:1: missing the change: give rename or retype"
            + " (expected: rename: { from, to, type, notNull } or retype: { from, to, up, down, onUpError, strategy })");
  }

  @Test
  void timeoutsBeyondPostgresLimitsAreRejected() {
    assertThat(problemsOf("limits.yaml", SpecTexts.minimal()
        + "timeouts: { lock: 0ms, statement: 2147483648ms }\nbackfill: { pause: 99999999999999999999h }\n"))
        .containsExactly(
            "limits.yaml:5:19: /timeouts/lock: must be more than 0: a lock_timeout of 0 waits for the lock forever"
                + " (expected: a duration such as 500ms, 2s or 1min, at most 2147483647ms)",
            "limits.yaml:5:35: /timeouts/statement: is longer than PostgreSQL allows for a timeout"
                + " (expected: a duration such as 500ms, 2s or 1min, at most 2147483647ms)",
            "limits.yaml:6:20: /backfill/pause: '99999999999999999999h' is too long"
                + " (expected: a duration such as 500ms, 2s, 1min or 1h)");
  }

  @Test
  void javaNamesFollowJavaRules() {
    assertThat(problemsOf("java.yaml", SpecTexts.minimal()
        + "java: { package: java.users, class: record }\nflyway: { version: 1.10 }\n")).containsExactly(
        "java.yaml:5:18: /java/package: package 'java.users' is inside java, which the JVM reserves for the JDK"
            + " (expected: a Java package name such as com.example.users, without keywords)",
        "java.yaml:5:37: /java/class: 'record' cannot name a class in Java 17"
            + " (expected: a Java class name such as UsersFullNameShim)",
        "java.yaml:6:20: /flyway/version: must be a string, not the number 1.10;"
            + " write \"1.10\" in quotes to use it as text"
            + " (expected: digits separated by dots, e.g. \"1\" or \"2026.11.1\")");
  }

  @Test
  void aFlywayReleaseIsOneOfThreeAndContractsAtALaterVersionOfItsOwn() throws SpecException {
    assertThat(problemsOf("r.yaml", SpecTexts.minimal() + "flyway: { version: \"4\", release: contract }\n"))
        .containsExactly("r.yaml:5:9: /flyway: release contract needs contractVersion: contract's scripts run in a"
            + " later release, after the application's own migrations of the releases between (expected: a mapping"
            + " { version: \"4\", release: expand } or { version: \"4\", release: contract, contractVersion: \"7\" })");
    assertThat(problemsOf("r.yaml", SpecTexts.minimal()
        + "flyway: { version: \"4\", release: contract, contractVersion: \"4.5\" }\n")).containsExactly(
        "r.yaml:5:61: /flyway/contractVersion: contractVersion 4.5 must come after every script of version 4"
            + " (expected: a version after 4, e.g. one above the application's last migration)");
    assertThat(loader.load("r.yaml", SpecTexts.minimal() + "flyway: { version: \"4\", contractVersion: \"7\" }\n")
        .flyway().contractVersion()).as("release expand may name its contract's version ahead").contains("7");
    assertThat(problemsOf("r.yaml", SpecTexts.minimal()
        + "flyway: { version: \"4\", release: all, contractVersion: \"7\" }\n")).containsExactly(
        "r.yaml:5:56: /flyway/contractVersion: contractVersion is for releases expand (planned ahead) and contract,"
            + " not all: release all holds every phase at version 4 (expected: a mapping { version: \"4\", release:"
            + " expand } or { version: \"4\", release: contract, contractVersion: \"7\" })");
    assertThat(problemsOf("r.yaml", SpecTexts.minimal() + "flyway: { version: \"4\", release: later }\n"))
        .containsExactly("r.yaml:5:34: /flyway/release: unknown release 'later' (expected: expand, contract or all)");
  }

  @Test
  void pointersEscapeSlashAndTilde() {
    assertThat(problemsOf("escape.yaml", SpecTexts.minimal() + "\"a/b~c\": 1\n")).containsExactly(
        "escape.yaml:5:1: /a~1b~0c: unknown key 'a/b~c' (expected: one of: migration, table, schema, primaryKey,"
            + " rename, retype, backfill, timeouts, java, postgres, flyway, column, indexes, constraints, foreignKeys, referencedBy, dependents, partitions, triggers, readers)");
  }

  private List<String> problemsOf(String file, String yaml) {
    return failureOf(file, yaml).problems().stream().map(SpecProblem::toString).toList();
  }

  private SpecException failureOf(String file, String yaml) {
    SpecException failure = catchThrowableOfType(SpecException.class, () -> loader.load(file, yaml));
    assertThat(failure).as("loading %s should fail", file).isNotNull();
    return failure;
  }
}
