package org.esphub.workers.tax;

import org.camunda.bpm.client.spring.annotation.ExternalTaskSubscription;
import org.esphub.workers.handoff.RouteHandoff;
import org.esphub.workers.handoff.RouteWorker;
import org.springframework.stereotype.Component;

/** {@code tax.fetch-work-capacity}: reads the work capacity, hours and restrictions the social-insurance and health authority clears a returning person for (never the diagnosis). */
@Component
@ExternalTaskSubscription(topicName = "tax.fetch-work-capacity", localVariables = true, includeExtensionProperties = true)
public class FetchWorkCapacityWorker extends RouteWorker {

    public FetchWorkCapacityWorker(RouteHandoff handoff) {
        super(handoff);
    }
}
