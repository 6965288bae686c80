package dev.colsync.core.spec;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Reads and validates YAML specs. Loading only reads: nothing is written anywhere.
 *
 * <p>Every problem in a spec is reported at once, each located by line, column and JSON pointer;
 * see {@link SpecProblem}.
 */
public final class SpecLoader {

  /**
   * Reads one spec file (UTF-8), reporting every problem at once.
   *
   * @param file the spec; its name is used, as given, as the spec's source and in problems
   * @throws SpecException when the spec is invalid (all problems, each located)
   * @throws IOException when the file cannot be read
   */
  public MigrationSpec load(Path file) throws SpecException, IOException {
    String displayName = file.toString();
    return load(displayName, decodeUtf8(displayName, Files.readAllBytes(file)));
  }

  /**
   * Reads one spec from text, reporting every problem at once.
   *
   * @param displayName names the spec in problems and becomes its {@link MigrationSpec#source()}
   * @param yamlText the spec's YAML
   * @throws SpecException when the spec is invalid (all problems, each located)
   */
  public MigrationSpec load(String displayName, String yamlText) throws SpecException {
    Problems problems = new Problems(displayName);
    String text = yamlText.startsWith("\uFEFF") ? yamlText.substring(1) : yamlText;
    Optional<MigrationSpec> spec = YamlTreeReader.read(text, problems)
        .flatMap(document -> new SpecReader(displayName, problems).read(document));
    if (!problems.isEmpty()) {
      throw new SpecException(problems.inFileOrder());
    }
    return spec.orElseThrow(() -> new IllegalStateException("spec neither read nor rejected: " + displayName));
  }

  private static String decodeUtf8(String displayName, byte[] bytes) throws SpecException {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      int line = 1;
      for (int i = 0; i < in.position(); i++) {
        if (bytes[i] == '\n') {
          line++;
        }
      }
      throw new SpecException(List.of(new SpecProblem(displayName, line, 0, "",
          "the file is not valid UTF-8 (byte " + (in.position() + 1) + ")", "a UTF-8 text file")));
    }
    decoder.flush(out);
    return out.flip().toString();
  }
}
