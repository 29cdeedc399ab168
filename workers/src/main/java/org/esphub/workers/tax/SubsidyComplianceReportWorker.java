package org.esphub.workers.tax;

import org.camunda.bpm.client.spring.annotation.ExternalTaskSubscription;
import org.esphub.workers.handoff.RouteHandoff;
import org.esphub.workers.handoff.RouteWorker;
import org.springframework.stereotype.Component;

/** {@code tax.subsidy-compliance-report}: gets social insurance's monthly compliance report on a subsidised job. */
@Component
@ExternalTaskSubscription(topicName = "tax.subsidy-compliance-report", localVariables = true, includeExtensionProperties = true)
public class SubsidyComplianceReportWorker extends RouteWorker {

    public SubsidyComplianceReportWorker(RouteHandoff handoff) {
        super(handoff);
    }
}
