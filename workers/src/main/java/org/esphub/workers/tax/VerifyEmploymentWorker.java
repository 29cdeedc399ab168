package org.esphub.workers.tax;

import org.camunda.bpm.client.spring.annotation.ExternalTaskSubscription;
import org.esphub.workers.handoff.RouteHandoff;
import org.esphub.workers.handoff.RouteWorker;
import org.springframework.stereotype.Component;

/**
 * {@code tax.verify-employment}: asks the tax / social-insurance authority whether the person is in
 * insured employment on a day.
 */
@Component
@ExternalTaskSubscription(topicName = "tax.verify-employment", localVariables = true,
        includeExtensionProperties = true)
public class VerifyEmploymentWorker extends RouteWorker {

    public VerifyEmploymentWorker(RouteHandoff handoff) {
        super(handoff);
    }
}
