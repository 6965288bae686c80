package dev.colsync.cli;

import dev.colsync.core.plan.ObjectNames;
import dev.colsync.runtime.flag.JdbcFlagStore;
import dev.colsync.runtime.flag.ReadPath;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** The checks of the {@code flag} subcommands' parameters (their {@code --url} is {@link DatabaseUrl}). */
final class FlagDatabase {
  static final String EXPECTED_MIGRATION = "1 to 63 lower-case letters, digits or _, e.g. users_full_name";
  private static final Pattern MIGRATION = Pattern.compile("[a-z0-9_]{1,63}");

  /** Whether {@code migration}'s sync trigger is on a table of the database: expanded, not contracted. */
  static boolean inProgress(Connection connection, String migration) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(
        "SELECT EXISTS (SELECT FROM pg_catalog.pg_trigger WHERE tgname = ?)")) {
      select.setString(1, ObjectNames.forMigration(migration).syncTrigger());
      try (ResultSet row = select.executeQuery()) {
        row.next();
        return row.getBoolean(1);
      }
    }
  }

  /** Whether the database knows {@code migration}: in progress, flagged, or in colsync's audit log. */
  static boolean known(Connection connection, String migration) throws SQLException {
    if (inProgress(connection, migration)
        || JdbcFlagStore.list(connection).stream().anyMatch(flag -> flag.migration().equals(migration))) {
      return true;
    }
    try (PreparedStatement select = connection.prepareStatement("SELECT pg_catalog.to_regclass('colsync.audit_log')"
        + " IS NOT NULL")) {
      try (ResultSet row = select.executeQuery()) {
        row.next();
        if (!row.getBoolean(1)) {
          return false;
        }
      }
    }
    try (PreparedStatement select = connection.prepareStatement(
        "SELECT EXISTS (SELECT FROM colsync.audit_log WHERE migration = ?)")) {
      select.setString(1, migration);
      try (ResultSet row = select.executeQuery()) {
        row.next();
        return row.getBoolean(1);
      }
    }
  }

  /** A migration name as the specs allow it. */
  static final class MigrationName implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      if (!MIGRATION.matcher(value).matches()) {
        throw new TypeConversionException("'" + value + "' is not a migration name; expected " + EXPECTED_MIGRATION);
      }
      return value;
    }
  }

  /** OLD, SHADOW or NEW, in any case. */
  static final class Path implements ITypeConverter<ReadPath> {
    @Override
    public ReadPath convert(String value) {
      return ReadPath.parse(value).orElseThrow(
          () -> new TypeConversionException("'" + value + "' is not a read path; expected OLD, SHADOW or NEW"));
    }
  }
}
