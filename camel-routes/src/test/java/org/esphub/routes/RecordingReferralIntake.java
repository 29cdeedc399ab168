package org.esphub.routes;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands in for the hub's referral intake (which needs the engine): records what the
 * route hands over and, when told to, fails the way the real intake does.
 */
public class RecordingReferralIntake implements InboundReferrals {

    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private volatile RuntimeException fault;

    @Override
    public void acceptFromQueue(String body, String jmsCorrelationId, String brokerUser) {
        calls.add(new Call(body, jmsCorrelationId, brokerUser));
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

    record Call(String body, String jmsCorrelationId, String brokerUser) {
    }
}
