package org.esphub.workers.pes;

import org.camunda.bpm.client.spring.annotation.ExternalTaskSubscription;
import org.esphub.workers.handoff.RouteHandoff;
import org.esphub.workers.handoff.RouteWorker;
import org.springframework.stereotype.Component;

/**
 * {@code pes.report-labour-status}: employment-status verification asks PES whether the person is a registered jobseeker.
 */
@Component
@ExternalTaskSubscription(topicName = "pes.report-labour-status", localVariables = true,
        includeExtensionProperties = true)
public class ReportLabourStatusWorker extends RouteWorker {

    public ReportLabourStatusWorker(RouteHandoff handoff) {
        super(handoff);
    }
}
