package org.esphub.workers.tax;

import org.camunda.bpm.client.spring.annotation.ExternalTaskSubscription;
import org.esphub.workers.handoff.RouteHandoff;
import org.esphub.workers.handoff.RouteWorker;
import org.springframework.stereotype.Component;

/**
 * {@code tax.verify-employer-registration}: asks social insurance whether the subsidised worker is insured by
 * the employer of the application on a day (a job with another employer does not keep a subsidy going).
 */
@Component
@ExternalTaskSubscription(topicName = "tax.verify-employer-registration", localVariables = true,
        includeExtensionProperties = true)
public class VerifyEmployerRegistrationWorker extends RouteWorker {

    public VerifyEmployerRegistrationWorker(RouteHandoff handoff) {
        super(handoff);
    }
}
