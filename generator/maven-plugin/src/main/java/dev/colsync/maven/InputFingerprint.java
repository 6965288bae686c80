package dev.colsync.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/** A hash of everything generation reads, so an unchanged build can skip the work. */
final class InputFingerprint {
  private final String hash;

  private InputFingerprint(String hash) {
    this.hash = hash;
  }

  /** The hash of the spec files (names and contents) and the settings, colsync's own version among them. */
  static InputFingerprint of(Path specDirectory, String settings) throws IOException {
    MessageDigest digest = sha256();
    update(digest, settings);
    List<Path> files;
    try (Stream<Path> walk = Files.walk(specDirectory)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    for (Path file : files) {
      update(digest, specDirectory.relativize(file).toString());
      digest.update(Files.readAllBytes(file));
    }
    return new InputFingerprint(HexFormat.of().formatHex(digest.digest()));
  }

  boolean matches(Path stamp) throws IOException {
    return Files.isRegularFile(stamp) && Files.readString(stamp, StandardCharsets.UTF_8).equals(hash);
  }

  void save(Path stamp) throws IOException {
    Files.createDirectories(stamp.getParent());
    Files.writeString(stamp, hash, StandardCharsets.UTF_8);
  }

  private static void update(MessageDigest digest, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
    digest.update((byte) ':');
    digest.update(bytes);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
    }
  }
}
