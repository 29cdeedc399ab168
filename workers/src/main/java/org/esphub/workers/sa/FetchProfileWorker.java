package org.esphub.workers.sa;

import org.camunda.bpm.client.spring.annotation.ExternalTaskSubscription;
import org.esphub.workers.handoff.RouteHandoff;
import org.esphub.workers.handoff.RouteWorker;
import org.springframework.stereotype.Component;

/** {@code sa.fetch-profile}: reads the person's minimal profile from the SA system. */
@Component
@ExternalTaskSubscription(topicName = "sa.fetch-profile", localVariables = true, includeExtensionProperties = true)
public class FetchProfileWorker extends RouteWorker {

    public FetchProfileWorker(RouteHandoff handoff) {
        super(handoff);
    }
}
