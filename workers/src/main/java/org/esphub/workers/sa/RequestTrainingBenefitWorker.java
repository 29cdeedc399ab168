package org.esphub.workers.sa;

import org.camunda.bpm.client.spring.annotation.ExternalTaskSubscription;
import org.esphub.workers.handoff.RouteHandoff;
import org.esphub.workers.handoff.RouteWorker;
import org.springframework.stereotype.Component;

/** {@code sa.request-training-benefit}: asks the SA system to decide on the benefits a training needs. */
@Component
@ExternalTaskSubscription(topicName = "sa.request-training-benefit", localVariables = true,
        includeExtensionProperties = true)
public class RequestTrainingBenefitWorker extends RouteWorker {

    public RequestTrainingBenefitWorker(RouteHandoff handoff) {
        super(handoff);
    }
}
