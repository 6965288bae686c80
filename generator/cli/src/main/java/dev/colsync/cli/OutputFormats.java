package dev.colsync.cli;

import dev.colsync.core.output.OutputFormat;
import java.util.Arrays;
import java.util.Iterator;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@link OutputFormat}s on the command line are named by their lower-case {@link OutputFormat#id() id}. */
final class OutputFormats {
  private OutputFormats() {}

  static final class Converter implements ITypeConverter<OutputFormat> {
    @Override
    public OutputFormat convert(String value) {
      return Arrays.stream(OutputFormat.values())
          .filter(format -> format.id().equals(value))
          .findFirst()
          .orElseThrow(() -> new TypeConversionException(
              "'" + value + "' is not a format; expected one of: " + String.join(", ", new Ids())));
    }
  }

  static final class Ids implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Arrays.stream(OutputFormat.values()).map(OutputFormat::id).iterator();
    }
  }
}
