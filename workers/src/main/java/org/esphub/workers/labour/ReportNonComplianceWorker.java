package org.esphub.workers.labour;

import org.camunda.bpm.client.spring.annotation.ExternalTaskSubscription;
import org.esphub.workers.handoff.RouteHandoff;
import org.esphub.workers.handoff.RouteWorker;
import org.springframework.stereotype.Component;

/** {@code labour.report-non-compliance}: reports an employer's non-compliance to the labour inspectorate. */
@Component
@ExternalTaskSubscription(topicName = "labour.report-non-compliance", localVariables = true, includeExtensionProperties = true)
public class ReportNonComplianceWorker extends RouteWorker {

    public ReportNonComplianceWorker(RouteHandoff handoff) {
        super(handoff);
    }
}
