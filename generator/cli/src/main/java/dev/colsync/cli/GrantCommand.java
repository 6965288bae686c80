package dev.colsync.cli;

import dev.colsync.runtime.flag.InstanceReporter;
import dev.colsync.runtime.flag.JdbcFlagStore;
import dev.colsync.runtime.sql.SqlIdentifiers;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code colsync grant}: the privileges a role needs on colsync's own schema, printed or given. */
@Command(
    name = "grant",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
        "Prints the GRANT statements ROLE needs on the colsync schema, or runs them with --url.",
        "An application role reads the read-path flags (without them JdbcFlagSource reads OLD and says so at"
            + " ERROR level). With --runner, the role that runs migrations also records checks, audits, checkpoints"
            + " and flags there; it must own the migrated tables besides, which no GRANT can give."})
final class GrantCommand implements Callable<Integer> {

  @Spec
  CommandSpec command;

  @Parameters(index = "0", paramLabel = "ROLE", description = "The role, as the catalog spells it.")
  String role;

  @Option(names = "--runner", description = "The role runs migrations (colsync apply, psql, Flyway, Liquibase).")
  boolean runner;

  @Option(names = "--url", paramLabel = "JDBC", converter = JdbcUrl.class,
      description = "Run the statements in this database (creating the flag table if it is missing) instead of"
          + " printing them.")
  String url;

  @Override
  public Integer call() throws Exception {
    List<String> statements = statements(SqlIdentifiers.quote(role));
    PrintWriter out = command.commandLine().getOut();
    if (url == null) {
      statements.forEach(statement -> out.println(statement + ";"));
      out.flush();
      return ExitCodes.OK;
    }
    try (Connection connection = JdbcUrl.source(url).open()) {
      JdbcFlagStore.createTable(connection);
      InstanceReporter.createTable(connection);
      connection.setAutoCommit(false);
      try (Statement statement = connection.createStatement()) {
        for (String sql : statements) {
          statement.execute(sql);
        }
        connection.commit();
      } catch (SQLException e) {
        connection.rollback();
        throw e;
      }
    }
    out.println("granted " + role + " what " + (runner ? "a migration runner" : "an application") + " needs on the"
        + " colsync schema");
    out.flush();
    return ExitCodes.OK;
  }

  private List<String> statements(String grantee) {
    List<String> statements = new ArrayList<>();
    statements.add("GRANT USAGE ON SCHEMA colsync TO " + grantee);
    statements.add("GRANT SELECT ON " + JdbcFlagStore.TABLE + " TO " + grantee);
    statements.add("GRANT SELECT, INSERT, UPDATE, DELETE ON " + InstanceReporter.TABLE + " TO " + grantee);
    if (runner) {
      statements.add("GRANT CREATE ON SCHEMA colsync TO " + grantee);
      statements.add("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA colsync TO " + grantee);
    }
    return statements;
  }
}
