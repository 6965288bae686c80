package dev.colsync.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The {@code --json} output of the reading commands: one JSON document on standard output, timestamps in UTC
 * ISO-8601, absent values as {@code null}. Its shape is documented in the README and kept by tests.
 */
final class Json {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  static ArrayNode array() {
    return MAPPER.createArrayNode();
  }

  static ArrayNode strings(List<String> values) {
    ArrayNode array = array();
    values.forEach(array::add);
    return array;
  }

  /** {@code when} in UTC, e.g. {@code 2026-12-04T16:00:09.123456Z}; null stays null. */
  static String instant(OffsetDateTime when) {
    return when == null ? null
        : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(when.withOffsetSameInstant(ZoneOffset.UTC));
  }

  static String instant(Instant when) {
    return when == null ? null : when.toString();
  }

  static void print(PrintWriter out, JsonNode document) {
    try {
      out.println(MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(document));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
    out.flush();
  }
}
