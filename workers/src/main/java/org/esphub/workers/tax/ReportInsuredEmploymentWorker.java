package org.esphub.workers.tax;

import org.camunda.bpm.client.spring.annotation.ExternalTaskSubscription;
import org.esphub.workers.handoff.RouteHandoff;
import org.esphub.workers.handoff.RouteWorker;
import org.springframework.stereotype.Component;

/**
 * {@code tax.report-insured-employment}: employment-status verification asks the tax / social-insurance authority for the person's insured employment.
 */
@Component
@ExternalTaskSubscription(topicName = "tax.report-insured-employment", localVariables = true,
        includeExtensionProperties = true)
public class ReportInsuredEmploymentWorker extends RouteWorker {

    public ReportInsuredEmploymentWorker(RouteHandoff handoff) {
        super(handoff);
    }
}
