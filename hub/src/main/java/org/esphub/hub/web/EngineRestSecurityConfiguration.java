package org.esphub.hub.web;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts {@code /engine-rest} behind HTTP basic authentication against Camunda's identity service,
 * so Camunda Modeler and workers act as a known user and every call is subject to the engine's
 * authorizations. Without credentials the answer is 401. (The hub's own {@code /api} takes the
 * same identities, and agency tokens too, in {@code ApiSecurityConfiguration}.)
 */
@Configuration(proxyBeanMethods = false)
public class EngineRestSecurityConfiguration {

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("engine-rest-basic-auth");
        registration.addUrlPatterns("/engine-rest/*");
        registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                CachedBasicAuthentication.class.getName());
        return registration;
    }
}
