package org.esphub.simulators;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.lang.Nullable;
import org.springframework.util.StringUtils;

/**
 * What each {@code Idempotency-Key} was first used for and what that request produced, so an
 * agency answers a retried call with its first answer instead of acting twice. The hub delivers at
 * least once and sends one key per step (the same on every retry of it).
 *
 * <p>Not thread-safe: each register that keeps one holds its own lock around it.
 *
 * @param <T> what a request produced (a reservation, a proposal, ...)
 */
public final class IdempotencyKeys<T> {

    private final Map<String, Use<T>> uses = new HashMap<>();

    /**
     * @param key     the caller's key; {@code null} or blank: the request has none, nothing is known
     * @param request what the request asks for, in words that differ whenever the request does
     * @return what the same request with this key produced before, if it was made
     * @throws IdempotencyConflictException when the key was used for a different request
     */
    public Optional<T> earlier(@Nullable String key, String request) {
        if (!StringUtils.hasText(key)) {
            return Optional.empty();
        }
        Use<T> use = uses.get(key);
        if (use == null) {
            return Optional.empty();
        }
        if (!use.request().equals(request)) {
            throw new IdempotencyConflictException(key);
        }
        return Optional.of(use.result());
    }

    /** Remembers what a request with this key produced; a request without a key leaves nothing. */
    public void remember(@Nullable String key, String request, T result) {
        if (StringUtils.hasText(key)) {
            uses.put(key, new Use<>(request, result));
        }
    }

    private record Use<T>(String request, T result) {
    }
}
