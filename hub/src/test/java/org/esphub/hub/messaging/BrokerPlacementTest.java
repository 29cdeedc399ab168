package org.esphub.hub.messaging;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.mock.env.MockEnvironment;

class BrokerPlacementTest {

    @Test
    void the_single_node_default_and_an_external_broker_are_accepted() {
        assertThatCode(() -> check(new MockEnvironment())).doesNotThrowAnyException();
        assertThatCode(() -> check(new MockEnvironment()
                .withProperty("spring.artemis.mode", "embedded")
                .withProperty("spring.artemis.embedded.enabled", "true"))).doesNotThrowAnyException();
        assertThatCode(() -> check(new MockEnvironment()
                .withProperty("spring.artemis.mode", "native")
                .withProperty("spring.artemis.broker-url", "tcp://artemis:61616")
                .withProperty("spring.artemis.embedded.enabled", "false"))).doesNotThrowAnyException();
    }

    @Test
    void an_external_broker_with_the_embedded_one_still_on_is_refused() {
        assertThatThrownBy(() -> check(new MockEnvironment()
                .withProperty("spring.artemis.mode", "native")
                .withProperty("spring.artemis.broker-url", "tcp://artemis:61616")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("tcp://artemis:61616")
                .hasMessageContaining("set spring.artemis.embedded.enabled=false");
    }

    @Test
    void an_embedded_broker_switched_off_without_an_external_one_is_refused() {
        assertThatThrownBy(() -> check(new MockEnvironment()
                .withProperty("spring.artemis.embedded.enabled", "false")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("spring.artemis.mode=native")
                .hasMessageContaining("ESP_ARTEMIS_URL");
    }

    private static void check(MockEnvironment environment) {
        new BrokerPlacement(environment).postProcessBeanFactory(new DefaultListableBeanFactory());
    }
}
