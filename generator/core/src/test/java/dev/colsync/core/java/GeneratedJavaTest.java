package dev.colsync.core.java;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.colsync.core.output.GeneratedFile;
import dev.colsync.core.output.Generator;
import dev.colsync.core.spec.MigrationSpec;
import dev.colsync.core.spec.SpecException;
import dev.colsync.core.spec.SpecLoader;
import dev.colsync.runtime.flag.FlagSource;
import dev.colsync.runtime.flag.ReadPath;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The generated Java compiles without a warning, whatever the names, and declares the promised API. */
class GeneratedJavaTest {

  @Test
  void everyShimCompilesWithEveryLintWarningAnError() {
    Map<String, String> sources = new LinkedHashMap<>();
    JavaSpecs.generated().forEach(file -> sources.put(file.path(), file.content()));

    InMemoryCompiler.Compiled compiled = InMemoryCompiler.compile(sources);

    assertThat(compiled.load("com.example.users.UsersFullNameShim")).isNotNull();
  }

  @Test
  void hostileNamesCompileAndStayOutOfCommentsAndIdentifiers() throws Exception {
    MigrationSpec spec = new SpecLoader().load("hostile.yaml", """
        migration: 2026_hostile
        schema: "s*/ \\\\u000a"
        table: "t\\" */"
        primaryKey: [{ column: connection, type: bigint }, { column: "k\\\\u0022 */ @x", type: text }, 名前, "💰", column]
        rename: { from: "class", to: "a*/ \\\\u002a/ <b>&{@code}", type: "varchar(10)" }
        java: { package: com.example.hostile }
        """);
    List<GeneratedFile> files = new Generator().javaFiles(List.of(spec));
    assertThat(files).hasSize(1);
    String text = files.get(0).content();

    assertThat(files.get(0).path()).isEqualTo("com/example/hostile/Migration2026HostileShim.java");
    assertThat(text.chars()).allMatch(c -> c < 0x80);
    Class<?> shim = InMemoryCompiler.compile(Map.of(files.get(0).path(), text))
        .load("com.example.hostile.Migration2026HostileShim");
    Method find = Arrays.stream(shim.getMethods()).filter(m -> m.getName().equals("find")).findFirst().orElseThrow();
    assertThat(Arrays.stream(find.getParameters()).map(p -> p.getType().getSimpleName()))
        .containsExactly("Connection", "long", "String", "Object", "Object", "Object");
  }

  @Test
  void theShimDeclaresReadBindAndTheDaoMethods() throws Exception {
    Class<?> shim = compiled("com.example.orders.OrderAmounts");

    assertThat(Modifier.isFinal(shim.getModifiers())).isTrue();
    assertThat(shim.getField("MIGRATION").get(null)).isEqualTo("orders_amount_cents");
    assertThat(Arrays.stream(shim.getDeclaredMethods()).filter(m -> Modifier.isPublic(m.getModifiers()))
        .map(Method::getName)).containsExactlyInAnyOrder("migration", "readPath", "writePath", "fragments",
        "columnType", "reportShadow", "schemaName", "tableName", "newColumnName", "read", "read", "selectList", "value", "bind", "find", "update", "insert");
    Object instance = shim.getConstructor(FlagSource.class).newInstance(FlagSource.fixed(ReadPath.SHADOW));
    assertThat(shim.getMethod("readPath").invoke(instance)).isEqualTo(ReadPath.SHADOW);
    assertThat(shim.getMethod("find", java.sql.Connection.class, Object.class).getGenericReturnType().getTypeName())
        .isEqualTo("java.util.Optional<java.lang.Long>");
  }

  @Test
  void aTypeChangeReadsTheNewTypeOnEveryPath() throws Exception {
    Object selectList = compiled("com.example.orders.OrderAmounts").getField("SELECT_LIST").get(null);

    assertThat(selectList.toString()).contains("onOld=(round(amount * 100)::bigint)", "onNew=\"amount_cents\"");
  }

  @Test
  void specsWithoutJavaGetNoShimAndTwoSpecsCannotShareAClass() throws Exception {
    MigrationSpec withoutJava = JavaSpecs.named("accounts_email");
    MigrationSpec users = JavaSpecs.named("users_full_name");
    MigrationSpec twin = new SpecLoader().load("twin.yaml", """
        migration: users_full_name_again
        table: public.users
        primaryKey: [id]
        rename: { from: name, to: full_name, type: text }
        java: { package: com.example.users, class: UsersFullNameShim }
        """);

    assertThat(new Generator().javaFiles(List.of(withoutJava))).isEmpty();
    SpecException failure = catchThrowableOfType(SpecException.class,
        () -> new Generator().javaFiles(List.of(users, twin)));
    assertThat(failure.problems()).singleElement().hasToString("twin.yaml: /java: the Java shim"
        + " com/example/users/UsersFullNameShim.java is also generated for users_full_name"
        + " (src/test/resources/java-specs/users_full_name.yaml) (expected: a java.package or java.class no other"
        + " migration uses)");
  }

  private static Class<?> compiled(String className) {
    Map<String, String> sources = new LinkedHashMap<>();
    JavaSpecs.generated().forEach(file -> sources.put(file.path(), file.content()));
    return InMemoryCompiler.compile(sources).load(className);
  }
}
