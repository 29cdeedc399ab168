package org.esphub.workers.sa;

import org.camunda.bpm.client.spring.annotation.ExternalTaskSubscription;
import org.esphub.workers.handoff.RouteHandoff;
import org.esphub.workers.handoff.RouteWorker;
import org.springframework.stereotype.Component;

/** {@code sa.subsidy-payment}: instructs SA's treasury to pay a month's wage subsidy or the retention bonus. */
@Component
@ExternalTaskSubscription(topicName = "sa.subsidy-payment", localVariables = true, includeExtensionProperties = true)
public class SubsidyPaymentWorker extends RouteWorker {

    public SubsidyPaymentWorker(RouteHandoff handoff) {
        super(handoff);
    }
}
