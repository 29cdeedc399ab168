package org.esphub.workers.sa;

import org.camunda.bpm.client.spring.annotation.ExternalTaskSubscription;
import org.esphub.workers.handoff.RouteHandoff;
import org.esphub.workers.handoff.RouteWorker;
import org.springframework.stereotype.Component;

/** {@code sa.record-assistance-decision}: records a PES client's social assistance application and its decision in SA's register. */
@Component
@ExternalTaskSubscription(topicName = "sa.record-assistance-decision", localVariables = true, includeExtensionProperties = true)
public class RecordAssistanceDecisionWorker extends RouteWorker {

    public RecordAssistanceDecisionWorker(RouteHandoff handoff) {
        super(handoff);
    }
}
