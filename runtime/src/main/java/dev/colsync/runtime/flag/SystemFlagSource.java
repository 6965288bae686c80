package dev.colsync.runtime.flag;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * Read paths from system properties and environment variables. For migration {@code users_full_name}
 * the property {@code colsync.read-path.users_full_name} is read first, then the variable
 * {@code COLSYNC_READ_PATH_USERS_FULL_NAME}. The property is read on every call, so one set at
 * runtime takes effect at once; the environment, which cannot change, is read once per migration.
 * A missing or unknown value reads OLD.
 */
public final class SystemFlagSource implements FlagSource {
  public static final String PROPERTY_PREFIX = "colsync.read-path.";
  public static final String VARIABLE_PREFIX = "COLSYNC_READ_PATH_";

  private final UnaryOperator<String> properties;
  private final UnaryOperator<String> environment;
  /** Per migration, built once so that a look-up allocates nothing. */
  private final Map<String, Lookup> lookups = new ConcurrentHashMap<>();

  /** A migration's property name and its environment variable's value ({@code null} when unset). */
  private record Lookup(String property, String variableValue) {}

  /** Reads this JVM's system properties and environment. */
  public SystemFlagSource() {
    this(System::getProperty, System::getenv);
  }

  /** Reads {@code properties} and {@code environment}, each a look-up from name to value or {@code null}. */
  public SystemFlagSource(UnaryOperator<String> properties, UnaryOperator<String> environment) {
    if (properties == null || environment == null) {
      throw new NullPointerException(properties == null ? "properties" : "environment");
    }
    this.properties = properties;
    this.environment = environment;
  }

  /** The system property that holds {@code migration}'s read path. */
  public static String propertyName(String migration) {
    return PROPERTY_PREFIX + migration;
  }

  /** The environment variable that holds {@code migration}'s read path. */
  public static String variableName(String migration) {
    return VARIABLE_PREFIX + migration.toUpperCase(Locale.ROOT);
  }

  @Override
  public ReadPath readPath(String migration) {
    if (migration == null) {
      return ReadPath.OLD;
    }
    try {
      Lookup lookup = lookups.get(migration);
      if (lookup == null) {
        lookup = lookups.computeIfAbsent(migration,
            m -> new Lookup(propertyName(m), environment.apply(variableName(m))));
      }
      String value = properties.apply(lookup.property());
      return ReadPath.parseOrOld(value != null ? value : lookup.variableValue());
    } catch (RuntimeException e) {
      return ReadPath.OLD; // a security manager or a broken look-up: the rule says OLD
    }
  }
}
