package org.esphub.hub.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.esphub.dci.DciAnnexBundle;

/**
 * The annex and the hub's own operations ({@code openapi/hub-operations.yaml}) as one OpenAPI
 * model, paths still relative to the API base. The hub's file may add operations, components
 * and, on the annex's operations, responses; it may not change anything the annex says.
 */
final class DciOpenApiDocument {

    static final String HUB_OPERATIONS = "openapi/hub-operations.yaml";
    // the hub's referral list uses the standard's Pagination, which the annex itself does not use
    private static final List<String> COMMON_FILES_USED_BY_THE_HUB = List.of("../common/schema/Pagination.yaml");

    private DciOpenApiDocument() {
    }

    /** The merged document as a tree: what {@link #model} is read from. */
    static ObjectNode tree() {
        ObjectNode document = DciAnnexBundle.load(COMMON_FILES_USED_BY_THE_HUB);
        JsonNode hub = readHubOperations();
        hub.path("paths").properties().forEach(path -> {
            ObjectNode operations = document.withObjectProperty("paths").withObjectProperty(path.getKey());
            path.getValue().properties().forEach(operation -> {
                if (operations.has(operation.getKey())) {
                    addResponses(path.getKey() + " " + operation.getKey(), (ObjectNode) operations.get(operation.getKey()),
                            operation.getValue());
                } else {
                    operations.set(operation.getKey(), operation.getValue());
                }
            });
        });
        hub.path("components").properties().forEach(section -> {
            ObjectNode entries = document.withObjectProperty("components").withObjectProperty(section.getKey());
            section.getValue().properties().forEach(entry -> {
                if (entries.has(entry.getKey())) {
                    throw new IllegalStateException(HUB_OPERATIONS + " redefines the annex's " + section.getKey()
                            + "." + entry.getKey());
                }
                entries.set(entry.getKey(), entry.getValue());
            });
        });
        return document;
    }

    static OpenAPI model(JsonNode tree) {
        OpenAPI api = Json.mapper().convertValue(tree, OpenAPI.class);
        AnnexTypes.restore(api, tree);
        return api;
    }

    private static void addResponses(String operation, ObjectNode annex, JsonNode hub) {
        for (Map.Entry<String, JsonNode> field : hub.properties()) {
            if (!field.getKey().equals("responses")) {
                throw new IllegalStateException(HUB_OPERATIONS + " may only add responses to the annex's " + operation
                        + ", not " + field.getKey());
            }
        }
        ObjectNode responses = annex.withObjectProperty("responses");
        hub.path("responses").properties().forEach(response -> {
            if (responses.has(response.getKey())) {
                throw new IllegalStateException(HUB_OPERATIONS + " redefines the annex's response "
                        + response.getKey() + " of " + operation);
            }
            responses.set(response.getKey(), response.getValue());
        });
    }

    private static JsonNode readHubOperations() {
        try (InputStream in = DciOpenApiDocument.class.getClassLoader().getResourceAsStream(HUB_OPERATIONS)) {
            if (in == null) {
                throw new IllegalStateException(HUB_OPERATIONS + " is not on the classpath");
            }
            return new ObjectMapper(new YAMLFactory()).readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
