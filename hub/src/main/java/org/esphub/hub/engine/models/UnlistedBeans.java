package org.esphub.hub.engine.models;

import java.util.Set;
import java.util.TreeSet;

/**
 * The last word on a top-level name no variable and no allowed bean answered: if it is the name of
 * one of the application's beans, the model is told it may not use it (a {@link ModelRefusal})
 * rather than that the name is unknown, so the process owner sees why and the caller gets a refusal,
 * not a server error. Any other unknown name stays the engine's own "unknown property" failure.
 */
final class UnlistedBeans extends CheckingResolver {

    private final Set<String> applicationBeans;
    private final Set<String> allowed;

    UnlistedBeans(Set<String> applicationBeans, Set<?> allowed) {
        this.applicationBeans = Set.copyOf(applicationBeans);
        this.allowed = new TreeSet<>(allowed.stream().map(String::valueOf).toList());
    }

    @Override
    void check(Object base, Object property, boolean write) {
        if (base == null && property instanceof String name && applicationBeans.contains(name)
                && !allowed.contains(name)) {
            throw new ModelRefusal("a process model may not use the bean '" + name + "'; the beans models may use are "
                    + allowed);
        }
    }
}
