package org.esphub.workers.sa;

import org.camunda.bpm.client.spring.annotation.ExternalTaskSubscription;
import org.esphub.workers.handoff.RouteHandoff;
import org.esphub.workers.handoff.RouteWorker;
import org.springframework.stereotype.Component;

/** {@code sa.subsidy-recovery}: instructs SA's treasury to recover a clawback no appeal can change any more. */
@Component
@ExternalTaskSubscription(topicName = "sa.subsidy-recovery", localVariables = true, includeExtensionProperties = true)
public class SubsidyRecoveryWorker extends RouteWorker {

    public SubsidyRecoveryWorker(RouteHandoff handoff) {
        super(handoff);
    }
}
