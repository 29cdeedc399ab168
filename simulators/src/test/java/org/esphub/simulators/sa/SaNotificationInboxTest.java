package org.esphub.simulators.sa;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.esphub.simulators.inbox.NotificationCounts;
import org.esphub.simulators.inbox.ReceivedNotification;
import org.junit.jupiter.api.Test;

class SaNotificationInboxTest {

    @Test
    void keepsNotificationsNewestLastAndDropsTheOldestWhenFull() {
        SaNotificationInbox inbox = new SaNotificationInbox(3);

        for (int i = 1; i <= 5; i++) {
            inbox.add(rawNotification("ID:" + i));
        }

        assertThat(inbox.matching(notification -> true))
                .extracting(ReceivedNotification::jmsMessageId)
                .containsExactly("ID:3", "ID:4", "ID:5");
    }

    @Test
    void countsWhatWasToldAgainEvenAfterTheInboxDroppedIt() throws Exception {
        SaNotificationInbox inbox = new SaNotificationInbox(1);

        inbox.add(outcome("ID:1", "REF-1", "NotEligible"));
        inbox.add(outcome("ID:2", "REF-2", "NotEligible"));
        // REF-1's outcome again, in a new envelope: the hub sent it twice
        inbox.add(outcome("ID:3", "REF-1", "NotEligible"));
        // another outcome of REF-1 is news, not a repeat
        inbox.add(outcome("ID:4", "REF-1", "ServicesCommenced"));
        // a body without an outcome is recognised by its JMS message id: a redelivery repeats it
        inbox.add(rawNotification("ID:5"));
        inbox.add(rawNotification("ID:5"));

        assertThat(inbox.counts()).isEqualTo(new NotificationCounts(6, 4, 2, 2));
    }

    private static ReceivedNotification outcome(String jmsMessageId, String referenceId, String outcome)
            throws Exception {
        JsonNode body = new ObjectMapper().readTree("""
                {"header": {"message_id": "%s"}, "message": {"reference_id": "%s", "outcome": "%s"}}"""
                .formatted(UUID.randomUUID(), referenceId, outcome));
        return new ReceivedNotification(Instant.now(), jmsMessageId, null, Map.of(), true, body, null);
    }

    private static ReceivedNotification rawNotification(String messageId) {
        return new ReceivedNotification(Instant.now(), messageId, null, Map.of(), false, null, "not json");
    }
}
