package org.esphub.hub.messaging;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisMode;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Where the hub's broker runs, checked at start so that a half-switched setting fails loudly
 * instead of splitting the messages. Two settings say it, and they must agree:
 * <ul>
 *   <li>{@code spring.artemis.mode=embedded} with {@code spring.artemis.embedded.enabled=true}
 *       (the single-node default): the broker runs inside this hub;</li>
 *   <li>{@code spring.artemis.mode=native} with {@code spring.artemis.broker-url} and
 *       {@code spring.artemis.embedded.enabled=false} (production, and every node of a cluster):
 *       the hub uses a standalone Artemis or an Artemis cluster, and starts no broker itself.</li>
 * </ul>
 * A native hub with the embedded broker still on would run a second broker nobody consumes from,
 * listening on {@code esp.messaging.acceptor-url} where agencies could deliver to it; an embedded
 * hub without its broker would have nothing to connect to. Checked before any bean is built, so
 * neither broker nor connection starts on a contradiction.
 */
final class BrokerPlacement implements BeanFactoryPostProcessor {

    private final Environment environment;

    BrokerPlacement(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        check(Binder.get(environment).bindOrCreate("spring.artemis", ArtemisProperties.class));
    }

    static void check(ArtemisProperties artemis) {
        boolean embeddedRuns = artemis.getEmbedded().isEnabled();
        if (artemis.getMode() == ArtemisMode.NATIVE && embeddedRuns) {
            throw new IllegalStateException("spring.artemis.mode=native connects the hub to the broker at "
                    + artemis.getBrokerUrl() + ", but spring.artemis.embedded.enabled=true would also start a broker"
                    + " inside this hub that agencies could send to and nobody reads: set"
                    + " spring.artemis.embedded.enabled=false");
        }
        if (artemis.getMode() != ArtemisMode.NATIVE && !embeddedRuns) {
            throw new IllegalStateException("spring.artemis.embedded.enabled=false, but spring.artemis.mode is not"
                    + " native: the hub would look for a broker inside itself that does not run. For an external"
                    + " broker set spring.artemis.mode=native and spring.artemis.broker-url (ESP_ARTEMIS_URL)");
        }
    }
}
