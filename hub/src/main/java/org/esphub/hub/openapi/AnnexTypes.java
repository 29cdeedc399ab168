package org.esphub.hub.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Undoes a liberty swagger-core's model takes when it reads a document: a schema without
 * {@code type} comes back as {@code type: object}. The annex has such schemas (e.g.
 * {@code {enum: [create-referral]}} for {@code header.action}, {@code errors} with only
 * {@code items}), and {@code type: object} there would tell clients the opposite of the standard.
 * Walks the model beside the tree it was read from and clears every type the tree does not have.
 */
final class AnnexTypes {

    private AnnexTypes() {
    }

    static void restore(OpenAPI api, JsonNode document) {
        JsonNode components = document.path("components");
        if (api.getComponents() != null) {
            each(api.getComponents().getSchemas(), components.path("schemas"), AnnexTypes::schema);
            each(api.getComponents().getResponses(), components.path("responses"), AnnexTypes::response);
            each(api.getComponents().getParameters(), components.path("parameters"), AnnexTypes::parameter);
            each(api.getComponents().getHeaders(), components.path("headers"),
                    (header, node) -> schema(header.getSchema(), node.path("schema")));
        }
        each(api.getPaths(), document.path("paths"), (path, node) -> path.readOperationsMap().forEach(
                (method, operation) -> operation(operation, node.path(method.name().toLowerCase(Locale.ROOT)))));
    }

    private static void operation(Operation operation, JsonNode node) {
        List<Parameter> parameters = operation.getParameters();
        for (int i = 0; parameters != null && i < parameters.size(); i++) {
            parameter(parameters.get(i), node.path("parameters").path(i));
        }
        if (operation.getRequestBody() != null) {
            content(operation.getRequestBody().getContent(), node.path("requestBody").path("content"));
        }
        each(operation.getResponses(), node.path("responses"), AnnexTypes::response);
    }

    private static void response(ApiResponse response, JsonNode node) {
        content(response.getContent(), node.path("content"));
    }

    private static void parameter(Parameter parameter, JsonNode node) {
        schema(parameter.getSchema(), node.path("schema"));
        content(parameter.getContent(), node.path("content"));
    }

    private static void content(Content content, JsonNode node) {
        each(content, node, (media, mediaNode) -> schema(media.getSchema(), mediaNode.path("schema")));
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void schema(Schema schema, JsonNode node) {
        if (schema == null || !node.isObject()) {
            return;
        }
        if (!node.has("type")) {
            schema.setType(null);
            // the 3.1 form of the same liberty
            schema.setTypes(null);
        }
        each((Map<String, Schema>) schema.getProperties(), node.path("properties"), AnnexTypes::schema);
        schema(schema.getItems(), node.path("items"));
        schema(schema.getNot(), node.path("not"));
        if (schema.getAdditionalProperties() instanceof Schema additional) {
            schema(additional, node.path("additionalProperties"));
        }
        list(schema.getAllOf(), node.path("allOf"));
        list(schema.getAnyOf(), node.path("anyOf"));
        list(schema.getOneOf(), node.path("oneOf"));
    }

    @SuppressWarnings("rawtypes")
    private static void list(List<Schema> schemas, JsonNode node) {
        for (int i = 0; schemas != null && i < schemas.size(); i++) {
            schema(schemas.get(i), node.path(i));
        }
    }

    private static <T> void each(Map<String, T> entries, JsonNode node, Walk<T> walk) {
        if (entries != null) {
            entries.forEach((name, entry) -> walk.apply(entry, node.path(name)));
        }
    }

    private interface Walk<T> {
        void apply(T entry, JsonNode node);
    }
}
