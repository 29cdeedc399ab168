package org.esphub.workers.pes;

import org.camunda.bpm.client.spring.annotation.ExternalTaskSubscription;
import org.esphub.workers.handoff.RouteHandoff;
import org.esphub.workers.handoff.RouteWorker;
import org.springframework.stereotype.Component;

/**
 * {@code pes.notify-outcome}: tells PES of a notice it acts on (attendance warning, placement, appeal outcome).
 * Named as a bean explicitly: {@code sa.NotifyOutcomeWorker} has the default name.
 */
@Component("pesNotifyOutcomeWorker")
@ExternalTaskSubscription(topicName = "pes.notify-outcome", localVariables = true,
        includeExtensionProperties = true)
public class NotifyOutcomeWorker extends RouteWorker {

    public NotifyOutcomeWorker(RouteHandoff handoff) {
        super(handoff);
    }
}
