package dev.colsync.core.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The published JSON Schema and the loader agree on which specs are valid. */
class SpecSchemaTest {
  private static final String SCHEMA_RESOURCE = "/dev/colsync/core/spec/colsync-spec.schema.json";
  private static final Path SPECS = Path.of("src/test/resources/specs");

  /** Reads YAML as the loader does (YAML 1.2 booleans, a key without value is null). */
  private static final YAMLMapper YAML = new YAMLMapper(YAMLFactory.builder()
      .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL)
      .enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS)
      .build());

  private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
  private static final JsonSchema SCHEMA = loadSchema();

  private final SpecLoader loader = new SpecLoader();

  static Stream<Path> validSpecs() throws IOException {
    return specsIn("valid");
  }

  static Stream<Path> invalidSpecs() throws IOException {
    return specsIn("invalid");
  }

  @Test
  void schemaIsAValidDraft202012Schema() throws IOException {
    JsonSchema metaSchema = SCHEMAS.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));

    assertThat(metaSchema.validate(schemaJson())).isEmpty();
  }

  @Test
  void schemaNamesItself() throws IOException {
    JsonNode schema = schemaJson();

    assertThat(schema.get("$id").asText()).isEqualTo("https://colsync.dev/schema/colsync-spec.schema.json");
    assertThat(schema.get("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
  }

  @Test
  void everyKeyHasATitleAndDescription() throws IOException {
    assertEveryPropertyDescribed(schemaJson(), "");
  }

  @ParameterizedTest
  @MethodSource("validSpecs")
  void validSpecsPassBothLoaderAndSchema(Path spec) throws IOException {
    assertThatCode(() -> loader.load(spec)).doesNotThrowAnyException();
    assertThat(validate(spec)).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("invalidSpecs")
  void invalidSpecsFailBothLoaderAndSchema(Path spec) throws IOException {
    assertThatThrownBy(() -> loader.load(spec)).isInstanceOf(SpecException.class);
    assertThat(validate(spec)).isNotEmpty();
  }

  private static Set<ValidationMessage> validate(Path spec) throws IOException {
    return SCHEMA.validate(YAML.readTree(spec.toFile()));
  }

  private static void assertEveryPropertyDescribed(JsonNode schema, String path) {
    JsonNode properties = schema.get("properties");
    if (properties != null) {
      properties.properties().forEach(property -> {
        String where = path + "/" + property.getKey();
        JsonNode definition = property.getValue();
        boolean described = definition.has("title") && definition.has("description");
        // A property under "then" or "not" only narrows one that is described where it is declared.
        boolean refinement = path.contains("/then") || path.contains("/not");
        assertThat(described || refinement).as("title and description of %s", where).isTrue();
        assertEveryPropertyDescribed(definition, where);
      });
    }
    for (String nested : new String[] {"$defs", "then", "not"}) {
      JsonNode child = schema.get(nested);
      if (child == null) {
        continue;
      }
      if (nested.equals("$defs")) {
        child.properties()
            .forEach(def -> assertEveryPropertyDescribed(def.getValue(), path + "/$defs/" + def.getKey()));
      } else {
        assertEveryPropertyDescribed(child, path + "/" + nested);
      }
    }
  }

  private static Stream<Path> specsIn(String folder) throws IOException {
    try (Stream<Path> files = Files.list(SPECS.resolve(folder))) {
      return files.filter(file -> file.toString().endsWith(".yaml")).sorted().toList().stream();
    }
  }

  private static JsonNode schemaJson() throws IOException {
    try (InputStream in = SpecSchemaTest.class.getResourceAsStream(SCHEMA_RESOURCE)) {
      assertThat(in).as(SCHEMA_RESOURCE).isNotNull();
      return new ObjectMapper().readTree(in);
    }
  }

  private static JsonSchema loadSchema() {
    try {
      return SCHEMAS.getSchema(schemaJson());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
