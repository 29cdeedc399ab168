package org.esphub.hub.webhooks;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.Timeout;
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

    /**
     * The client deliveries go out with. It connects only to the address {@link WebhookSender}
     * checked and hands it (the target's name stays for the Host header, TLS SNI and certificate
     * check); should anything ask it to look a name up itself, it refuses, so no unchecked
     * address is ever called. No redirects (a delivery goes only to the URL registered), no
     * automatic retries (the outbox retries), no proxy from system properties.
     */
    @Bean(destroyMethod = "close")
    CloseableHttpClient webhookHttpClient(WebhookProperties properties) {
        Timeout connect = Timeout.of(properties.connectTimeout());
        Timeout read = Timeout.of(properties.readTimeout());
        return HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(new NoUncheckedLookups())
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(connect).setSocketTimeout(read).build())
                        .setMaxConnTotal(properties.batchSize())
                        .setMaxConnPerRoute(properties.batchSize())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(read).setConnectionRequestTimeout(connect).build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .build();
    }

    /** One thread per delivery of a poll's batch at most; idle threads end after a minute. */
    @Bean(destroyMethod = "shutdownNow")
    ExecutorService webhookSendExecutor(WebhookProperties properties) {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor executor = new ThreadPoolExecutor(properties.batchSize(), properties.batchSize(),
                60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "webhook-send-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }
}
