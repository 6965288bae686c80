package dev.colsync.runtime.flag;

import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.FlagEvaluationDetails;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Read paths from an OpenFeature client, so that whatever provider the application runs (flagd,
 * Unleash, LaunchDarkly, ...) drives them. Migration {@code users_full_name} is the string flag
 * {@code colsync.read-path.users_full_name} (the prefix is configurable) with the value
 * {@code OLD}, {@code SHADOW} or {@code NEW}; any other value, and any evaluation error, reads OLD.
 *
 * <p>Each read is one evaluation by the client with its own evaluation context; how much that
 * costs is up to the provider. Needs the OpenFeature SDK ({@code dev.openfeature:sdk}).
 */
public final class OpenFeatureFlagSource implements FlagSource {
  public static final String DEFAULT_KEY_PREFIX = "colsync.read-path.";
  private static final String DEFAULT_VALUE = ReadPath.OLD.name();

  private final Client client;
  private final String keyPrefix;
  /** Flag keys by migration, built once so that a look-up does not build strings. */
  private final Map<String, String> keys = new ConcurrentHashMap<>();

  /** Flags named {@value #DEFAULT_KEY_PREFIX}{@code <migration>}. */
  public OpenFeatureFlagSource(Client client) {
    this(client, DEFAULT_KEY_PREFIX);
  }

  /** Flags named {@code keyPrefix + migration}. */
  public OpenFeatureFlagSource(Client client, String keyPrefix) {
    if (client == null || keyPrefix == null) {
      throw new NullPointerException(client == null ? "client" : "keyPrefix");
    }
    this.client = client;
    this.keyPrefix = keyPrefix;
  }

  /** The flag key that holds {@code migration}'s read path. */
  public String flagKey(String migration) {
    return keyPrefix + migration;
  }

  @Override
  public ReadPath readPath(String migration) {
    if (migration == null) {
      return ReadPath.OLD;
    }
    try {
      String key = keys.get(migration);
      if (key == null) {
        key = keys.computeIfAbsent(migration, this::flagKey);
      }
      FlagEvaluationDetails<String> details = client.getStringDetails(key, DEFAULT_VALUE);
      if (details == null || details.getErrorCode() != null) {
        return ReadPath.OLD;
      }
      return ReadPath.parseOrOld(details.getValue());
    } catch (RuntimeException e) {
      return ReadPath.OLD; // the SDK should not throw, but a provider or hook might
    }
  }
}
