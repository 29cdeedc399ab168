package org.esphub.workers.logging;

import org.slf4j.MDC;

/**
 * Puts a referral's reference and correlation id on every log line written while its work runs
 * on this thread (the log pattern prints them as {@code ref:} and {@code cid:}; structured JSON
 * logging carries them as the fields {@value #REFERENCE_ID} and {@value #CORRELATION_ID}), so an
 * operator follows one referral by grepping its reference. Closing it restores what the thread
 * carried before, so nested work (one item of a message of several) leaves no trace behind.
 *
 * <pre>{@code
 * try (ReferralLogContext context = ReferralLogContext.open(referenceId, correlationId)) {
 *     LOG.info("referral {}: registered with PES", referenceId);
 * }
 * }</pre>
 */
public final class ReferralLogContext implements AutoCloseable {

    /** MDC key of the referral's reference_id (the business key of its processes). */
    public static final String REFERENCE_ID = "referenceId";
    /** MDC key of the correlation id that travels from the inbound message into every outbound call. */
    public static final String CORRELATION_ID = "correlationId";

    private final String previousReference;
    private final String previousCorrelation;

    private ReferralLogContext(String previousReference, String previousCorrelation) {
        this.previousReference = previousReference;
        this.previousCorrelation = previousCorrelation;
    }

    /** Sets both keys; a null value leaves what the thread already carries for that key. */
    public static ReferralLogContext open(String referenceId, String correlationId) {
        ReferralLogContext context = new ReferralLogContext(MDC.get(REFERENCE_ID), MDC.get(CORRELATION_ID));
        if (referenceId != null) {
            MDC.put(REFERENCE_ID, referenceId);
        }
        if (correlationId != null) {
            MDC.put(CORRELATION_ID, correlationId);
        }
        return context;
    }

    @Override
    public void close() {
        restore(REFERENCE_ID, previousReference);
        restore(CORRELATION_ID, previousCorrelation);
    }

    private static void restore(String key, String value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }
}
