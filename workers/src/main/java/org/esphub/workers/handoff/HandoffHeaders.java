package org.esphub.workers.handoff;

/**
 * Camel message headers that carry an external task's context into its route, and a business
 * outcome back. Routes name them in YAML as plain strings, so they are spelled out here once.
 *
 * <p>The data-sharing gate ({@code camel-routes/data-sharing-gate.yaml}) reads the context as
 * exchange properties of the same names ({@link #GATE_PROPERTIES}), because routes strip the
 * {@code Esp*} headers before the wire and properties never reach it.
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

    /**
     * Set by the gate when a restriction of processing holds the exchange: the task is failed for a retry
     * after {@link #HELD_RETRY_AFTER}, its retries left as they are, and becomes due at once when the
     * restriction is lifted. The value is the reason, which starts with {@code RESTRICTED}.
     */
    public static final String HELD_REASON = "EspHeldReason";
    /** How long a held task waits before it is tried again, unless its restriction is lifted first. */
    public static final java.time.Duration HELD_RETRY_AFTER = java.time.Duration.ofHours(1);

    /** What the task's data is for: the service task's {@link #PURPOSE_EXTENSION_PROPERTY}. */
    public static final String PURPOSE = "EspPurpose";
    /** Whose data the task moves: its {@code personId} variable. */
    public static final String PERSON_ID = "EspPersonId";
    /** Exchange properties set for the gate: purpose, person, correlation id, business key. */
    public static final java.util.List<String> GATE_PROPERTIES = java.util.List.of(PURPOSE, PERSON_ID,
            CORRELATION_ID, BUSINESS_KEY);
    /** Extension property of a service task naming the agreement purpose its data moves for. */
    public static final String PURPOSE_EXTENSION_PROPERTY = "purpose";

    private HandoffHeaders() {
    }
}
