package dev.colsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code colsync generate --java-out}: shims of the specs that ask for them, beside what is already there. */
class JavaOutTest {
  @TempDir
  Path dir;

  @Test
  void specsWithJavaGetTheirShimAndOtherSourcesAreLeftAlone() throws Exception {
    Path withJava = SpecFiles.write(dir.resolve("specs"), "users.yaml", """
        migration: users_full_name
        table: public.users
        primaryKey: [{ column: id, type: bigint }]
        rename: { from: name, to: full_name, type: text, notNull: true }
        java: { package: com.example.users }
        """);
    Path withoutJava = SpecFiles.retype(dir.resolve("specs"), "orders.yaml", "orders_amount_cents");
    Path sources = dir.resolve("src");
    Path unrelated = SpecFiles.write(sources.resolve("com/example/users"), "Users.java", "class Users {}\n");

    CommandRun run = CommandRun.of("generate", withJava.toString(), withoutJava.toString(), "--out",
        dir.resolve("sql").toString(), "--java-out", sources.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    Path shim = sources.resolve("com/example/users/UsersFullNameShim.java");
    assertThat(shim).content().contains("public final class UsersFullNameShim",
        "public Optional<String> find(Connection connection, long id)");
    assertThat(run.outLines()).contains("Java shim: " + shim);
    assertThat(unrelated).hasContent("class Users {}");
    try (var files = Files.walk(sources)) {
      assertThat(files.filter(Files::isRegularFile)).hasSize(2);
    }
  }

  @Test
  void withoutTheOptionNoJavaIsWritten() {
    Path withJava = SpecFiles.write(dir.resolve("specs"), "users.yaml", """
        migration: users_full_name
        table: public.users
        primaryKey: [id]
        rename: { from: name, to: full_name, type: text }
        java: { package: com.example.users }
        """);

    CommandRun run = CommandRun.of("generate", withJava.toString(), "--out", dir.resolve("sql").toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(run.out()).doesNotContain("Java shim");
  }
}
