package org.esphub.simulators.pes;

import org.esphub.simulators.inbox.NotificationInbox;

/** What the hub has notified PES of, on {@code esp.pes.notifications.out}. */
public class PesNotificationInbox extends NotificationInbox {

    public PesNotificationInbox(int capacity) {
        super(capacity, "esp.simulators.pes.notification-capacity");
    }
}
