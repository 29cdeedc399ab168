package org.esphub.hub.security.fuzz;

import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;

/**
 * How many messages the embedded broker still holds on the intake queues, counting those being
 * delivered and those waiting for a redelivery: zero once the hub has taken or parked them all.
 */
final class QueueDepth {

    private final EmbeddedActiveMQ broker;

    QueueDepth(EmbeddedActiveMQ broker) {
        this.broker = broker;
    }

    long pending(String... queues) {
        long pending = 0;
        for (String name : queues) {
            Queue queue = broker.getActiveMQServer().locateQueue(SimpleString.of(name));
            if (queue != null) {
                pending += queue.getMessageCount() + queue.getDeliveringCount() + queue.getScheduledCount();
            }
        }
        return pending;
    }
}
