package org.esphub.hub.signatures;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** {@code esp.signatures} as the hub binds it at start-up: a bad entry stops it, naming the entry. */
class SignaturePropertiesTest {

    private static final String DEMO_KEY = "MCowBQYDK2VwAyEA1TFbA4XGoda298hUsj1XXeh8ao/nlO/yaJ2kASaqxzA=";

    private final ApplicationContextRunner hub = new ApplicationContextRunner()
            .withUserConfiguration(Binding.class);

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(SignatureProperties.class)
    static class Binding {
    }

    private static String startupFailure(ApplicationContextRunner runner) {
        String[] message = new String[1];
        runner.run(context -> {
            assertThat(context).hasFailed();
            Throwable cause = context.getStartupFailure();
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            message[0] = cause.getMessage();
        });
        return message[0];
    }

    /** The hub binding {@code esp.signatures} from one of its profile files. */
    private ApplicationContextRunner withProfileFile(String file) throws IOException {
        List<PropertySource<?>> sources = new YamlPropertySourceLoader().load(file, new ClassPathResource(file));
        return hub.withInitializer(context -> sources.forEach(source ->
                context.getEnvironment().getPropertySources().addLast(source)));
    }

    @Test
    void the_production_profile_requires_every_sender_to_sign_except_those_exempted_and_the_demo_none()
            throws IOException {
        withProfileFile("application-production.yaml").run(context -> {
            SignatureProperties production = context.getBean(SignatureProperties.class);
            assertThat(production.requiredForAll()).isTrue();
            assertThat(production.exemptSenders()).isEmpty();
            assertThat(production.maxValidity()).hasHours(24);
        });
        withProfileFile("application-production.yaml")
                .withPropertyValues("ESP_SIGNATURES_EXEMPT_SENDERS=legacy.gov.example,old.gov.example")
                .run(context -> assertThat(context.getBean(SignatureProperties.class).exemptSenders())
                        .containsExactly("legacy.gov.example", "old.gov.example"));
        withProfileFile("application-demo.yaml").run(context ->
                assertThat(context.getBean(SignatureProperties.class).requiredForAll()).isFalse());
    }

    @Test
    void registered_keys_are_decoded_and_found_by_sender_and_key_id() {
        hub.withPropertyValues(
                "esp.signatures.keys[0].sender-id=sa.gov.example",
                "esp.signatures.keys[0].key-id=demo-2026",
                "esp.signatures.keys[0].public-key=" + DEMO_KEY,
                "esp.signatures.required-senders[0]=sa.gov.example")
                .run(context -> {
                    SignatureProperties properties = context.getBean(SignatureProperties.class);
                    assertThat(properties.senderKeys().find("sa.gov.example", "demo-2026")).isPresent();
                    assertThat(properties.senderKeys().find("sa.gov.example", "other")).isEmpty();
                    assertThat(properties.clockSkew()).hasSeconds(60);
                    assertThat(properties.requiredClients()).isEmpty();
                });
    }

    @Test
    void a_key_that_is_not_an_ed25519_public_key_stops_the_hub_naming_the_key() {
        String failure = startupFailure(hub.withPropertyValues(
                "esp.signatures.keys[0].sender-id=sa.gov.example",
                "esp.signatures.keys[0].key-id=demo-2026",
                "esp.signatures.keys[0].public-key=" + DEMO_KEY,
                "esp.signatures.keys[1].sender-id=pes.gov.example",
                "esp.signatures.keys[1].key-id=pes-1",
                "esp.signatures.keys[1].public-key=bm90IGEga2V5"));

        assertThat(failure).contains("esp.signatures.keys[1]", "key 'pes-1' of sender 'pes.gov.example'",
                "not an Ed25519 public key");
    }

    @Test
    void a_key_registered_twice_stops_the_hub() {
        String failure = startupFailure(hub.withPropertyValues(
                "esp.signatures.keys[0].sender-id=sa.gov.example",
                "esp.signatures.keys[0].key-id=demo-2026",
                "esp.signatures.keys[0].public-key=" + DEMO_KEY,
                "esp.signatures.keys[1].sender-id=sa.gov.example",
                "esp.signatures.keys[1].key-id=demo-2026",
                "esp.signatures.keys[1].public-key=" + DEMO_KEY));

        assertThat(failure).contains("esp.signatures.keys[1]", "registered twice");
    }

    @Test
    void a_sender_required_to_sign_without_any_key_stops_the_hub() {
        String failure = startupFailure(hub.withPropertyValues(
                "esp.signatures.required-senders[0]=pes.gov.example"));

        assertThat(failure).contains("required-senders names 'pes.gov.example' but no key is registered");
    }

    @Test
    void a_key_id_with_the_kid_separator_stops_the_hub() {
        String failure = startupFailure(hub.withPropertyValues(
                "esp.signatures.keys[0].sender-id=sa.gov.example",
                "esp.signatures.keys[0].key-id=a|b",
                "esp.signatures.keys[0].public-key=" + DEMO_KEY));

        assertThat(failure).contains("key-id 'a|b' may not contain '|'");
    }
}
