package org.esphub.workers.tvet;

import org.camunda.bpm.client.spring.annotation.ExternalTaskSubscription;
import org.esphub.workers.handoff.RouteHandoff;
import org.esphub.workers.handoff.RouteWorker;
import org.springframework.stereotype.Component;

/** {@code tvet.list-programmes}: reads the provider's programme catalogue, the choices of the programme form. */
@Component
@ExternalTaskSubscription(topicName = "tvet.list-programmes", localVariables = true,
        includeExtensionProperties = true)
public class ListProgrammesWorker extends RouteWorker {

    public ListProgrammesWorker(RouteHandoff handoff) {
        super(handoff);
    }
}
