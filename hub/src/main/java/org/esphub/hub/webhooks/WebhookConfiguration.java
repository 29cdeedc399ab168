package org.esphub.hub.webhooks;

import java.net.http.HttpClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Turns on the dispatcher's polling and builds what the webhook classes share. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class WebhookConfiguration {

    @Bean
    RetrySchedule webhookRetrySchedule(WebhookProperties properties) {
        return new RetrySchedule(properties.retrySchedule());
    }

    /** Subscribers' redirects are not followed: a delivery goes only to the URL they registered. */
    @Bean
    HttpClient webhookHttpClient(WebhookProperties properties) {
        return HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }
}
