package org.esphub.hub.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi30;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The schemas of the OpenAPI document the running hub publishes ({@code /v3/api-docs}), read in
 * the OpenAPI 3.0 dialect as the annex's are: what an integrator validates the hub's answers
 * against. The companion gives examples, not schemas; the hub's document holds its shapes.
 */
public final class PublishedSchemas {

    private final JsonSchemaFactory factory;
    private final SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().pathType(PathType.JSON_PATH)
            .formatAssertionsEnabled(true).build();
    private final String location;

    private PublishedSchemas(Path document) {
        JsonMetaSchema openApi = JsonMetaSchema.builder(OpenApi30.getInstance())
                .keywords(List.of(new NonValidationKeyword("openapi"), new NonValidationKeyword("info"),
                        new NonValidationKeyword("servers"), new NonValidationKeyword("tags"),
                        new NonValidationKeyword("paths"), new NonValidationKeyword("components"),
                        new NonValidationKeyword("security"), new NonValidationKeyword("x-tagGroups"),
                        new NonValidationKeyword("example")))
                .build();
        this.factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4,
                builder -> builder.metaSchema(openApi).defaultMetaSchemaIri(openApi.getIri()));
        this.location = document.toUri().toString();
    }

    /** The document as the operator downloads it. */
    public static PublishedSchemas of(HubClient hub) {
        JsonNode document = hub.raw().get().uri("/v3/api-docs")
                .headers(h -> h.setBasicAuth("admin", HubClient.DEMO_PASSWORD)).retrieve().body(JsonNode.class);
        try {
            Path file = Files.createTempFile("esp-hub-api-docs", ".json");
            file.toFile().deleteOnExit();
            Files.writeString(file, new ObjectMapper().writeValueAsString(document));
            return new PublishedSchemas(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return one line per violation of {@code #/components/schemas/<name>}, empty when {@code body} matches */
    public List<String> problems(String name, JsonNode body) {
        JsonSchema schema = factory.getSchema(SchemaLocation.of(location + "#/components/schemas/" + name), config);
        return schema.validate(body).stream().map(ValidationMessage::getMessage).sorted().toList();
    }
}
