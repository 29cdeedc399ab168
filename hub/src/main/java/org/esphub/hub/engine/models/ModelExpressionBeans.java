package org.esphub.hub.engine.models;

import java.util.Map;

/**
 * The only application beans a deployed model's expressions may name (e.g.
 * {@code ${workingCalendar.addWorkingDays(...)}}), by the name the models use. Nothing else of the
 * application context (identity, authorization, JDBC, engine configuration, ...) is visible.
 */
public record ModelExpressionBeans(Map<String, Object> byName) {

    public ModelExpressionBeans {
        byName = Map.copyOf(byName);
    }
}
