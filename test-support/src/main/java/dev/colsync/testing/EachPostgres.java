package dev.colsync.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the annotated test method once per server in {@link PostgresServers#all()}, named after the server
 * ("PostgreSQL 18.3"). The method takes one {@link PostgresServer} parameter (plus whatever else JUnit can resolve).
 *
 * <p>Equivalent to {@code @ParameterizedTest(name = "{0}")} with
 * {@code @MethodSource("dev.colsync.testing.PostgresServers#all")}.
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ParameterizedTest(name = "{0}")
@MethodSource("dev.colsync.testing.PostgresServers#all")
public @interface EachPostgres {
}
