package org.esphub.simulators.sources;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.esphub.simulators.InvalidRequestException;

/**
 * The behaviour set for each source and person ({@code PUT /sim/{source}/persons/{id}/behaviour}); the
 * PES, tax and employer simulators ask it before they answer.
 */
public class SourceBehaviours {

    public static final String PES = "pes";
    public static final String TAX = "tax";
    public static final String EMPLOYER = "employer";
    private static final Set<String> SOURCES = Set.of(PES, TAX, EMPLOYER);

    private final Map<String, SourceBehaviour> behaviours = new ConcurrentHashMap<>();

    public SourceBehaviour of(String source, String personId) {
        return behaviours.getOrDefault(key(source, personId), SourceBehaviour.NORMAL);
    }

    /** @throws SourceDownException when the source is set to be down for the person */
    public SourceBehaviour answering(String source, String personId) {
        SourceBehaviour behaviour = of(source, personId);
        if (behaviour.isDown()) {
            throw new SourceDownException(source);
        }
        return behaviour;
    }

    void set(String source, String personId, SourceBehaviour behaviour) {
        if (behaviour.staleDays() != null && behaviour.staleDays() < 0) {
            throw new InvalidRequestException("request.invalid", "stale_days must not be negative.");
        }
        behaviours.put(key(source, personId), behaviour);
    }

    void reset(String source, String personId) {
        behaviours.remove(key(source, personId));
    }

    private static String key(String source, String personId) {
        if (!SOURCES.contains(source)) {
            throw new InvalidRequestException("request.invalid", "source must be one of " + SOURCES + ".");
        }
        return source + "/" + personId;
    }
}
