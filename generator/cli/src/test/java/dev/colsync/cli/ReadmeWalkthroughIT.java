package dev.colsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.colsync.testing.PostgresServers;
import dev.colsync.testing.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Follows the README as a new user would, on a fresh database: puts {@code colsync} on the PATH with the README's
 * own lines, then runs every shell block of "Start from the live schema" and "Let colsync run it" as written, in
 * order, each line stopping the walk if it fails. The blocks are read from the README, so the two stay in step.
 */
@Tag("packaged-jar")
class ReadmeWalkthroughIT {
  @TempDir
  Path home;

  @TempDir
  Path work;

  @Test
  void theReadmeWalkthroughRunsAsWritten() throws Exception {
    Path root = Path.of(System.getProperty("colsync.jar")).toAbsolutePath().getParent().getParent().getParent()
        .getParent();
    ReadmeBlocks readme = ReadmeBlocks.read(root.resolve("README.md"));
    String install = readme.blocks("Build and test").stream().filter(block -> block.contains("~/.local/bin/colsync"))
        .findFirst().orElseThrow(() -> new AssertionError("the README says how to put colsync on the PATH"));
    runShell(install, root, "");

    try (TestDatabase database = PostgresServers.any().newDatabase(); Connection connection = database.connect();
        Statement statement = connection.createStatement()) {
      statement.execute("""
          CREATE TABLE public.users (id bigint PRIMARY KEY, name text NOT NULL);
          CREATE INDEX users_name_idx ON public.users (name);
          INSERT INTO public.users SELECT g, 'user ' || g FROM generate_series(1, 5000) g;
          CREATE TABLE public.orders (id bigint PRIMARY KEY, amount numeric(12,2));
          INSERT INTO public.orders SELECT g, g * 1.25 FROM generate_series(1, 500) g;
          CREATE TABLE public.customers (id serial PRIMARY KEY, name text);
          """);
      List<String> steps = new ArrayList<>();
      steps.addAll(readme.blocks("Start from the live schema"));
      steps.addAll(readme.blocks("Let colsync run it"));
      assertThat(steps).hasSizeGreaterThanOrEqualTo(4);
      for (String block : steps) {
        runShell(block, work, database.jdbcUrl());
      }

      assertThat(work.resolve("users_full_name.yaml")).content().contains("package: com.example.users");
      assertThat(work.resolve("orders_amount_cents.yaml")).content().contains("round(amount * 100)::bigint");
      try (ResultSet rows = statement.executeQuery("SELECT count(*) FILTER (WHERE name = 'user ' || id),"
          + " count(*) FILTER (WHERE full_name = name) FROM public.users")) {
        assertThat(rows.next()).isTrue();
        assertThat(rows.getLong(1)).as("every name back after the rollback of contract").isEqualTo(5000);
        assertThat(rows.getLong(2)).as("and still synced to full_name").isEqualTo(5000);
      }
      try (ResultSet audit = statement.executeQuery("SELECT string_agg(DISTINCT action || ' ' || outcome, ', ')"
          + " FROM colsync.audit_log WHERE phase = 'contract'")) {
        assertThat(audit.next()).isTrue();
        assertThat(audit.getString(1)).isEqualTo("apply ok, rollback ok");
      }
    }
  }

  /** Runs {@code script} with {@code sh -e}, echoing each command; fails with everything it printed. */
  private void runShell(String script, Path directory, String jdbc) throws IOException, InterruptedException {
    Path file = Files.writeString(Files.createTempFile(home, "block-", ".sh"), script, StandardCharsets.UTF_8);
    Path output = Files.createTempFile(home, "block-", ".out");
    ProcessBuilder builder = new ProcessBuilder("sh", "-ex", file.toString()).directory(directory.toFile())
        .redirectErrorStream(true).redirectOutput(output.toFile());
    builder.environment().put("HOME", home.toString());
    builder.environment().put("PATH", home.resolve(".local/bin") + ":" + System.getenv("PATH"));
    builder.environment().put("JDBC", jdbc);
    builder.environment().remove("COLUMNS");
    Process process = builder.start();
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("the README block did not finish within 5 minutes:\n" + script);
    }
    String printed = Files.readString(output, StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as("the README block\n%s\nprinted\n%s", script, printed).isZero();
  }

  /** The fenced {@code sh} blocks of a Markdown file, by the level-2 section they are in. */
  private record ReadmeBlocks(List<String> lines) {
    static ReadmeBlocks read(Path file) throws IOException {
      return new ReadmeBlocks(Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    List<String> blocks(String section) {
      List<String> blocks = new ArrayList<>();
      boolean inSection = false;
      StringBuilder block = null;
      for (String line : lines) {
        if (block != null) {
          if (line.equals("```")) {
            blocks.add(block.toString());
            block = null;
          } else {
            block.append(line).append('\n');
          }
        } else if (line.startsWith("## ")) {
          inSection = line.equals("## " + section);
        } else if (inSection && line.equals("```sh")) {
          block = new StringBuilder();
        }
      }
      assertThat(blocks).as("shell blocks in the README's section %s", section).isNotEmpty();
      return blocks;
    }
  }
}
