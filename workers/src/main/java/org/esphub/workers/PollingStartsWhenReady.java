package org.esphub.workers;

import org.camunda.bpm.client.ExternalTaskClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Starts the external-task client's polling once the application is ready, with every topic
 * subscription open (the client is built with auto-fetching off, {@code camunda.bpm.client.disable-auto-fetching}).
 * Started when built, as by default, the client's polling thread loops without pause while no
 * subscription is open yet (they open when the context is refreshed), holding a core through the
 * whole start-up; on a small machine that delayed the first referral's first task by seconds.
 */
@Component
class PollingStartsWhenReady {

    private final ObjectProvider<ExternalTaskClient> client;

    PollingStartsWhenReady(ObjectProvider<ExternalTaskClient> client) {
        this.client = client;
    }

    @EventListener(ApplicationReadyEvent.class)
    void startPolling() {
        client.ifAvailable(ExternalTaskClient::start);
    }
}
