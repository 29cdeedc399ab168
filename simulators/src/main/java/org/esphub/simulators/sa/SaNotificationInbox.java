package org.esphub.simulators.sa;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Predicate;

/**
 * The SA simulator's memory of received notifications: bounded, so a long-running demo cannot
 * exhaust the heap; when full, the oldest entry goes. Thread-safe: the JMS listener writes while
 * HTTP requests read.
 */
public class SaNotificationInbox {

    private final int capacity;
    private final Deque<ReceivedNotification> notifications = new ArrayDeque<>();

    public SaNotificationInbox(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("esp.simulators.sa.notification-capacity must be positive, was " + capacity);
        }
        this.capacity = capacity;
    }

    public synchronized void add(ReceivedNotification notification) {
        if (notifications.size() == capacity) {
            notifications.removeFirst();
        }
        notifications.addLast(notification);
    }

    /** Matching notifications, oldest first. */
    public synchronized List<ReceivedNotification> matching(Predicate<ReceivedNotification> filter) {
        return notifications.stream().filter(filter).toList();
    }
}
