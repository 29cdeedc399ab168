package org.esphub.workers.sa;

import org.camunda.bpm.client.spring.annotation.ExternalTaskSubscription;
import org.esphub.workers.handoff.RouteHandoff;
import org.esphub.workers.handoff.RouteWorker;
import org.springframework.stereotype.Component;

/** {@code sa.fetch-benefit}: reads the benefit SA pays the person now, before an adjustment. */
@Component
@ExternalTaskSubscription(topicName = "sa.fetch-benefit", localVariables = true, includeExtensionProperties = true)
public class FetchBenefitWorker extends RouteWorker {

    public FetchBenefitWorker(RouteHandoff handoff) {
        super(handoff);
    }
}
