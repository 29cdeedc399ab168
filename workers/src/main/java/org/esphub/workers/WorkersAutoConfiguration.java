package org.esphub.workers;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.ProducerTemplate;
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

    @Bean(destroyMethod = "shutdown")
    RouteHandoff routeHandoff(ProducerTemplate producerTemplate,
            @Value("${esp.workers.default-retry-backoff:PT10S,PT1M,PT5M,PT15M,PT1H}") String defaultBackoff,
            @Value("${esp.workers.concurrency:8}") int concurrency) {
        return new RouteHandoff(producerTemplate, RetrySchedule.parse(defaultBackoff), workerPool(concurrency));
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
