package org.esphub.hub.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.client.interceptor.ClientRequestInterceptor;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts {@code /engine-rest} behind authentication, so Camunda Modeler and workers act as a known
 * user and every call is subject to the engine's authorizations; without credentials the answer
 * is 401. People and remote workers use HTTP basic against Camunda's identity service; the
 * workers in this JVM use a per-start credential ({@link InJvmWorkerCredential}). Whoever is in
 * {@code esp-workers} then reaches only the external-task calls ({@link TechnicalIdentityBoundary}).
 * (The hub's own {@code /api} takes the same people, and agency tokens too, in
 * {@code ApiSecurityConfiguration}.)
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(InJvmWorkerProperties.class)
public class EngineRestSecurityConfiguration {

    /** After Spring Security (-100) and the login throttle; the boundary right after authentication. */
    static final int AUTHENTICATION_ORDER = 10;
    static final int BOUNDARY_ORDER = AUTHENTICATION_ORDER + 1;
    private static final String ENGINE_REST = "/engine-rest/*";

    @Bean
    InJvmWorkerCredential inJvmWorkerCredential(InJvmWorkerProperties workers) {
        return InJvmWorkerCredential.generate(workers.username());
    }

    /** The in-JVM external-task client (camunda.bpm.client) sends the credential with every call. */
    @Bean
    ClientRequestInterceptor inJvmWorkerAuthentication(InJvmWorkerCredential credential) {
        String header = credential.authorizationHeader();
        return request -> request.addHeader("Authorization", header);
    }

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication(
            InJvmWorkerCredential credential) {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration = new FilterRegistrationBean<>(
                new EngineRestAuthenticationFilter(
                        new EngineRestAuthentication(credential, new CachedBasicAuthentication())));
        registration.setName("engine-rest-authentication");
        registration.addUrlPatterns(ENGINE_REST);
        registration.setOrder(AUTHENTICATION_ORDER);
        return registration;
    }

    @Bean
    FilterRegistrationBean<TechnicalIdentityBoundary> engineRestTechnicalIdentityBoundary(
            IdentityService identityService, ObjectMapper mapper) {
        FilterRegistrationBean<TechnicalIdentityBoundary> registration =
                new FilterRegistrationBean<>(new TechnicalIdentityBoundary(identityService, mapper));
        registration.setName("engine-rest-technical-identity-boundary");
        registration.addUrlPatterns(ENGINE_REST);
        registration.setOrder(BOUNDARY_ORDER);
        return registration;
    }
}
