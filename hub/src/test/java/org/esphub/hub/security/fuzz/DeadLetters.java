package org.esphub.hub.security.fuzz;

import jakarta.jms.Message;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jms.core.JmsTemplate;

/** The fuzzer's messages in the dead-letter queue, read through the hub's own connection. */
final class DeadLetters {

    private final JmsTemplate jms;
    private final String queue;

    DeadLetters(JmsTemplate jms, String queue) {
        this.jms = jms;
        this.queue = queue;
    }

    /** Fuzz id to the rejection reason the hub attached (null where none). */
    Map<String, String> parkedFuzzMessages() {
        Map<String, String> parked = jms.browseSelected(queue, AgencyBroker.FUZZ_ID + " IS NOT NULL",
                (session, browser) -> {
                    Map<String, String> found = new HashMap<>();
                    var messages = browser.getEnumeration();
                    while (messages.hasMoreElements()) {
                        Message message = (Message) messages.nextElement();
                        found.put(message.getStringProperty(AgencyBroker.FUZZ_ID),
                                message.getStringProperty("EspRejectionReason"));
                    }
                    return found;
                });
        return parked == null ? Map.of() : parked;
    }
}
