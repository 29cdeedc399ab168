package org.esphub.hub.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller of the DCI API outside this package whose refusals {@link ApiErrorHandler} answers
 * in the standard's error format, without this package naming the controller (and so depending on it).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface DciApiErrors {
}
