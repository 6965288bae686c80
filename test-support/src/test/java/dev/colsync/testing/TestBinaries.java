package dev.colsync.testing;

import java.nio.file.Path;

/** The embedded binaries of the first configured version, for tests of the embedded machinery itself. */
final class TestBinaries {

    private TestBinaries() {
    }

    static String version() {
        return ConfiguredVersions.fromSystemProperties().get(0);
    }

    static Path jar() {
        return LocalMavenRepository.fromSystemProperties().find(BinariesArtifact.forThisMachine(version()));
    }

    static Path extracted() {
        return BinaryCache.inTmp().binaries(version(), jar());
    }
}
