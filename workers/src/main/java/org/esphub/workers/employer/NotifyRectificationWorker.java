package org.esphub.workers.employer;

import org.camunda.bpm.client.spring.annotation.ExternalTaskSubscription;
import org.esphub.workers.handoff.RouteHandoff;
import org.esphub.workers.handoff.RouteWorker;
import org.springframework.stereotype.Component;

/**
 * {@code employer.notify-rectification} ({@code Rectification.TOPIC_NOTIFY_EMPLOYER}): tells one employer that
 * a field it received about a person was corrected. The rectification runs one such task per employer.
 */
@Component
@ExternalTaskSubscription(topicName = "employer.notify-rectification", localVariables = true,
        includeExtensionProperties = true)
public class NotifyRectificationWorker extends RouteWorker {

    public NotifyRectificationWorker(RouteHandoff handoff) {
        super(handoff);
    }
}
