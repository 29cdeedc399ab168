package org.esphub.dci;

import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.Keyword;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.oas.OpenApi30;
import java.util.List;

/**
 * Loads schemas out of the vendored DCI files (OpenAPI 3.0 dialect), shared by the request and
 * response validators so both read the standard the same way, and the companion operations' own
 * schemas (JSON Schema 2020-12), reported with the same JSON paths.
 */
final class DciSchemas {

    /**
     * Sections of OpenAPI documents and response objects that hold schemas but are not
     * validation keywords; declared so they are not logged as unknown keywords.
     */
    private static final List<String> OPENAPI_SECTIONS = List.of("openapi", "info", "servers", "tags",
            "x-tagGroups", "paths", "components", "security", "content");

    private final JsonSchemaFactory factory;
    private final JsonSchemaFactory companionFactory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private final SchemaValidatorsConfig config;

    DciSchemas() {
        JsonMetaSchema openApi = JsonMetaSchema.builder(OpenApi30.getInstance())
                .keywords(OPENAPI_SECTIONS.stream().<Keyword>map(NonValidationKeyword::new).toList())
                .build();
        factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4,
                builder -> builder.metaSchema(openApi).defaultMetaSchemaIri(openApi.getIri()));
        config = SchemaValidatorsConfig.builder()
                .pathType(PathType.JSON_PATH)
                .formatAssertionsEnabled(true)
                .build();
    }

    /** The schema at {@code pointer} inside {@code file}, every $ref resolved now (fail at start-up). */
    JsonSchema load(String file, String pointer) {
        JsonSchema schema = factory.getSchema(SchemaLocation.of(file + "#" + pointer), config);
        schema.initializeValidators();
        return schema;
    }

    /** A companion operation's schema, every $ref resolved now (fail at start-up). */
    JsonSchema load(CompanionOperation operation) {
        JsonSchema schema = companionFactory.getSchema(SchemaLocation.of("classpath:" + operation.schema()), config);
        schema.initializeValidators();
        return schema;
    }
}
