package org.esphub.workers.employer;

import org.camunda.bpm.client.spring.annotation.ExternalTaskSubscription;
import org.esphub.workers.handoff.RouteHandoff;
import org.esphub.workers.handoff.RouteWorker;
import org.springframework.stereotype.Component;

/** {@code employer.agree-accommodations}: asks the employer to agree to a graded return's hours and accommodations. */
@Component
@ExternalTaskSubscription(topicName = "employer.agree-accommodations", localVariables = true, includeExtensionProperties = true)
public class AgreeAccommodationsWorker extends RouteWorker {

    public AgreeAccommodationsWorker(RouteHandoff handoff) {
        super(handoff);
    }
}
