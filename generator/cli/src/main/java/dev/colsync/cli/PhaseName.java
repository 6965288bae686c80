package dev.colsync.cli;

import java.util.Iterator;
import java.util.List;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The phases {@code --phase} accepts. A migration has only some of them (no validate phase without NOT
 * NULL; indexes and cutover come with in-place type changes; a catalog-only type change has alter-type alone);
 * the commands say so when asked for one it lacks.
 */
final class PhaseName {
  static final List<String> ALL =
      List.of("expand", "backfill", "indexes", "validate", "switch", "cutover", "contract", "alter-type");

  private PhaseName() {}

  static final class Converter implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      if (!ALL.contains(value)) {
        throw new TypeConversionException("'" + value + "' is not a phase; expected one of: " + String.join(", ", ALL));
      }
      return value;
    }
  }

  static final class Candidates implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return ALL.iterator();
    }
  }
}
