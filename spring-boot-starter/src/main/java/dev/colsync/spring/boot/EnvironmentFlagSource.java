package dev.colsync.spring.boot;

import dev.colsync.runtime.flag.FlagSource;
import dev.colsync.runtime.flag.ReadPath;
import org.springframework.core.env.Environment;

/**
 * Read paths from the application's {@code colsync.read-path.<migration>} properties, as they are at each read:
 * fixed for a deploy (a version N-1 that maps only the old column says OLD). A missing or unknown value reads OLD.
 */
final class EnvironmentFlagSource implements FlagSource {
  private final Environment environment;

  EnvironmentFlagSource(Environment environment) {
    this.environment = environment;
  }

  @Override
  public ReadPath readPath(String migration) {
    return ReadPath.parseOrOld(environment.getProperty("colsync.read-path." + migration));
  }
}
