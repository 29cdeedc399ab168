package org.esphub.workers.tvet;

import org.camunda.bpm.client.spring.annotation.ExternalTaskSubscription;
import org.esphub.workers.handoff.RouteHandoff;
import org.esphub.workers.handoff.RouteWorker;
import org.springframework.stereotype.Component;

/** {@code tvet.reserve-slot}: holds a place on the chosen programme at the training provider, or learns there is none. */
@Component
@ExternalTaskSubscription(topicName = "tvet.reserve-slot", localVariables = true,
        includeExtensionProperties = true)
public class ReserveSlotWorker extends RouteWorker {

    public ReserveSlotWorker(RouteHandoff handoff) {
        super(handoff);
    }
}
