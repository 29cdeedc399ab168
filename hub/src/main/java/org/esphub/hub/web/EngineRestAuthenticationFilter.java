package org.esphub.hub.web;

import jakarta.servlet.FilterConfig;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;

/**
 * Camunda's authentication filter with a provider Spring built: the stock filter instantiates its
 * provider from a class name, which could not be given the in-JVM workers' credential.
 */
class EngineRestAuthenticationFilter extends ProcessEngineAuthenticationFilter {

    EngineRestAuthenticationFilter(AuthenticationProvider provider) {
        this.authenticationProvider = provider;
    }

    @Override
    public void init(FilterConfig filterConfig) {
        servletPathPrefix = filterConfig.getInitParameter(SERVLET_PATH_PREFIX);
    }
}
