package org.esphub.hub.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
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
        DeliveryOutcome ok = DeliveryOutcome.answered(204);
        dispatcher.record(List.of(delivery(0)), List.of(ok));

        verify(deliveries).markDelivered(List.of(new WebhookDeliveries.Delivered("d-1", 1, ok)), NOW);
        verifyNoMoreInteractions(deliveries);
    }

    @Test
    void a_batch_marks_its_arrived_deliveries_in_one_go_and_each_failed_one_on_its_own() {
        DeliveryOutcome ok = DeliveryOutcome.answered(200);
        DeliveryOutcome serverError = DeliveryOutcome.answered(503);
        ClaimedDelivery second = new ClaimedDelivery("d-2", "s-1", "referral_created", "{}", 0, "https://x.example/",
                "0123456789abcdef");
        ClaimedDelivery third = new ClaimedDelivery("d-3", "s-1", "referral_created", "{}", 1, "https://x.example/",
                "0123456789abcdef");
        dispatcher.record(List.of(delivery(0), second, third), List.of(ok, serverError, ok));

        verify(deliveries).markDelivered(List.of(new WebhookDeliveries.Delivered("d-1", 1, ok),
                new WebhookDeliveries.Delivered("d-3", 2, ok)), NOW);
        verify(deliveries).markRetry("d-2", 1, serverError, NOW, NOW.plus(Duration.ofMinutes(1)));
        verifyNoMoreInteractions(deliveries);
    }

    @Test
    void a_failed_attempt_is_retried_by_the_schedule_until_the_last_step_then_failed() {
        DeliveryOutcome serverError = DeliveryOutcome.answered(500);
        DeliveryOutcome refused = DeliveryOutcome.unreachable(new java.net.ConnectException("refused"));
        DeliveryOutcome redirect = DeliveryOutcome.answered(302);
        dispatcher.record(List.of(delivery(0), delivery(1), delivery(2)), List.of(serverError, refused, redirect));

        verify(deliveries).markRetry("d-1", 1, serverError, NOW, NOW.plus(Duration.ofMinutes(1)));
        verify(deliveries).markRetry("d-1", 2, refused, NOW, NOW.plus(Duration.ofMinutes(5)));
        verify(deliveries).markFailed("d-1", 3, redirect, NOW);
        verifyNoMoreInteractions(deliveries);
    }

    @Test
    void a_delivery_whose_target_is_blocked_fails_at_once_without_retries() {
        DeliveryOutcome blocked = DeliveryOutcome.blocked("host 'rebound.example' resolves to 127.0.0.1, which is loopback");
        dispatcher.record(List.of(delivery(0)), List.of(blocked));

        verify(deliveries).markFailed("d-1", 1, blocked, NOW);
        verifyNoMoreInteractions(deliveries);
    }

    @Test
    void attempts_are_classed_for_the_subscriber_not_shown_by_status_code() {
        assertThat(DeliveryOutcome.answered(204).outcomeClass().label()).isEqualTo("delivered");
        assertThat(DeliveryOutcome.answered(404).outcomeClass().label()).isEqualTo("refused_by_receiver");
        assertThat(DeliveryOutcome.answered(302).outcomeClass().label()).isEqualTo("refused_by_receiver");
        assertThat(DeliveryOutcome.answered(503).outcomeClass().label()).isEqualTo("receiver_error");
        assertThat(DeliveryOutcome.unreachable(new java.net.SocketTimeoutException()).outcomeClass().label())
                .isEqualTo("unreachable");
        assertThat(DeliveryOutcome.blocked("loopback").outcomeClass().label()).isEqualTo("blocked_target");
    }

    private static ClaimedDelivery delivery(int attemptsSoFar) {
        return new ClaimedDelivery("d-1", "s-1", "referral_created", "{}", attemptsSoFar, "https://x.example/",
                "0123456789abcdef");
    }
}
