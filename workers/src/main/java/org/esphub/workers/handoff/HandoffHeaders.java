package org.esphub.workers.handoff;

/**
 * Camel message headers that carry an external task's context into its route, and a business
 * outcome back. Routes name them in YAML as plain strings, so they are spelled out here once.
 */
public final class HandoffHeaders {

    /** The external-task topic, which is also the route's endpoint name ({@code direct:<topic>}). */
    public static final String TOPIC = "EspTopic";
    /** Business key of the process instance: the DCI reference_id that started it. */
    public static final String BUSINESS_KEY = "EspBusinessKey";
    /** The correlation id that travels from the inbound message into every outbound call. */
    public static final String CORRELATION_ID = "EspCorrelationId";
    /** Stable per step (business key + activity id): the receiver deduplicates retried calls with it. */
    public static final String IDEMPOTENCY_KEY = "EspIdempotencyKey";
    public static final String PROCESS_INSTANCE_ID = "EspProcessInstanceId";
    public static final String ACTIVITY_ID = "EspActivityId";
    /** Set by a route to report an expected business outcome as a BPMN error with this code. */
    public static final String BPMN_ERROR_CODE = "EspBpmnErrorCode";
    /** Human-readable reason that goes with {@link #BPMN_ERROR_CODE}. */
    public static final String BPMN_ERROR_MESSAGE = "EspBpmnErrorMessage";

    private HandoffHeaders() {
    }
}
