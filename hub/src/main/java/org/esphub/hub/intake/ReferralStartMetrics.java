package org.esphub.hub.intake;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * What operators watch of the referral starts (ADR 0029): how many accepted items wait for their
 * process and how many are parked (as this node's last sweep counted them, in the shared
 * database), the delay from ACK to start, and failed starts.
 */
@Component
public class ReferralStartMetrics {

    static final String WAITING = "esp.referrals.start.waiting";
    static final String PARKED = "esp.referrals.start.parked";
    static final String DELAY = "esp.referrals.start.delay";
    static final String FAILURES = "esp.referrals.start.failures";

    private final AtomicLong waiting = new AtomicLong();
    private final AtomicLong parked = new AtomicLong();
    private final Timer delay;
    private final Counter failures;

    public ReferralStartMetrics(MeterRegistry registry) {
        Gauge.builder(WAITING, waiting, AtomicLong::get)
                .description("Accepted referral items whose process has not started yet")
                .register(registry);
        Gauge.builder(PARKED, parked, AtomicLong::get)
                .description("Referral items whose every process start failed; an operator must look at them")
                .register(registry);
        delay = Timer.builder(DELAY)
                .description("From a referral item's ACK to the start of its process")
                .publishPercentiles(0.5, 0.99)
                .register(registry);
        failures = Counter.builder(FAILURES)
                .description("Failed process starts of referral items (each is retried or parked)")
                .register(registry);
    }

    void started(Duration sinceAck) {
        delay.record(sinceAck.isNegative() ? Duration.ZERO : sinceAck);
    }

    void failed() {
        failures.increment();
    }

    void counted(long waitingItems, long parkedItems) {
        waiting.set(waitingItems);
        parked.set(parkedItems);
    }
}
