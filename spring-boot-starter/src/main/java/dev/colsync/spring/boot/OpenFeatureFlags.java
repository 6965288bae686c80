package dev.colsync.spring.boot;

import dev.colsync.runtime.flag.FlagSource;
import dev.colsync.runtime.flag.OpenFeatureFlagSource;
import dev.openfeature.sdk.Client;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.util.ClassUtils;

/** The OpenFeature flag source, kept apart so that nothing of OpenFeature loads when it is not on the class path. */
final class OpenFeatureFlags {
  private static final String CLIENT = "dev.openfeature.sdk.Client";

  private OpenFeatureFlags() {}

  static boolean available(ListableBeanFactory beans, ClassLoader classLoader) {
    return ClassUtils.isPresent(CLIENT, classLoader) && Clients.count(beans) > 0;
  }

  static FlagSource source(ListableBeanFactory beans, ClassLoader classLoader) {
    if (!ClassUtils.isPresent(CLIENT, classLoader)) {
      throw new IllegalStateException("colsync.flags.source=openfeature needs the OpenFeature SDK (dev.openfeature:sdk)"
          + " on the class path");
    }
    return Clients.source(beans);
  }

  /** Touches OpenFeature's types; loaded only once the SDK is known to be there. */
  private static final class Clients {
    static int count(ListableBeanFactory beans) {
      return beans.getBeanNamesForType(Client.class).length;
    }

    static FlagSource source(ListableBeanFactory beans) {
      return new OpenFeatureFlagSource(beans.getBean(Client.class));
    }
  }
}
