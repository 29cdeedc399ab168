package org.esphub.workers.handoff;

import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.task.ExternalTaskHandler;
import org.camunda.bpm.client.task.ExternalTaskService;

/**
 * Base of every topic's handler. A handler exists per topic so that its subscription (topic,
 * lock duration, variables) is declared in one findable place; the work itself is always the
 * same hand-off to the topic's route.
 */
public abstract class RouteWorker implements ExternalTaskHandler {

    private final RouteHandoff handoff;

    protected RouteWorker(RouteHandoff handoff) {
        this.handoff = handoff;
    }

    @Override
    public void execute(ExternalTask externalTask, ExternalTaskService externalTaskService) {
        handoff.dispatch(externalTask, externalTaskService);
    }
}
