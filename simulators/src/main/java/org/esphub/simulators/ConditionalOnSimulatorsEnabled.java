package org.esphub.simulators;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/**
 * The one switch for every simulator bean: {@code esp.simulators.enabled=true} (default false).
 *
 * <p>It sits on the auto-configuration entry point and, as a safety net, on every class that
 * carries a stereotype annotation ({@code @Configuration}, {@code @RestController}, ...). If a
 * host application ever component-scans {@code org.esphub.simulators} by accident, the
 * simulators still stay off unless the property says otherwise, so production cannot
 * expose fake agency endpoints.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ConditionalOnProperty(prefix = "esp.simulators", name = "enabled", havingValue = "true")
public @interface ConditionalOnSimulatorsEnabled {
}
