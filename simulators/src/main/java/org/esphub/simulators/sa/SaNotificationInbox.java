package org.esphub.simulators.sa;

import org.esphub.simulators.inbox.NotificationInbox;

/** What the hub has notified SA of, on {@code esp.sa.notifications.out}. */
public class SaNotificationInbox extends NotificationInbox {

    public SaNotificationInbox(int capacity) {
        super(capacity, "esp.simulators.sa.notification-capacity");
    }
}
