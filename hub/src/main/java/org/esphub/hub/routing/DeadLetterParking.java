package org.esphub.hub.routing;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.esphub.dci.DciRejection;
import org.esphub.hub.intake.EventParking;
import org.esphub.hub.intake.HeldEvent;
import org.esphub.routes.ParkedMessages;
import org.springframework.stereotype.Component;

/**
 * Parks a held event that will not be taken in the dead-letter queue, through the same route as
 * the inbound routes' refusals: the operator finds it there with its reason and the queue it
 * came from, and resends it like any other.
 */
@Component
public class DeadLetterParking implements EventParking {

    private final ProducerTemplate camel;
    private final AgencyEventQueues queues;

    public DeadLetterParking(ProducerTemplate camel, AgencyEventQueues queues) {
        this.camel = camel;
        this.queues = queues;
    }

    @Override
    public void park(HeldEvent event, DciRejection reason) {
        Exchange parked = camel.send(ParkedMessages.PARK, exchange -> {
            exchange.setProperty(Exchange.EXCEPTION_CAUGHT, reason);
            exchange.getIn().setHeader(ParkedMessages.REJECTED_FROM, queues.of(event.agency()));
            exchange.getIn().setBody(event.envelope());
        });
        if (parked.getException() != null) {
            // not parked: the event stays held and is tried again at its next attempt
            throw new IllegalStateException("could not park held " + event.eventType() + " of "
                    + event.referenceId(), parked.getException());
        }
    }
}
