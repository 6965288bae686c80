package dev.colsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.colsync.runtime.flag.JdbcFlagStore;
import dev.colsync.runtime.flag.ReadPath;
import dev.colsync.testing.EachPostgres;
import dev.colsync.testing.PostgresServer;
import dev.colsync.testing.TestDatabase;
import dev.colsync.core.plan.ObjectNames;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class FlagCommandTest {
  private static final String MIGRATION = "users_full_name";

  @EachPostgres
  void setMovesOneStepAtATimeAndGetAndListShowIt(PostgresServer server) throws Exception {
    try (TestDatabase database = server.newDatabase(); Connection connection = database.connect()) {
      String url = database.jdbcUrl();
      expanded(connection, MIGRATION);
      expanded(connection, "orders_amount_cents");

      CommandRun unset = CommandRun.of("flag", "get", MIGRATION, "--url", url);
      assertThat(unset.exitCode()).isEqualTo(ExitCodes.OK);
      assertThat(unset.outLines()).containsExactly("OLD");
      assertThat(unset.errLines()).containsExactly("users_full_name has no flag, so it reads OLD");
      assertThat(CommandRun.of("flag", "list", "--url", url).outLines())
          .containsExactly("no read-path flag is set; every migration reads OLD");

      CommandRun shadow = CommandRun.of("flag", "set", MIGRATION, "shadow", "--url", url);
      assertThat(shadow.exitCode()).isEqualTo(ExitCodes.OK);
      assertThat(shadow.outLines()).containsExactly("users_full_name: OLD -> SHADOW");
      assertThat(shadow.err()).isEmpty();
      assertThat(JdbcFlagStore.read(connection, MIGRATION)).isEqualTo(ReadPath.SHADOW);

      assertThat(CommandRun.of("flag", "set", MIGRATION, "NEW", "--url", url).outLines())
          .containsExactly("users_full_name: SHADOW -> NEW");
      assertThat(CommandRun.of("flag", "set", MIGRATION, "NEW", "--url", url).outLines())
          .containsExactly("users_full_name already reads NEW");
      CommandRun get = CommandRun.of("flag", "get", MIGRATION, "--url", url);
      assertThat(get.outLines()).containsExactly("NEW");
      assertThat(get.err()).isEmpty();

      CommandRun.of("flag", "set", "orders_amount_cents", "SHADOW", "--url", url);
      CommandRun list = CommandRun.of("flag", "list", "--url", url);
      assertThat(list.exitCode()).isEqualTo(ExitCodes.OK);
      assertThat(list.outLines()).hasSize(2);
      assertThat(list.outLines()[0]).matches("orders_amount_cents  SHADOW  \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\dZ  .+");
      assertThat(list.outLines()[1]).matches("users_full_name      NEW     \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\dZ  .+");

      JsonNode flags = new ObjectMapper().readTree(CommandRun.of("flag", "list", "--url", url, "--json").out())
          .get("flags");
      assertThat(flags).hasSize(2);
      assertThat(flags.get(0).get("migration").asText()).isEqualTo("orders_amount_cents");
      assertThat(flags.get(0).get("readPath").asText()).isEqualTo("SHADOW");
      assertThat(flags.get(1).get("readPath").asText()).isEqualTo("NEW");
      assertThat(flags.get(1).get("updatedAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z");
      assertThat(flags.get(1).get("updatedBy").asText()).isNotEmpty();
    }
  }

  @EachPostgres
  void twoStepsAtOnceAreRefusedWithAWarningUnlessForced(PostgresServer server) throws Exception {
    try (TestDatabase database = server.newDatabase(); Connection connection = database.connect()) {
      String url = database.jdbcUrl();
      expanded(connection, MIGRATION);

      CommandRun refused = CommandRun.of("flag", "set", MIGRATION, "NEW", "--url", url);
      assertThat(refused.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
      assertThat(refused.out()).isEmpty();
      assertThat(refused.errLines()[0]).startsWith("warning: users_full_name: OLD -> NEW skips SHADOW");
      assertThat(refused.errLines()[1]).isEqualTo("users_full_name still reads OLD; set SHADOW first, or add --force");
      assertThat(JdbcFlagStore.read(connection, MIGRATION)).isEqualTo(ReadPath.OLD);

      CommandRun forced = CommandRun.of("flag", "set", MIGRATION, "NEW", "--force", "--url", url);
      assertThat(forced.exitCode()).isEqualTo(ExitCodes.OK);
      assertThat(forced.outLines()).containsExactly("users_full_name: OLD -> NEW");
      assertThat(JdbcFlagStore.read(connection, MIGRATION)).isEqualTo(ReadPath.NEW);

      CommandRun back = CommandRun.of("flag", "set", MIGRATION, "OLD", "--url", url);
      assertThat(back.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
      assertThat(back.errLines()[0]).startsWith("warning: users_full_name: NEW -> OLD skips SHADOW");
    }
  }

  @EachPostgres
  void aMigrationTheDatabaseDoesNotKnowIsRefusedUnlessForced(PostgresServer server) throws Exception {
    try (TestDatabase database = server.newDatabase(); Connection connection = database.connect()) {
      String url = database.jdbcUrl();

      CommandRun typo = CommandRun.of("flag", "set", "users_ful_name", "SHADOW", "--url", url);
      assertThat(typo.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
      assertThat(typo.errLines()).containsExactly("users_ful_name: no such migration in this database (no sync"
          + " trigger of its expand, no flag, no audit record); check the name against the spec's migration key,"
          + " or add --force to set it before expand");
      assertThat(JdbcFlagStore.list(connection)).isEmpty();

      CommandRun forced = CommandRun.of("flag", "set", "users_ful_name", "SHADOW", "--force", "--url", url);
      assertThat(forced.exitCode()).isEqualTo(ExitCodes.OK);
      assertThat(CommandRun.of("flag", "set", "users_ful_name", "NEW", "--url", url).exitCode())
          .as("flagged once, it is known").isEqualTo(ExitCodes.OK);
    }
  }

  @EachPostgres
  void removeDeletesAFlagOnlyOnceTheMigrationIsNotInProgress(PostgresServer server) throws Exception {
    try (TestDatabase database = server.newDatabase(); Connection connection = database.connect()) {
      String url = database.jdbcUrl();
      expanded(connection, MIGRATION);
      JdbcFlagStore.write(connection, MIGRATION, ReadPath.NEW);

      CommandRun refused = CommandRun.of("flag", "remove", MIGRATION, "--url", url);
      assertThat(refused.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
      assertThat(refused.errLines()).containsExactly("users_full_name is in progress (its sync trigger is in place):"
          + " without its flag every reader would read OLD; remove it after contract, or after rolling the migration"
          + " back entirely");
      assertThat(JdbcFlagStore.read(connection, MIGRATION)).isEqualTo(ReadPath.NEW);

      try (Statement statement = connection.createStatement()) {
        statement.execute("DROP TABLE public.\"expanded_" + MIGRATION + "\"");
      }
      CommandRun removed = CommandRun.of("flag", "remove", MIGRATION, "--url", url);
      assertThat(removed.exitCode()).isEqualTo(ExitCodes.OK);
      assertThat(removed.outLines()).containsExactly(
          "users_full_name: flag removed; a JdbcFlagSource still asking for it now reads OLD");
      assertThat(JdbcFlagStore.list(connection)).isEmpty();
      assertThat(CommandRun.of("flag", "remove", MIGRATION, "--url", url).outLines())
          .containsExactly("users_full_name has no flag");
    }
  }

  /** What flag set looks for of an expand: the migration's sync trigger on a table. */
  private static void expanded(Connection connection, String migration) throws Exception {
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE public.\"expanded_" + migration + "\" (id integer)");
      statement.execute("CREATE OR REPLACE FUNCTION public.nothing() RETURNS trigger LANGUAGE plpgsql"
          + " AS 'BEGIN RETURN NEW; END'");
      statement.execute("CREATE TRIGGER \"" + ObjectNames.forMigration(migration).syncTrigger() + "\" BEFORE INSERT"
          + " ON public.\"expanded_" + migration + "\" FOR EACH ROW EXECUTE FUNCTION public.nothing()");
    }
  }

  @Test
  void aBadMigrationNameOrPathIsBadInput() {
    CommandRun name = CommandRun.of("flag", "get", "Users", "--url", "jdbc:postgresql://localhost/none");
    CommandRun path = CommandRun.of("flag", "set", "users", "NEWER", "--url", "jdbc:postgresql://localhost/none");
    CommandRun noUrl = CommandRun.of("flag", "list");
    CommandRun noSubcommand = CommandRun.of("flag");

    assertThat(name.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(name.err()).contains("'Users' is not a migration name");
    assertThat(path.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(path.err()).contains("'NEWER' is not a read path; expected OLD, SHADOW or NEW");
    assertThat(noUrl.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(noUrl.err()).contains("Missing required option: '--url=JDBC'");
    assertThat(noSubcommand.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(noSubcommand.err()).contains("Missing required subcommand");
  }

  @Test
  void anUnreachableDatabaseIsAFailure() {
    CommandRun run = CommandRun.of("flag", "get", MIGRATION, "--url", "jdbc:postgresql://127.0.0.1:1/none?connectTimeout=2");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILURE);
    assertThat(run.errLines()).hasSize(1);
    assertThat(run.err()).startsWith("colsync: PSQLException: ");
  }

  @Test
  void everyFlagSubcommandHasHelp() {
    for (String subcommand : new String[] {"list", "get", "set", "remove"}) {
      CommandRun run = CommandRun.of("flag", subcommand, "--help");
      assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
      assertThat(run.out()).startsWith("Usage: colsync flag " + subcommand);
    }
  }
}
