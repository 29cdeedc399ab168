package org.esphub.simulators.sa;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

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

    private static ReceivedNotification rawNotification(String messageId) {
        return new ReceivedNotification(Instant.now(), messageId, null, Map.of(), false, null, "not json");
    }
}
