package org.esphub.workers.employer;

import org.camunda.bpm.client.spring.annotation.ExternalTaskSubscription;
import org.esphub.workers.handoff.RouteHandoff;
import org.esphub.workers.handoff.RouteWorker;
import org.springframework.stereotype.Component;

/** {@code employer.propose-candidate}: puts the person forward for an employer's vacancy. */
@Component
@ExternalTaskSubscription(topicName = "employer.propose-candidate", localVariables = true,
        includeExtensionProperties = true)
public class ProposeCandidateWorker extends RouteWorker {

    public ProposeCandidateWorker(RouteHandoff handoff) {
        super(handoff);
    }
}
