package org.esphub.workers.tvet;

import org.camunda.bpm.client.spring.annotation.ExternalTaskSubscription;
import org.esphub.workers.handoff.RouteHandoff;
import org.esphub.workers.handoff.RouteWorker;
import org.springframework.stereotype.Component;

/** {@code tvet.confirm-enrolment}: turns the held place into an enrolment once SA approved the training benefit. */
@Component
@ExternalTaskSubscription(topicName = "tvet.confirm-enrolment", localVariables = true,
        includeExtensionProperties = true)
public class ConfirmEnrolmentWorker extends RouteWorker {

    public ConfirmEnrolmentWorker(RouteHandoff handoff) {
        super(handoff);
    }
}
