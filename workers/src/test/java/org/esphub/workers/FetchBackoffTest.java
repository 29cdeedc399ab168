package org.esphub.workers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.client.backoff.BackoffStrategy;
import org.camunda.bpm.client.backoff.ErrorAwareBackoffStrategy;
import org.camunda.bpm.client.exception.ExternalTaskClientException;
import org.junit.jupiter.api.Test;

/** The workers poll again at once while the engine answers, and back off while it does not. */
class FetchBackoffTest {

    private final BackoffStrategy backoff = new WorkersAutoConfiguration().fetchBackoffAfterErrors();

    @Test
    void an_answered_fetch_empty_or_not_is_followed_by_the_next_at_once() {
        assertThat(backoff).isInstanceOf(ErrorAwareBackoffStrategy.class);
        ErrorAwareBackoffStrategy strategy = (ErrorAwareBackoffStrategy) backoff;

        strategy.reconfigure(List.of(), null);

        assertThat(strategy.calculateBackoffTime()).isZero();
    }

    @Test
    void failed_fetches_wait_longer_each_time_up_to_the_maximum_and_an_answer_ends_the_wait() {
        ErrorAwareBackoffStrategy strategy = (ErrorAwareBackoffStrategy) backoff;
        ExternalTaskClientException unreachable = new ExternalTaskClientException("connection refused");

        strategy.reconfigure(List.of(), unreachable);
        assertThat(strategy.calculateBackoffTime()).isEqualTo(WorkersAutoConfiguration.FIRST_BACKOFF_MS);
        strategy.reconfigure(List.of(), unreachable);
        assertThat(strategy.calculateBackoffTime()).isEqualTo(2 * WorkersAutoConfiguration.FIRST_BACKOFF_MS);
        for (int i = 0; i < 20; i++) {
            strategy.reconfigure(List.of(), unreachable);
        }
        assertThat(strategy.calculateBackoffTime()).isEqualTo(WorkersAutoConfiguration.MAX_BACKOFF_MS);

        strategy.reconfigure(List.of(), null);
        assertThat(strategy.calculateBackoffTime()).isZero();
    }
}
