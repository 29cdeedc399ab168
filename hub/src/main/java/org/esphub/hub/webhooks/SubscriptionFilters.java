package org.esphub.hub.webhooks;

import java.util.List;
import java.util.Map;

/**
 * The companion's subscription {@code filters} the hub applies: {@code person_ids}, the persons
 * whose events the subscriber wants. No filter lets every event through.
 *
 * @param personIds empty: every person
 */
public record SubscriptionFilters(List<String> personIds) {

    public static final SubscriptionFilters NONE = new SubscriptionFilters(List.of());
    static final String PERSON_IDS = "person_ids";
    static final int MAX_PERSON_IDS = 100;
    static final int MAX_PERSON_ID_LENGTH = 64;

    public SubscriptionFilters {
        personIds = personIds == null ? List.of() : List.copyOf(personIds);
    }

    /** Whether an event with this data passes: an event about no person passes no person filter. */
    public boolean admit(Map<String, Object> data) {
        return personIds.isEmpty() || personIds.contains(String.valueOf(data.get("person_id")));
    }

    public boolean isEmpty() {
        return personIds.isEmpty();
    }

    /** As the API shows and takes it. */
    public Map<String, Object> describe() {
        return isEmpty() ? Map.of() : Map.of(PERSON_IDS, personIds);
    }
}
