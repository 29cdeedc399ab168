package org.esphub.workers.employer;

import org.camunda.bpm.client.spring.annotation.ExternalTaskSubscription;
import org.esphub.workers.handoff.RouteHandoff;
import org.esphub.workers.handoff.RouteWorker;
import org.springframework.stereotype.Component;

/**
 * {@code employer.confirm-employment}: employment-status verification asks the employers directly whether they employ the person.
 */
@Component
@ExternalTaskSubscription(topicName = "employer.confirm-employment", localVariables = true,
        includeExtensionProperties = true)
public class ConfirmEmploymentWorker extends RouteWorker {

    public ConfirmEmploymentWorker(RouteHandoff handoff) {
        super(handoff);
    }
}
