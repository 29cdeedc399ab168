package org.esphub.workers.employer;

import org.camunda.bpm.client.spring.annotation.ExternalTaskSubscription;
import org.esphub.workers.handoff.RouteHandoff;
import org.esphub.workers.handoff.RouteWorker;
import org.springframework.stereotype.Component;

/** {@code employer.withdraw-proposal}: takes a candidate proposal back from the employer. */
@Component
@ExternalTaskSubscription(topicName = "employer.withdraw-proposal", localVariables = true,
        includeExtensionProperties = true)
public class WithdrawProposalWorker extends RouteWorker {

    public WithdrawProposalWorker(RouteHandoff handoff) {
        super(handoff);
    }
}
