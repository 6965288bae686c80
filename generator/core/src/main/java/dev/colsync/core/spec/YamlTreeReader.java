package dev.colsync.core.spec;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.colsync.core.spec.YamlNode.ScalarKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Parses YAML text into a {@link YamlNode} tree that knows where every key and value was written.
 *
 * <p>Scalars are typed as YAML 1.2 does: {@code yes}/{@code no}/{@code on}/{@code off} are strings,
 * and a key with nothing after it has a null value. Duplicate keys are reported here (keeping the
 * first value) so that parsing can go on and the rest of the spec still gets checked; syntax
 * errors, aliases and extra documents end the parse.
 */
final class YamlTreeReader {
  private static final YAMLFactory YAML = YAMLFactory.builder()
      .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL)
      .enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS)
      .build();

  private final Problems problems;
  private YAMLParser parser;

  private YamlTreeReader(Problems problems) {
    this.problems = problems;
  }

  /** The document's root value, or empty when the text is not one YAML document (reported). */
  static Optional<YamlNode> read(String text, Problems problems) {
    return new YamlTreeReader(problems).document(text);
  }

  private Optional<YamlNode> document(String text) {
    try (YAMLParser opened = YAML.createParser(text)) {
      parser = opened;
      JsonToken first = parser.nextToken();
      if (first == null) {
        problems.reportAt(SourcePosition.START, "", "the file is empty", "a YAML mapping of spec keys");
        return Optional.empty();
      }
      SourcePosition start = tokenPosition();
      YamlNode root = value("", start);
      if (parser.nextToken() != null) {
        problems.reportAt(
            tokenPosition(), "", "the file holds a second YAML document", "one spec (one document) per file");
        return Optional.empty();
      }
      return Optional.of(root);
    } catch (AliasFound alias) {
      problems.reportAt(
          alias.position, alias.pointer, "YAML aliases (*name) are not supported", "the value written out");
      return Optional.empty();
    } catch (JsonProcessingException e) {
      reportSyntaxError(e);
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("reading YAML from a string", e);
    }
  }

  /** Reads the value whose first token is the current one. */
  private YamlNode value(String pointer, SourcePosition keyPosition) throws IOException {
    SourcePosition position = tokenPosition();
    if (parser.isCurrentAlias()) {
      throw new AliasFound(pointer, position);
    }
    JsonToken token = parser.currentToken();
    return switch (token) {
      case START_OBJECT -> mapping(pointer, position, keyPosition);
      case START_ARRAY -> sequence(pointer, position, keyPosition);
      case VALUE_STRING -> scalar(pointer, position, keyPosition, ScalarKind.STRING);
      case VALUE_NUMBER_INT -> new YamlNode.Scalar(
          pointer, position, keyPosition, ScalarKind.INTEGER, parser.getText(), parser.getBigIntegerValue());
      case VALUE_NUMBER_FLOAT -> scalar(pointer, position, keyPosition, ScalarKind.DECIMAL);
      case VALUE_TRUE, VALUE_FALSE -> scalar(pointer, position, keyPosition, ScalarKind.BOOLEAN);
      case VALUE_NULL -> scalar(pointer, position, keyPosition, ScalarKind.NULL);
      default -> throw new IllegalStateException("unexpected YAML token " + token + " at " + position);
    };
  }

  private YamlNode.Scalar scalar(String pointer, SourcePosition position, SourcePosition keyPosition, ScalarKind kind)
      throws IOException {
    return new YamlNode.Scalar(pointer, position, keyPosition, kind, parser.getText(), null);
  }

  private YamlNode mapping(String pointer, SourcePosition position, SourcePosition keyPosition) throws IOException {
    Map<String, YamlNode> entries = new LinkedHashMap<>();
    Map<String, SourcePosition> keyPositions = new HashMap<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String key = parser.currentName();
      SourcePosition at = tokenPosition();
      String childPointer = pointer + "/" + escapePointerSegment(key);
      parser.nextToken();
      YamlNode child = value(childPointer, at);
      SourcePosition first = keyPositions.putIfAbsent(key, at);
      if (first == null) {
        entries.put(key, child);
      } else {
        problems.reportAt(at, childPointer,
            "duplicate key '" + key + "' (first at line " + first.line() + ", column " + first.column() + ")",
            "each key once");
      }
    }
    return new YamlNode.Mapping(pointer, position, keyPosition, entries);
  }

  private YamlNode sequence(String pointer, SourcePosition position, SourcePosition keyPosition) throws IOException {
    List<YamlNode> items = new ArrayList<>();
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      items.add(value(pointer + "/" + items.size(), tokenPosition()));
    }
    return new YamlNode.Sequence(pointer, position, keyPosition, items);
  }

  private SourcePosition tokenPosition() {
    JsonLocation location = parser.currentTokenLocation();
    return new SourcePosition(location.getLineNr(), location.getColumnNr());
  }

  /** RFC 6901: {@code ~} becomes {@code ~0} and {@code /} becomes {@code ~1}. */
  static String escapePointerSegment(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }

  private void reportSyntaxError(JsonProcessingException e) {
    if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
      Mark at = marked.getProblemMark();
      String message = "YAML syntax error: " + marked.getProblem();
      Mark context = marked.getContextMark();
      if (marked.getContext() != null && context != null) {
        message += " (" + marked.getContext() + " at line " + (context.getLine() + 1)
            + ", column " + (context.getColumn() + 1) + ")";
      }
      problems.reportAt(new SourcePosition(at.getLine() + 1, at.getColumn() + 1), "", message, "valid YAML");
      return;
    }
    JsonLocation location = e.getLocation();
    SourcePosition at = location == null
        ? SourcePosition.START
        : new SourcePosition(Math.max(location.getLineNr(), 0), Math.max(location.getColumnNr(), 0));
    problems.reportAt(at, "", "YAML syntax error: " + e.getOriginalMessage(), "valid YAML");
  }

  /** Ends the parse at an alias, which Jackson would otherwise read as the anchor's name. */
  private static final class AliasFound extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient SourcePosition position;
    private final String pointer;

    AliasFound(String pointer, SourcePosition position) {
      super(null, null, false, false);
      this.pointer = pointer;
      this.position = position;
    }
  }
}
