package dev.colsync.cli;

import dev.colsync.runtime.execution.ConnectionSource;
import java.sql.Connection;
import java.sql.SQLException;
import picocli.CommandLine.Option;

/** The {@code --url} option of the commands that work on a database. */
final class DatabaseUrl {

  @Option(names = "--url", required = true, paramLabel = "JDBC", converter = JdbcUrl.class,
      description = "The database, e.g. jdbc:postgresql://db:5432/app?user=colsync or postgresql://colsync@db/app"
          + " (a password may come from the URL, ~/.pgpass or PGPASSWORD).")
  String url;

  ConnectionSource source() {
    return JdbcUrl.source(url);
  }

  Connection connect() throws SQLException {
    return source().open();
  }
}
