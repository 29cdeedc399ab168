package org.esphub.hub.engine.models;

import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ArtifactFactory;
import org.camunda.bpm.engine.impl.DefaultArtifactFactory;

/**
 * The Java classes a model may name ({@code camunda:class} of a delegate or listener): only the
 * hub's own, listed here. Any other class on the class path is refused when the step runs, so a
 * deployed model cannot instantiate whatever happens to implement {@code JavaDelegate}.
 */
final class ModelDelegateClasses implements ArtifactFactory {

    private final Set<Class<?>> allowed;
    private final ArtifactFactory instantiation = new DefaultArtifactFactory();

    ModelDelegateClasses(Set<Class<?>> allowed) {
        this.allowed = Set.copyOf(allowed);
    }

    @Override
    public <T> T getArtifact(Class<T> type) {
        if (!allowed.contains(type)) {
            throw new ModelRefusal("a process model may not use the class " + type.getName()
                    + "; the hub's delegates are " + allowed.stream().map(Class::getName).sorted()
                    .collect(Collectors.joining(", ")));
        }
        return instantiation.getArtifact(type);
    }
}
