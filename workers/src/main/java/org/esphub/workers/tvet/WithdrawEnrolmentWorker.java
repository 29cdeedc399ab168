package org.esphub.workers.tvet;

import org.camunda.bpm.client.spring.annotation.ExternalTaskSubscription;
import org.esphub.workers.handoff.RouteHandoff;
import org.esphub.workers.handoff.RouteWorker;
import org.springframework.stereotype.Component;

/** {@code tvet.withdraw-enrolment}: ends an enrolment at the training provider after the caseworker ended the training. */
@Component
@ExternalTaskSubscription(topicName = "tvet.withdraw-enrolment", localVariables = true,
        includeExtensionProperties = true)
public class WithdrawEnrolmentWorker extends RouteWorker {

    public WithdrawEnrolmentWorker(RouteHandoff handoff) {
        super(handoff);
    }
}
