package dev.colsync.springjpa;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A Spring Boot application at version N: its entity maps the new column, amount_cents. */
@SpringBootApplication(proxyBeanMethods = false)
public class OrdersApplication {}
