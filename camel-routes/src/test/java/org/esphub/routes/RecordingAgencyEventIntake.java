package org.esphub.routes;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands in for the hub's agency event intake (which needs the engine): records what
 * the route hands over and, when told to, fails the way the real intake does.
 */
public class RecordingAgencyEventIntake implements InboundAgencyEvents {

    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private volatile RuntimeException fault;

    @Override
    public void accept(String agency, String body, Integer deliveryCount, String brokerUser) {
        calls.add(new Call(agency, body, deliveryCount, brokerUser));
        if (fault != null) {
            throw fault;
        }
    }

    void failWith(RuntimeException fault) {
        this.fault = fault;
    }

    List<Call> calls() {
        return calls;
    }

    record Call(String agency, String body, Integer deliveryCount, String brokerUser) {
    }
}
