package org.esphub.workers.sa;

import org.camunda.bpm.client.spring.annotation.ExternalTaskSubscription;
import org.esphub.workers.handoff.RouteHandoff;
import org.esphub.workers.handoff.RouteWorker;
import org.springframework.stereotype.Component;

/** {@code sa.apply-benefit-adjustment}: has the SA system apply a benefit adjustment no appeal can undo any more. */
@Component
@ExternalTaskSubscription(topicName = "sa.apply-benefit-adjustment", localVariables = true,
        includeExtensionProperties = true)
public class ApplyBenefitAdjustmentWorker extends RouteWorker {

    public ApplyBenefitAdjustmentWorker(RouteHandoff handoff) {
        super(handoff);
    }
}
