package org.esphub.hub.openapi;

import static org.esphub.hub.security.ApiSecurityConfiguration.API_BASE;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Replaces what springdoc would derive from the controller (which takes raw String bodies, so
 * its schemas would be empty) with the annex itself: its five operations under the hub's base
 * path with their exact schemas and components, the hub's further operations, and the OAuth2
 * client-credentials scheme with the scope each operation needs. The annex's bearer scheme
 * ({@code Authorization}) stays, as an alternative for callers that already hold a token.
 */
public class DciOpenApiCustomizer implements OpenApiCustomizer {

    static final String CLIENT_CREDENTIALS = "ClientCredentials";
    private static final String ANNEX_BEARER = "Authorization";
    private static final String ERROR_RESPONSE = "#/components/responses/HttpErrorResponse";

    private final String tokenUrl;
    private final JsonNode tree;

    public DciOpenApiCustomizer(String tokenUrl) {
        this.tokenUrl = tokenUrl;
        // read now: a broken annex or hub file stops the start, not the first documentation request
        this.tree = DciOpenApiDocument.tree();
        customise(new OpenAPI());
    }

    @Override
    public void customise(OpenAPI openApi) {
        // a fresh model each time: springdoc may customise more than one document instance
        OpenAPI annex = DciOpenApiDocument.model(tree);
        Map<String, List<String>> operationsByScope = new TreeMap<>();
        Paths paths = new Paths();
        annex.getPaths().forEach((path, item) -> {
            item.readOperationsMap().forEach((method, operation) -> {
                String scope = OperationScopes.of(method.name(), path);
                operationsByScope.computeIfAbsent(scope, s -> new ArrayList<>()).add(method + " " + path);
                secure(operation, scope);
            });
            paths.addPathItem(API_BASE + path, item);
        });
        Components components = annex.getComponents();
        components.addSecuritySchemes(CLIENT_CREDENTIALS, clientCredentials(operationsByScope));
        openApi.setPaths(paths);
        openApi.setComponents(components);
        openApi.setTags(tags(annex));
        openApi.setExtensions(annex.getExtensions());
    }

    private static void secure(Operation operation, String scope) {
        List<SecurityRequirement> security = new ArrayList<>();
        security.add(new SecurityRequirement().addList(ANNEX_BEARER));
        security.add(new SecurityRequirement().addList(CLIENT_CREDENTIALS, scope));
        operation.setSecurity(security);
        // the security filters answer these for every operation, in the standard's error format
        for (String status : List.of("401", "403")) {
            if (operation.getResponses().get(status) == null) {
                operation.getResponses().addApiResponse(status, new ApiResponse().$ref(ERROR_RESPONSE));
            }
        }
    }

    private SecurityScheme clientCredentials(Map<String, List<String>> operationsByScope) {
        Scopes scopes = new Scopes();
        operationsByScope.forEach((scope, operations) -> scopes.addString(scope, String.join(", ", operations)));
        return new SecurityScheme()
                .type(SecurityScheme.Type.OAUTH2)
                .description("Agency systems get a token with their client id and secret (HTTP basic or form) "
                        + "and the scopes of the operations they call.")
                .flows(new OAuthFlows().clientCredentials(new OAuthFlow().tokenUrl(tokenUrl).scopes(scopes)));
    }

    private static List<Tag> tags(OpenAPI annex) {
        List<Tag> tags = new ArrayList<>(annex.getTags() == null ? List.of() : annex.getTags());
        tags.add(new Tag().name("Notifications").description("Notifications between agencies (ESP Hub)"));
        tags.add(new Tag().name("Social assistance access").description("PES refers its clients to SA (ESP Hub)"));
        tags.add(new Tag().name("Youth transition").description("SA refers young people of the households it supports to PES (ESP Hub)"));
        tags.add(new Tag().name("Return to work").description("SA refers people on sickness or injury benefit back to work (ESP Hub)"));
        tags.add(new Tag().name("Webhooks").description("Callback subscriptions (ESP Hub)"));
        return tags;
    }
}
