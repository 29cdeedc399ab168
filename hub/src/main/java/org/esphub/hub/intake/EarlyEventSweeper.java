package org.esphub.hub.intake;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import org.esphub.dci.DciRejection;
import org.esphub.routes.RedeliverLater;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Tries the held early events again ({@link EarlyEventHold}, ADR 0035): taken once their process
 * waits, held on while it is still on its way, parked with the reason once it will not be taken.
 * Every hub node sweeps the same rows; a claim keeps each retry on one node.
 */
@Component
public class EarlyEventSweeper {

    private static final Logger LOG = LoggerFactory.getLogger(EarlyEventSweeper.class);

    private final EarlyEventHold hold;
    private final AgencyEventIntake intake;
    private final EventParking parking;
    private final EarlyEventProperties properties;
    private final Clock clock;

    public EarlyEventSweeper(EarlyEventHold hold, AgencyEventIntake intake, EventParking parking,
            EarlyEventProperties properties, Clock clock, MeterRegistry meters) {
        this.hold = hold;
        this.intake = intake;
        this.parking = parking;
        this.properties = properties;
        this.clock = clock;
        Gauge.builder("esp.events.early.held", hold, EarlyEventHold::heldCount)
                .description("agency events held until their process waits for them").register(meters);
    }

    @Scheduled(fixedDelayString = "${esp.events.early.sweep-interval}")
    public void sweep() {
        try {
            sweepDue();
        } catch (DataAccessException e) {
            // e.g. the database is restarting; the events are still held at the next sweep
            LOG.warn("Early event sweep skipped: {}", e.getMessage());
        }
    }

    /** @return how many held events this sweep saw taken (or found taken before) */
    public int sweepDue() {
        int taken = 0;
        Instant now = clock.instant();
        for (HeldEvent event : hold.due(now, properties.batchSize())) {
            Instant later = now.plus(properties.retryDelay(event.attempts()));
            if (hold.claim(event, later)) {
                taken += retry(event, later) ? 1 : 0;
            }
        }
        return taken;
    }

    private boolean retry(HeldEvent event, Instant later) {
        try {
            if (intake.retryHeld(event) != AgencyEventIntake.Outcome.HELD) {
                return true;
            }
            hold.retryLater(event, later);
        } catch (DciRejection refused) {
            try {
                parking.park(event, refused);
                hold.release(event);
            } catch (RuntimeException notParked) {
                // still held: parked at its next attempt
                LOG.warn("Held {} for referral {} could not be parked: {}", event.eventType(), event.referenceId(),
                        notParked.getMessage());
            }
        } catch (RedeliverLater raced) {
            // the process stopped waiting while the event was taken: the claim already set the next try
            LOG.debug("Held {} for referral {}: {}", event.eventType(), event.referenceId(), raced.getMessage());
        }
        return false;
    }
}
