package org.esphub.hub.webhooks;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the dispatcher records attempt outcomes, without a database or a network. */
class WebhookDispatcherTest {

    private static final Instant NOW = Instant.parse("2026-01-05T10:00:00Z");

    private final WebhookDeliveries deliveries = mock(WebhookDeliveries.class);
    private final RetrySchedule schedule = new RetrySchedule(List.of(Duration.ZERO, Duration.ofMinutes(1),
            Duration.ofMinutes(5)));
    private final WebhookDispatcher dispatcher = new WebhookDispatcher(deliveries, mock(WebhookSender.class), schedule,
            new WebhookProperties(Duration.ofSeconds(1), 50, List.of(), Duration.ofMinutes(5), Duration.ofSeconds(5),
                    Duration.ofSeconds(10), 10),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void a_2xx_answer_delivers() {
        dispatcher.record(delivery(0), DeliveryOutcome.answered(204));

        verify(deliveries).markDelivered("d-1", 1, 204, NOW);
        verifyNoMoreInteractions(deliveries);
    }

    @Test
    void a_failed_attempt_is_retried_by_the_schedule_until_the_last_step_then_failed() {
        dispatcher.record(delivery(0), DeliveryOutcome.answered(500));
        dispatcher.record(delivery(1), DeliveryOutcome.notSent(new java.net.ConnectException("refused")));
        dispatcher.record(delivery(2), DeliveryOutcome.answered(302));

        verify(deliveries).markRetry("d-1", 1, 500, "HTTP 500", NOW, NOW.plus(Duration.ofMinutes(1)));
        verify(deliveries).markRetry(eq("d-1"), eq(2), isNull(), any(), eq(NOW), eq(NOW.plus(Duration.ofMinutes(5))));
        verify(deliveries).markFailed("d-1", 3, 302, "HTTP 302", NOW);
        verifyNoMoreInteractions(deliveries);
    }

    private static ClaimedDelivery delivery(int attemptsSoFar) {
        return new ClaimedDelivery("d-1", "s-1", "referral_created", "{}", attemptsSoFar, "https://x.example/",
                "0123456789abcdef");
    }
}
