package dev.colsync.testing;

/** Where a test JVM's PostgreSQL servers come from, in the order they are looked for. */
enum ServerSource {
    /** The one server the environment variable {@value ServerPool#URL_VARIABLE} names. */
    EXTERNAL,
    /** Testcontainers, one {@code postgres:<major>} container per configured major version. */
    CONTAINERS,
    /** Embedded binaries from the local Maven repository, one server per configured version. */
    EMBEDDED
}
