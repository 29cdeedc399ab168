package org.esphub.routes;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * The last step before a JMS send to an agency (data-sharing-gate.yaml): marks the message with
 * Artemis's duplicate-detection id, taken from the step it comes from.
 *
 * <p>Why: a worker that dies after the send but before it reported its task leaves the task
 * locked; when the lock runs out another worker takes the task and sends again. An HTTP agency
 * drops the repeat by its Idempotency-Key; a queue would deliver it twice. With this id the
 * broker itself drops the second send (it keeps the ids it has seen per address, persistently,
 * see the broker's {@code id-cache-size}), so the agency's consumer never sees it.
 */
public class OnceOnTheBroker implements Processor {

    /** Artemis's duplicate-detection property ({@code Message.HDR_DUPLICATE_DETECTION_ID}). */
    static final String DUPLICATE_DETECTION_ID = "_AMQ_DUPL_ID";
    /** Set by the external-task hand-off (workers: HandoffHeaders): the same for every retry of one step. */
    static final String IDEMPOTENCY_KEY = "EspIdempotencyKey";

    @Override
    public void process(Exchange exchange) {
        Message message = exchange.getMessage();
        String step = message.getHeader(IDEMPOTENCY_KEY, String.class);
        if (step != null && !step.isBlank()) {
            message.setHeader(DUPLICATE_DETECTION_ID, step);
        }
    }
}
