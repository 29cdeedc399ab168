package org.esphub.hub.engine.models;

import java.beans.FeatureDescriptor;
import java.util.Collections;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;

/**
 * The last word on a top-level name no variable and no allowed bean answered: if it is the name of
 * one of the application's beans, the model is told it may not use it (a {@link ModelRefusal})
 * rather than that the name is unknown, so the process owner sees why and the caller gets a refusal,
 * not a server error. Any other unknown name stays the engine's own "unknown property" failure.
 */
final class UnlistedBeans extends ELResolver {

    private final Set<String> applicationBeans;
    private final Set<String> allowed;

    UnlistedBeans(Set<String> applicationBeans, Set<?> allowed) {
        this.applicationBeans = Set.copyOf(applicationBeans);
        this.allowed = new TreeSet<>(allowed.stream().map(String::valueOf).toList());
    }

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
        refuseUnlistedBean(base, property);
        return null;
    }

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
        refuseUnlistedBean(base, property);
        return null;
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
        refuseUnlistedBean(base, property);
    }

    @Override
    public boolean isReadOnly(ELContext context, Object base, Object property) {
        refuseUnlistedBean(base, property);
        return false;
    }

    @Override
    public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
        return Collections.emptyIterator();
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext context, Object base) {
        return null;
    }

    private void refuseUnlistedBean(Object base, Object property) {
        if (base == null && property instanceof String name && applicationBeans.contains(name)
                && !allowed.contains(name)) {
            throw new ModelRefusal("a process model may not use the bean '" + name + "'; the beans models may use are "
                    + allowed);
        }
    }
}
