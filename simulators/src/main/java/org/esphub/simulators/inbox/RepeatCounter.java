package org.esphub.simulators.inbox;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counts how often each key was seen. Bounded like the inboxes, but much larger, since a key costs
 * far less than a notification: counts must outlive the notifications a full inbox drops, or a
 * long failure run could not say which were repeated. When full, the oldest key is forgotten.
 * Not thread-safe: its owner synchronizes.
 */
final class RepeatCounter {

    static final int MAX_KEYS = 200_000;

    private final Map<String, Integer> seen = new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
            return size() > MAX_KEYS;
        }
    };
    private long total;

    void add(String key) {
        total++;
        seen.merge(key, 1, Integer::sum);
    }

    NotificationCounts counts() {
        long repeatedKeys = seen.values().stream().filter(times -> times > 1).count();
        return new NotificationCounts(total, seen.size(), total - seen.size(), repeatedKeys);
    }
}
