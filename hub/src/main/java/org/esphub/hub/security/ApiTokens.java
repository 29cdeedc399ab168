package org.esphub.hub.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;

/**
 * Which bearer tokens the API accepts and whom they name. The key check is the decoder's (the
 * demo issuer's own keys, or the identity provider's JWK set in production); on top of it a token
 * must come from the configured issuer, for one of the configured audiences, and name its client
 * in the configured claim, which then is the caller's name everywhere ({@code sender_id} binding,
 * "only the referrals it sent", webhook ownership). Any failure is a 401.
 */
public class ApiTokens {

    private final ApiTokenProperties properties;
    private final OAuth2TokenValidator<Jwt> claims;

    public ApiTokens(ApiTokenProperties properties) {
        this.properties = properties;
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        if (properties.issuer() != null) {
            validators.add(new JwtIssuerValidator(properties.issuer()));
        }
        if (!properties.audiences().isEmpty()) {
            List<String> accepted = properties.audiences();
            validators.add(new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                    audience -> audience != null && audience.stream().anyMatch(accepted::contains)));
        }
        String clientClaim = properties.clientClaim();
        validators.add(new JwtClaimValidator<Object>(clientClaim,
                client -> client instanceof String name && !name.isBlank()));
        this.claims = new DelegatingOAuth2TokenValidator<>(validators);
    }

    /** The key-checking decoder, with the issuer, audience and client claim checked as well. */
    public JwtDecoder decoder(JwtDecoder keysOnly) {
        return token -> {
            Jwt jwt = keysOnly.decode(token);
            OAuth2TokenValidatorResult result = claims.validate(jwt);
            if (result.hasErrors()) {
                throw new JwtValidationException("the token is not for this hub: " + result.getErrors().stream()
                        .map(error -> error.getDescription()).toList(), result.getErrors());
            }
            return jwt;
        };
    }

    /** Scopes as {@code SCOPE_x} authorities; the caller's name from the client claim. */
    public JwtAuthenticationConverter converter() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setPrincipalClaimName(properties.clientClaim());
        return converter;
    }
}
