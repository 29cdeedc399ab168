package org.esphub.workers.sa;

import org.camunda.bpm.client.spring.annotation.ExternalTaskSubscription;
import org.esphub.workers.handoff.RouteHandoff;
import org.esphub.workers.handoff.RouteWorker;
import org.springframework.stereotype.Component;

/** {@code sa.fetch-assistance-figures}: reads the household size and income SA's registry holds, for the pre-eligibility rules of a PES referral. */
@Component
@ExternalTaskSubscription(topicName = "sa.fetch-assistance-figures", localVariables = true, includeExtensionProperties = true)
public class FetchAssistanceFiguresWorker extends RouteWorker {

    public FetchAssistanceFiguresWorker(RouteHandoff handoff) {
        super(handoff);
    }
}
