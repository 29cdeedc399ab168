package org.esphub.simulators.inbox;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * How many notifications a simulated agency received, and how many of them told it something it
 * had been told before: the evidence a failure test reads to say "each notification once".
 *
 * @param received              notifications received since the simulator started
 * @param distinct              different things told (see {@link ReceivedNotification#whatItTells()})
 * @param duplicates            notifications that repeated one told before ({@code received - distinct})
 * @param toldMoreThanOnce      things told more than once
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record NotificationCounts(long received, long distinct, long duplicates, long toldMoreThanOnce) {
}
