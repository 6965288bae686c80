package dev.colsync.testing;

import java.nio.file.Path;

/** Servers run from the embedded binaries in the local Maven repository, one cluster per version. */
final class EmbeddedServers {

    private EmbeddedServers() {
    }

    static PostgresServer start(String version) {
        LocalCluster cluster = LocalCluster.start(binaries(version), ServerUser.current());
        Runtime.getRuntime().addShutdownHook(new Thread(cluster::stop, "colsync-pg-stop-" + version));
        try {
            return PostgresServer.at(cluster.jdbcUrl());
        } catch (RuntimeException e) {
            cluster.stop();
            throw e;
        }
    }

    /** The extracted binaries of {@code version} (bin/, lib/, share/), from the local Maven repository. */
    static Path binaries(String version) {
        Path jar = LocalMavenRepository.fromSystemProperties().find(BinariesArtifact.forThisMachine(version));
        return BinaryCache.inTmp().binaries(version, jar);
    }
}
