package org.esphub.hub.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document at {@code /v3/api-docs} (Swagger UI at {@code /swagger-ui.html}): the
 * DCI Employment-SP API as the hub serves it. Only {@code /dci/**} is documented
 * ({@code springdoc.paths-to-match}); the engine REST API and the simulators have their own.
 */
@Configuration(proxyBeanMethods = false)
public class DciOpenApiConfiguration {

    @Bean
    OpenAPI dciOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("ESP Hub — DCI Employment-SP API")
                        .version(DciOpenApiDocument.tree().path("info").path("version").asText())
                        .description("The DCI Employment-SP annex (v1.0.0) as served by the ESP Hub, with the "
                                + "hub's own operations (marked ESP Hub). Request and response schemas are the "
                                + "annex's own."))
                // relative: the document is right for whichever host and port serves it, and
                // springdoc keeps a server list it is given instead of guessing one
                .servers(List.of(new Server().url("/").description("This hub")));
    }

    /**
     * @param tokenUrl where agencies get tokens: the hub's own issuer in the demo profile, an
     *     external identity provider's token endpoint elsewhere ({@code esp.api.token-url})
     */
    @Bean
    DciOpenApiCustomizer dciOpenApiCustomizer(@Value("${esp.api.token-url:"
            + "${spring.security.oauth2.authorizationserver.endpoint.token-uri:/oauth2/client/token}}") String tokenUrl) {
        return new DciOpenApiCustomizer(tokenUrl);
    }
}
