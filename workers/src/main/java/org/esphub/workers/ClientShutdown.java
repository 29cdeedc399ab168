package org.esphub.workers;

import org.camunda.bpm.client.ExternalTaskClient;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Stops polling before the web server goes down. The in-JVM client long-polls the hub's own
 * REST API; without this it keeps polling a closing server during shutdown and logs errors.
 */
@Component
class ClientShutdown implements SmartLifecycle {

    private final ExternalTaskClient client;
    private volatile boolean running;

    ClientShutdown(ExternalTaskClient client) {
        this.client = client;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        client.stop();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Highest phase: stopped first, before the web server (which stops in a lower phase). */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }
}
