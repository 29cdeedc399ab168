package org.esphub.simulators.employer;

import java.time.Clock;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.esphub.simulators.DciEventPublisher;
import org.esphub.simulators.JsonMessageSender;
import org.esphub.simulators.SimulatorQueues;

/**
 * Sends employers' events to the hub. Employers are PES partners: their events reach the hub
 * through PES, on {@code esp.pes.events.in}, under the employers' gateway's own sender id.
 */
public class EmployerEventPublisher extends DciEventPublisher {

    static final String ACTION = "employer-event";
    static final String SENDER_ID = "employer.example.org";

    public EmployerEventPublisher(JsonMessageSender sender, ObjectMapper objectMapper, Clock clock) {
        super(sender, objectMapper, clock, SimulatorQueues.PES_EVENTS_IN, SENDER_ID, ACTION);
    }
}
