package org.esphub.hub.engine.models;

import java.util.HashMap;
import java.util.Set;
import org.camunda.bpm.engine.impl.el.JuelExpressionManager;
import org.camunda.bpm.engine.impl.el.ReadOnlyMapELResolver;
import org.camunda.bpm.engine.impl.el.VariableContextElResolver;
import org.camunda.bpm.engine.impl.el.VariableScopeElResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ArrayELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.BeanELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ListELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.MapELResolver;

/**
 * The engine's expression manager in the hub (JUEL in BPMN, DMN and filters). Unlike Camunda's
 * Spring expression manager it does not resolve names against the whole application context:
 * expressions see the variables, {@code execution}/{@code task}, the engine's functions
 * ({@code now()}, {@code currentUser()}, ...) and only the beans of {@link ModelExpressionBeans};
 * {@link EngineReachGuard} goes first and keeps them from reaching the engine through those objects.
 */
final class ModelExpressionManager extends JuelExpressionManager {

    private final Set<String> applicationBeanNames;

    ModelExpressionManager(ModelExpressionBeans beans, Set<String> applicationBeanNames) {
        super(new HashMap<Object, Object>(beans.byName()));
        this.applicationBeanNames = Set.copyOf(applicationBeanNames);
    }

    @Override
    protected ELResolver createElResolver() {
        CompositeELResolver resolver = new CompositeELResolver();
        resolver.add(new EngineReachGuard());
        resolver.add(new VariableScopeElResolver());
        resolver.add(new VariableContextElResolver());
        resolver.add(new ReadOnlyMapELResolver(beans));
        resolver.add(new UnlistedBeans(applicationBeanNames, beans.keySet()));
        resolver.add(new ArrayELResolver());
        resolver.add(new ListELResolver());
        resolver.add(new MapELResolver());
        resolver.add(new BeanELResolver());
        return resolver;
    }
}
