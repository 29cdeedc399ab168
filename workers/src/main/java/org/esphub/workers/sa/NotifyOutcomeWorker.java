package org.esphub.workers.sa;

import org.camunda.bpm.client.spring.annotation.ExternalTaskSubscription;
import org.esphub.workers.handoff.RouteHandoff;
import org.esphub.workers.handoff.RouteWorker;
import org.springframework.stereotype.Component;

/** {@code sa.notify-outcome}: tells the SA system what became of a referral. */
@Component
@ExternalTaskSubscription(topicName = "sa.notify-outcome", localVariables = true, includeExtensionProperties = true)
public class NotifyOutcomeWorker extends RouteWorker {

    public NotifyOutcomeWorker(RouteHandoff handoff) {
        super(handoff);
    }
}
