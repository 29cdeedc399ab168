package org.esphub.workers.tvet;

import org.camunda.bpm.client.spring.annotation.ExternalTaskSubscription;
import org.esphub.workers.handoff.RouteHandoff;
import org.esphub.workers.handoff.RouteWorker;
import org.springframework.stereotype.Component;

/** {@code tvet.release-slot}: gives a held place back to the training provider. */
@Component
@ExternalTaskSubscription(topicName = "tvet.release-slot", localVariables = true,
        includeExtensionProperties = true)
public class ReleaseSlotWorker extends RouteWorker {

    public ReleaseSlotWorker(RouteHandoff handoff) {
        super(handoff);
    }
}
