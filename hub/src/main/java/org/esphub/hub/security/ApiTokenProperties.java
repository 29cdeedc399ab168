package org.esphub.hub.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code esp.api.tokens}: what an agency's bearer token must say besides being signed by a
 * trusted key.
 *
 * @param issuer the {@code iss} every token must carry; unchecked where empty
 * @param audiences accepted {@code aud} values, a token must name one; unchecked where empty
 * @param clientClaim the claim naming the calling client: {@code sub} for Spring Authorization
 *        Server's client-credentials tokens (the demo issuer), {@code azp} for Keycloak,
 *        {@code client_id} for issuers following RFC 9068
 * @param required whether the hub refuses to start without an issuer and an audience (production)
 */
@ConfigurationProperties("esp.api.tokens")
public record ApiTokenProperties(
        String issuer,
        @DefaultValue List<String> audiences,
        @DefaultValue("sub") String clientClaim,
        @DefaultValue("false") boolean required) {

    public ApiTokenProperties {
        audiences = audiences.stream().map(String::strip).filter(audience -> !audience.isEmpty()).toList();
        issuer = issuer == null || issuer.isBlank() ? null : issuer.strip();
        if (clientClaim == null || clientClaim.isBlank()) {
            throw new IllegalArgumentException("esp.api.tokens.client-claim must name a claim");
        }
        if (required && (issuer == null || audiences.isEmpty())) {
            throw new IllegalArgumentException("esp.api.tokens: an issuer and at least one audience are required"
                    + " (ESP_API_JWT_ISSUER, ESP_API_JWT_AUDIENCES in the production profile)");
        }
    }
}
