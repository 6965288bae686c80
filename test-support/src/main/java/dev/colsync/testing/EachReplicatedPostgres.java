package dev.colsync.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the annotated test method once per configured PostgreSQL version with {@link ReplicationServers} of its
 * own, named "PostgreSQL 18.3.0 with replicas". The method takes one {@link ReplicationServers} parameter; its
 * servers start when the test asks for them and stop when the test ends.
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ParameterizedTest(name = "{0}")
@MethodSource("dev.colsync.testing.ReplicationServers#each")
public @interface EachReplicatedPostgres {
}
