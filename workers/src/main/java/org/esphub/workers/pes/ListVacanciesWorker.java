package org.esphub.workers.pes;

import org.camunda.bpm.client.spring.annotation.ExternalTaskSubscription;
import org.esphub.workers.handoff.RouteHandoff;
import org.esphub.workers.handoff.RouteWorker;
import org.springframework.stereotype.Component;

/** {@code pes.list-vacancies}: reads the open vacancies at PES, the choices of the vacancy form. */
@Component
@ExternalTaskSubscription(topicName = "pes.list-vacancies", localVariables = true,
        includeExtensionProperties = true)
public class ListVacanciesWorker extends RouteWorker {

    public ListVacanciesWorker(RouteHandoff handoff) {
        super(handoff);
    }
}
