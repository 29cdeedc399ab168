package org.esphub.hub.engine.models;

import java.beans.FeatureDescriptor;
import java.util.Collections;
import java.util.Iterator;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;

/**
 * An expression resolver that never resolves anything: it only looks at each property access and
 * refuses (throws) or lets the next resolver answer. The model sandbox's checks are built on it.
 */
abstract class CheckingResolver extends ELResolver {

    /** Throws a {@link ModelRefusal} if the model may not read or write {@code property} of {@code base}. */
    abstract void check(Object base, Object property, boolean write);

    @Override
    public final Object getValue(ELContext context, Object base, Object property) {
        check(base, property, false);
        return null;
    }

    @Override
    public final Class<?> getType(ELContext context, Object base, Object property) {
        check(base, property, false);
        return null;
    }

    @Override
    public final void setValue(ELContext context, Object base, Object property, Object value) {
        check(base, property, true);
    }

    @Override
    public final boolean isReadOnly(ELContext context, Object base, Object property) {
        check(base, property, false);
        return false;
    }

    @Override
    public final Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
        return Collections.emptyIterator();
    }

    @Override
    public final Class<?> getCommonPropertyType(ELContext context, Object base) {
        return null;
    }
}
