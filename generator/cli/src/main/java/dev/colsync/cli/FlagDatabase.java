package dev.colsync.cli;

import dev.colsync.runtime.flag.ReadPath;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** The checks of the {@code flag} subcommands' parameters (their {@code --url} is {@link DatabaseUrl}). */
final class FlagDatabase {
  static final String EXPECTED_MIGRATION = "1 to 63 lower-case letters, digits or _, e.g. users_full_name";
  private static final Pattern MIGRATION = Pattern.compile("[a-z0-9_]{1,63}");

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
