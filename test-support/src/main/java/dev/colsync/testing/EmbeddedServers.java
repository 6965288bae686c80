package dev.colsync.testing;

import java.nio.file.Path;

/** Servers run from the embedded binaries in the local Maven repository, one cluster per version. */
final class EmbeddedServers {

    private EmbeddedServers() {
    }

    static PostgresServer start(String version) {
        BinariesArtifact artifact = BinariesArtifact.forThisMachine(version);
        Path jar = LocalMavenRepository.fromSystemProperties().find(artifact);
        Path binaries = BinaryCache.inTmp().binaries(version, jar);
        LocalCluster cluster = LocalCluster.start(binaries, ServerUser.current());
        Runtime.getRuntime().addShutdownHook(new Thread(cluster::stop, "colsync-pg-stop-" + version));
        try {
            return PostgresServer.at(cluster.jdbcUrl());
        } catch (RuntimeException e) {
            cluster.stop();
            throw e;
        }
    }
}
