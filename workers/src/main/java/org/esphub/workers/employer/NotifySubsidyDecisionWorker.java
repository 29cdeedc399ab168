package org.esphub.workers.employer;

import org.camunda.bpm.client.spring.annotation.ExternalTaskSubscription;
import org.esphub.workers.handoff.RouteHandoff;
import org.esphub.workers.handoff.RouteWorker;
import org.springframework.stereotype.Component;

/** {@code employer.notify-subsidy-decision}: tells the employer a decision about its wage subsidy. */
@Component
@ExternalTaskSubscription(topicName = "employer.notify-subsidy-decision", localVariables = true, includeExtensionProperties = true)
public class NotifySubsidyDecisionWorker extends RouteWorker {

    public NotifySubsidyDecisionWorker(RouteHandoff handoff) {
        super(handoff);
    }
}
