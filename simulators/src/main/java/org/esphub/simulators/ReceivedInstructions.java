package org.esphub.simulators;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.springframework.lang.Nullable;
import org.springframework.util.StringUtils;

/**
 * What an agency received from the hub as plain instructions or notices (a payment to make, a notice to
 * an employer, a violation to investigate), kept as they came so a tester sees exactly what the
 * data-sharing gate let through. A retried step (same {@code Idempotency-Key}, same content) is
 * recorded once; the same key with other content is a conflict. All methods are synchronized.
 */
public final class ReceivedInstructions {

    private final String idPrefix;
    private final List<String> requiredFields;
    private final Clock clock;
    private final List<Map<String, Object>> received = new ArrayList<>();
    private final IdempotencyKeys<Map<String, Object>> byKey = new IdempotencyKeys<>();

    /**
     * @param idPrefix       the receiving agency's id for what it records, e.g. {@code PAY}
     * @param requiredFields the fields without which the agency refuses the instruction (400)
     */
    public ReceivedInstructions(String idPrefix, List<String> requiredFields, Clock clock) {
        this.idPrefix = Objects.requireNonNull(idPrefix, "idPrefix");
        this.requiredFields = List.copyOf(requiredFields);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** What recording an instruction gave; {@code created} is false for a repeat. */
    public record Outcome(Map<String, Object> recorded, boolean created) {
    }

    /**
     * @throws InvalidRequestException (400 {@code request.invalid}) when a required field is missing
     * @throws IdempotencyConflictException (409) when the key was used for other content
     */
    public synchronized Outcome record(Map<String, Object> instruction, @Nullable String idempotencyKey,
            @Nullable String correlationId) {
        for (String field : requiredFields) {
            Object value = instruction.get(field);
            if (value == null || (value instanceof String text && !StringUtils.hasText(text))) {
                throw new InvalidRequestException("request.invalid", field + " is required.");
            }
        }
        String what = instruction.toString();
        Optional<Map<String, Object>> earlier = byKey.earlier(idempotencyKey, what);
        if (earlier.isPresent()) {
            return new Outcome(earlier.get(), false);
        }
        Map<String, Object> recorded = new LinkedHashMap<>();
        recorded.put("id", String.format(Locale.ROOT, "%s-%06d", idPrefix, received.size() + 1));
        recorded.put("received_at", clock.instant().truncatedTo(ChronoUnit.MILLIS).toString());
        recorded.put("correlation_id", correlationId);
        recorded.put("content", Map.copyOf(withoutNulls(instruction)));
        received.add(recorded);
        byKey.remember(idempotencyKey, what, recorded);
        return new Outcome(recorded, true);
    }

    /** Everything received, oldest first, optionally only what names one {@code reference_id}. */
    @SuppressWarnings("unchecked")
    public synchronized List<Map<String, Object>> all(@Nullable String referenceId) {
        return received.stream()
                .filter(entry -> referenceId == null
                        || referenceId.equals(((Map<String, Object>) entry.get("content")).get("reference_id")))
                .toList();
    }

    private static Map<String, Object> withoutNulls(Map<String, Object> instruction) {
        Map<String, Object> copy = new LinkedHashMap<>();
        instruction.forEach((field, value) -> {
            if (value != null) {
                copy.put(field, value);
            }
        });
        return copy;
    }
}
