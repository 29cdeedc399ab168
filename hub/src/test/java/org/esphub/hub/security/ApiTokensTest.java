package org.esphub.hub.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * The production trust of agency tokens, with a key and an issuer of the test's own (no identity
 * provider needed): a token signed by the trusted key is still refused when it comes from another
 * issuer, is meant for another audience or names no client.
 */
class ApiTokensTest {

    private static final String ISSUER = "https://idp.test.example/realms/esp";
    private static final String AUDIENCE = "esp-hub";

    private final KeyPair key = rsaKey();
    private final NimbusJwtEncoder signer = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(
            new RSAKey.Builder((RSAPublicKey) key.getPublic()).privateKey((RSAPrivateKey) key.getPrivate())
                    .keyID("test").build())));
    private final JwtDecoder keysOnly = NimbusJwtDecoder.withPublicKey((RSAPublicKey) key.getPublic()).build();
    private final ApiTokens production = new ApiTokens(
            new ApiTokenProperties(ISSUER, List.of(AUDIENCE), "azp", true));

    @Test
    void a_token_from_the_issuer_for_the_hub_is_accepted_and_names_its_client_by_the_configured_claim() {
        Jwt jwt = production.decoder(keysOnly).decode(token(ISSUER, AUDIENCE, "sa-system"));

        assertThat(production.converter().convert(jwt).getName()).isEqualTo("sa-system");
    }

    @Test
    void a_token_from_another_issuer_is_refused() {
        assertThatThrownBy(() -> production.decoder(keysOnly).decode(token("https://evil.example", AUDIENCE,
                "sa-system"))).isInstanceOf(JwtValidationException.class).hasMessageContaining("iss");
    }

    @Test
    void a_token_for_another_audience_is_refused() {
        assertThatThrownBy(() -> production.decoder(keysOnly).decode(token(ISSUER, "another-service",
                "sa-system"))).isInstanceOf(JwtValidationException.class).hasMessageContaining("aud");
    }

    @Test
    void a_token_that_names_no_client_is_refused() {
        assertThatThrownBy(() -> production.decoder(keysOnly).decode(token(ISSUER, AUDIENCE, null)))
                .isInstanceOf(JwtValidationException.class).hasMessageContaining("azp");
    }

    @Test
    void production_refuses_to_start_without_an_issuer_or_an_audience() {
        assertThatThrownBy(() -> new ApiTokenProperties(null, List.of(AUDIENCE), "azp", true))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ApiTokenProperties(ISSUER, List.of(" "), "azp", true))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void without_issuer_and_audience_configured_only_the_key_and_the_client_claim_count() {
        ApiTokens demo = new ApiTokens(new ApiTokenProperties(null, List.of(), "sub", false));
        String token = signer.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(),
                JwtClaimsSet.builder().subject("pes-system").expiresAt(Instant.now().plusSeconds(60)).build()))
                .getTokenValue();

        assertThat(demo.converter().convert(demo.decoder(keysOnly).decode(token)).getName()).isEqualTo("pes-system");
    }

    private String token(String issuer, String audience, String client) {
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder().issuer(issuer).audience(List.of(audience))
                .subject("5f0c7a2e-service-account").expiresAt(Instant.now().plusSeconds(60));
        if (client != null) {
            claims.claim("azp", client);
        }
        return signer.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(),
                claims.build())).getTokenValue();
    }

    private static KeyPair rsaKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
