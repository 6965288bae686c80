package dev.colsync.core.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A public sample database the corpus changes, recreated by the scripts under
 * {@code src/test/resources/corpus/<name>/} (each with the original's NOTICE and licence).
 */
enum SampleDatabase {
  EMPLOYEES("employees"),
  ADVENTUREWORKS("adventureworks"),
  STACKEXCHANGE("stackexchange");

  private final String directory;

  SampleDatabase(String directory) {
    this.directory = directory;
  }

  /** Creates the schema and its rows on an empty database. */
  void load(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(resource("schema.sql"));
      statement.execute(resource("data.sql"));
      statement.execute("ANALYZE");
    }
  }

  private String resource(String file) {
    String path = "/corpus/" + directory + "/" + file;
    try (InputStream in = SampleDatabase.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String toString() {
    return directory;
  }
}
