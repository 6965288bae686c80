package dev.colsync.cli;

import dev.colsync.runtime.execution.ConnectionSource;
import java.sql.Connection;
import java.sql.SQLException;
import picocli.CommandLine.Option;

/** The {@code --url} option of the commands that work on a database. */
final class DatabaseUrl {

  @Option(names = "--url", required = true, paramLabel = "JDBC",
      description = "The database, e.g. jdbc:postgresql://db:5432/app?user=colsync (a password may come from"
          + " ~/.pgpass).")
  String url;

  ConnectionSource source() {
    return ConnectionSource.of(url);
  }

  Connection connect() throws SQLException {
    return source().open();
  }
}
