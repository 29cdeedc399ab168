package org.esphub.workers.pes;

import org.camunda.bpm.client.spring.annotation.ExternalTaskSubscription;
import org.esphub.workers.handoff.RouteHandoff;
import org.esphub.workers.handoff.RouteWorker;
import org.springframework.stereotype.Component;

/** {@code pes.register-jobseeker}: registers the referred person as a jobseeker at PES. */
@Component
@ExternalTaskSubscription(topicName = "pes.register-jobseeker", localVariables = true,
        includeExtensionProperties = true)
public class RegisterJobseekerWorker extends RouteWorker {

    public RegisterJobseekerWorker(RouteHandoff handoff) {
        super(handoff);
    }
}
