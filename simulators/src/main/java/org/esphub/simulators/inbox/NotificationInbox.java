package org.esphub.simulators.inbox;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Predicate;

/**
 * A simulated agency's memory of the notifications the hub sent it: bounded, so a long-running
 * demo cannot exhaust the heap; when full, the oldest entry goes. Thread-safe: the JMS listener
 * writes while HTTP requests read.
 */
public class NotificationInbox {

    private final int capacity;
    private final Deque<ReceivedNotification> notifications = new ArrayDeque<>();
    private final RepeatCounter told = new RepeatCounter();

    /** @param capacityProperty the setting {@code capacity} comes from, named when it is not positive */
    protected NotificationInbox(int capacity, String capacityProperty) {
        if (capacity < 1) {
            throw new IllegalArgumentException(capacityProperty + " must be positive, was " + capacity);
        }
        this.capacity = capacity;
    }

    public synchronized void add(ReceivedNotification notification) {
        if (notifications.size() == capacity) {
            notifications.removeFirst();
        }
        notifications.addLast(notification);
        told.add(notification.whatItTells());
    }

    /** What was received since the start, and how much of it repeated what was told before. */
    public synchronized NotificationCounts counts() {
        return told.counts();
    }

    /** Matching notifications, oldest first. */
    public synchronized List<ReceivedNotification> matching(Predicate<ReceivedNotification> filter) {
        return notifications.stream().filter(filter).toList();
    }

    /** Notifications about one referral or person (either may be {@code null}: no filter), oldest first. */
    public List<ReceivedNotification> about(String referenceId, String personId) {
        return matching(notification ->
                (referenceId == null || notification.concernsReference(referenceId))
                        && (personId == null || notification.concernsPerson(personId)));
    }
}
