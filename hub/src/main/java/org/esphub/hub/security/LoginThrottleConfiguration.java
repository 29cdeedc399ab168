package org.esphub.hub.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.esphub.hub.web.InJvmWorkerCredential;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Failed logins are throttled per client address instead of locking the account: Camunda's own
 * lock-out is switched off ({@code camunda.bpm.generic-properties}: {@code loginMaxAttempts},
 * {@code loginDelayBase}, {@code loginDelayMaxTime} in application.yaml), because anyone who
 * knows a user name ({@code admin}, the workers' user) could lock that user for good.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LoginThrottleProperties.class)
@ConditionalOnProperty(name = "esp.login-throttle.enabled", havingValue = "true", matchIfMissing = true)
public class LoginThrottleConfiguration {

    /** Before Spring Security, the engine REST filters and the Camunda webapps' filters. */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    @Bean
    LoginThrottle loginThrottle(LoginThrottleProperties properties) {
        return new LoginThrottle(properties);
    }

    @Bean
    FilterRegistrationBean<LoginThrottleFilter> loginThrottleFilter(LoginThrottle throttle,
            InJvmWorkerCredential inJvmWorkers, ObjectMapper mapper) {
        FilterRegistrationBean<LoginThrottleFilter> registration =
                new FilterRegistrationBean<>(new LoginThrottleFilter(throttle, inJvmWorkers, mapper));
        registration.setName("login-throttle");
        registration.setOrder(ORDER);
        return registration;
    }
}
