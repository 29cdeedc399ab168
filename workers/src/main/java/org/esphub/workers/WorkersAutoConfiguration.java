package org.esphub.workers;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.ProducerTemplate;
import org.camunda.bpm.client.backoff.BackoffStrategy;
import org.camunda.bpm.client.backoff.ExponentialErrorBackoffStrategy;
import org.esphub.workers.handoff.RetrySchedule;
import org.esphub.workers.handoff.RouteHandoff;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;

/**
 * Registers the topic handlers with the Camunda external-task client. On by default, so the
 * hub's JVM works its own tasks; set {@code esp.workers.enabled=false} where workers run on
 * other machines (the same classes, pointed at the engine's REST API).
 */
@AutoConfiguration
@ConditionalOnProperty(name = "esp.workers.enabled", havingValue = "true", matchIfMissing = true)
@ComponentScan
public class WorkersAutoConfiguration {

    static final long FIRST_BACKOFF_MS = 500;
    static final long MAX_BACKOFF_MS = 10_000;

    @Bean(destroyMethod = "shutdown")
    RouteHandoff routeHandoff(ProducerTemplate producerTemplate,
            @Value("${esp.workers.default-retry-backoff:PT10S,PT1M,PT5M,PT15M,PT1H}") String defaultBackoff,
            @Value("${esp.workers.concurrency:8}") int concurrency) {
        return new RouteHandoff(producerTemplate, RetrySchedule.parse(defaultBackoff), workerPool(concurrency));
    }

    /**
     * Polls again at once after every answer, empty or not (the long poll already waits for work),
     * but waits after a failed fetch: 0.5 s, doubling up to 10 s, back to none after the next good
     * answer. Without any back-off a client whose engine is unreachable (a hub node killed or
     * restarting) fetched in a tight loop, holding a core and writing a stack trace per attempt:
     * seen as 78,000 failed fetches and 360 MB of log within a minute and a half on an agency-link node.
     */
    @Bean
    BackoffStrategy fetchBackoffAfterErrors() {
        return new ExponentialErrorBackoffStrategy(FIRST_BACKOFF_MS, 2f, MAX_BACKOFF_MS);
    }

    /**
     * Tasks worked at the same time; when all threads and queue slots are busy the client's
     * polling thread runs the task itself, so it fetches no more than can be worked. Not a Spring
     * bean: an Executor bean would replace Spring Boot's application task executor.
     */
    private static ThreadPoolExecutor workerPool(int concurrency) {
        AtomicInteger threads = new AtomicInteger();
        return new ThreadPoolExecutor(concurrency, concurrency, 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(concurrency),
                task -> new Thread(task, "esp-worker-" + threads.incrementAndGet()),
                new ThreadPoolExecutor.CallerRunsPolicy());
    }
}
