package com.example.orders;

import dev.colsync.runtime.flag.FlagSource;
import dev.colsync.runtime.shim.MicrometerReadPathObserver;
import dev.colsync.runtime.shim.ShimOptions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The shim the colsync plugin generated from {@code src/main/colsync/orders_amount_cents.yaml}, as a bean: the
 * starter's statement inspector rewrites Hibernate's reads of {@code amount_cents} by it, and its SHADOW
 * comparisons are counted on the application's meter registry.
 */
@Configuration(proxyBeanMethods = false)
class ColsyncShims {
  @Bean
  OrderAmounts orderAmounts(FlagSource flags, MicrometerReadPathObserver observer) {
    return new OrderAmounts(ShimOptions.of(flags).observedBy(observer));
  }
}
