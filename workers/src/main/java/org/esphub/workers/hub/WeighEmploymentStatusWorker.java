package org.esphub.workers.hub;

import org.camunda.bpm.client.spring.annotation.ExternalTaskSubscription;
import org.esphub.workers.handoff.RouteHandoff;
import org.esphub.workers.handoff.RouteWorker;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * {@code hub.weigh-employment-status}: the hub's confidence rule weighs the sources' findings into an
 * employment status; no agency is called. Its route and rule exist on hub nodes only, so an agency-link
 * node, which runs every other worker, leaves this topic to them ({@code esp.workers.hub-steps: false}).
 */
@Component
@ConditionalOnProperty(name = "esp.workers.hub-steps", havingValue = "true", matchIfMissing = true)
@ExternalTaskSubscription(topicName = "hub.weigh-employment-status", localVariables = true,
        includeExtensionProperties = true)
public class WeighEmploymentStatusWorker extends RouteWorker {

    public WeighEmploymentStatusWorker(RouteHandoff handoff) {
        super(handoff);
    }
}
