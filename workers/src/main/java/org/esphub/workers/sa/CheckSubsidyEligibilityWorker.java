package org.esphub.workers.sa;

import org.camunda.bpm.client.spring.annotation.ExternalTaskSubscription;
import org.esphub.workers.handoff.RouteHandoff;
import org.esphub.workers.handoff.RouteWorker;
import org.springframework.stereotype.Component;

/** {@code sa.check-subsidy-eligibility}: asks the social registry for a worker's vulnerability percentile, and nothing else (employment-subsidy). */
@Component
@ExternalTaskSubscription(topicName = "sa.check-subsidy-eligibility", localVariables = true, includeExtensionProperties = true)
public class CheckSubsidyEligibilityWorker extends RouteWorker {

    public CheckSubsidyEligibilityWorker(RouteHandoff handoff) {
        super(handoff);
    }
}
