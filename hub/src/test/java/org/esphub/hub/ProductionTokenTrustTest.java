package org.esphub.hub;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.esphub.hub.support.EligiblePeople;
import org.esphub.hub.support.HubClient;
import org.esphub.hub.support.HubClient.Answer;
import org.esphub.hub.support.Referrals;
import org.esphub.simulators.population.SyntheticPopulation;
import org.esphub.simulators.tax.ContributionRegister;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The agency API as the production profile trusts tokens: no issuer of its own, the keys of an
 * external identity provider (here one of the test's own, serving its JWK set on loopback), and
 * issuer, audience and the client claim {@code azp} (Keycloak's) required.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = {
    "spring.autoconfigure.exclude="
        + "org.springframework.boot.autoconfigure.security.oauth2.server.servlet.OAuth2AuthorizationServerAutoConfiguration,"
        + "org.springframework.boot.autoconfigure.security.oauth2.server.servlet.OAuth2AuthorizationServerJwtAutoConfiguration",
    "esp.api.issuer.enabled=false",
    "esp.api.tokens.issuer=" + ProductionTokenTrustTest.ISSUER,
    "esp.api.tokens.audiences=" + ProductionTokenTrustTest.AUDIENCE,
    "esp.api.tokens.client-claim=azp",
    "esp.api.tokens.required=true"})
@ActiveProfiles({"demo", "it"})
@DirtiesContext
class ProductionTokenTrustTest {

    static final String ISSUER = "https://idp.test.example/realms/esp";
    static final String AUDIENCE = "esp-hub";
    private static final String REFERRALS = "/dci/employment/v1.0.0/referrals";
    private static final RSAKey KEY = rsaKey();
    private static final HttpServer IDENTITY_PROVIDER = identityProvider();

    @Value("${server.port}")
    private int port;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private SyntheticPopulation population;
    @Autowired
    private ContributionRegister register;

    private HubClient hub;

    @DynamicPropertySource
    static void identityProviderKeys(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
                () -> "http://127.0.0.1:" + IDENTITY_PROVIDER.getAddress().getPort() + "/certs");
    }

    @AfterAll
    static void stopIdentityProvider() {
        IDENTITY_PROVIDER.stop(0);
    }

    @BeforeEach
    void connect() {
        hub = new HubClient(port);
    }

    @Test
    void a_token_of_the_issuer_for_the_hub_is_accepted_and_its_azp_is_the_client() {
        String token = token(ISSUER, AUDIENCE, "sa-system");

        assertThat(hub.getWithToken(token, REFERRALS).status()).isEqualTo(200);
        // sa-system may send as sa.gov.example (esp.api.sender-ids); its sub, a service-account id, may not
        Answer sent = hub.postWithToken(token, REFERRALS,
                Referrals.forPerson(new EligiblePeople(population, register, jdbc).next()).json());
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
    }

    @Test
    void a_token_signed_by_the_trusted_key_but_from_another_issuer_is_refused_401() {
        Answer answer = hub.getWithToken(token("https://another-idp.example/realms/esp", AUDIENCE, "sa-system"),
                REFERRALS);

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.json().at("/errors/0/code").asText()).isEqualTo("err.request.unauthorized");
    }

    @Test
    void a_token_signed_by_the_trusted_key_but_for_another_audience_is_refused_401() {
        Answer answer = hub.getWithToken(token(ISSUER, "another-service", "sa-system"), REFERRALS);

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.json().at("/errors/0/code").asText()).isEqualTo("err.request.unauthorized");
    }

    @Test
    void a_token_that_names_no_client_is_refused_401() {
        assertThat(hub.getWithToken(token(ISSUER, AUDIENCE, null), REFERRALS).status()).isEqualTo(401);
    }

    private static String token(String issuer, String audience, String client) {
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder().issuer(issuer).audience(List.of(audience))
                .subject("7d3b9c1e-service-account-of-sa-system").claim("scope", "referral:create referral:read")
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(300));
        if (client != null) {
            claims.claim("azp", client);
        }
        NimbusJwtEncoder signer = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(KEY)));
        return signer.encode(JwtEncoderParameters.from(
                JwsHeader.with(SignatureAlgorithm.RS256).keyId(KEY.getKeyID()).build(), claims.build())).getTokenValue();
    }

    private static RSAKey rsaKey() {
        try {
            return new RSAKeyGenerator(2048).keyID("test-idp-key").generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Serves the public half of the key as a JWK set, as an identity provider's certs endpoint does. */
    private static HttpServer identityProvider() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            byte[] keys = new JWKSet(KEY.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            server.createContext("/certs", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, keys.length);
                try (OutputStream body = exchange.getResponseBody()) {
                    body.write(keys);
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
