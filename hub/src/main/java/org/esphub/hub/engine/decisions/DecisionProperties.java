package org.esphub.hub.engine.decisions;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code esp.decisions}: how the hub evaluates its DMN decisions (defaults in application.yaml).
 *
 * @param parsedExpressionCapacity FEEL texts of each kind (input expressions, rule tests) kept
 *        parsed at most ({@link ParsedFeelExpressions})
 */
@ConfigurationProperties("esp.decisions")
public record DecisionProperties(int parsedExpressionCapacity) {
}
