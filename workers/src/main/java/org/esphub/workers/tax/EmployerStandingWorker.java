package org.esphub.workers.tax;

import org.camunda.bpm.client.spring.annotation.ExternalTaskSubscription;
import org.esphub.workers.handoff.RouteHandoff;
import org.esphub.workers.handoff.RouteWorker;
import org.springframework.stereotype.Component;

/** {@code tax.employer-standing}: asks social insurance whether an employer applying for a subsidy is in good standing. */
@Component
@ExternalTaskSubscription(topicName = "tax.employer-standing", localVariables = true, includeExtensionProperties = true)
public class EmployerStandingWorker extends RouteWorker {

    public EmployerStandingWorker(RouteHandoff handoff) {
        super(handoff);
    }
}
