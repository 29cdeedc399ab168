package org.esphub.workers.handoff;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.ProducerTemplate;
import org.camunda.bpm.client.exception.EngineException;
import org.camunda.bpm.client.exception.NotFoundException;
import org.camunda.bpm.client.exception.RestException;
import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.task.ExternalTaskService;
import org.camunda.bpm.client.variable.ClientValues;
import org.camunda.bpm.client.variable.value.JsonValue;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.esphub.workers.logging.ReferralLogContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one hand-off from every external task to its Camel route.
 *
 * <p>The task's local variables (exactly the input mappings the model declares, nothing else)
 * become the message body of {@code direct:<topic>}, except the correlation id, which travels as
 * context; the route's reply map becomes the task's result variables. The service task's
 * {@code purpose} property and the person it concerns go with it for the data-sharing gate. A
 * route reports an expected business outcome by setting {@link HandoffHeaders#BPMN_ERROR_CODE};
 * any exception is a technical fault, retried on the task's back-off schedule until the engine
 * raises an incident. A business outcome the model does not catch becomes an incident at once.
 * Nothing is swallowed.
 *
 * <p>The log says what became of each step in one line, with the referral's reference (the task's
 * business key) and correlation id on it and on every line its route writes
 * ({@link ReferralLogContext}): completed, ended with a business outcome, or failed with the retries
 * left. The routes themselves do not log the step again.
 */
public class RouteHandoff {

    private static final Logger LOG = LoggerFactory.getLogger(RouteHandoff.class);
    private static final String OPTIMISTIC_LOCKING = "OptimisticLockingException";
    /** A conflict at a join clears once the other completion committed: a few tries are plenty. */
    private static final int COMPLETION_ATTEMPTS = 3;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CORRELATION_ID_VARIABLE = "correlationId";
    private static final String PERSON_ID_VARIABLE = "personId";

    private final ProducerTemplate producer;
    private final RetrySchedule defaultSchedule;
    private final Executor executor;

    /** Hands off on the calling thread. */
    public RouteHandoff(ProducerTemplate producer, RetrySchedule defaultSchedule) {
        this(producer, defaultSchedule, Runnable::run);
    }

    /**
     * @param executor where {@link #dispatch} runs hand-offs. The external-task client runs its
     *     handlers one after another on its polling thread, so without a pool one slow agency
     *     call holds up every topic; a bounded pool that makes the polling thread wait when it is
     *     full keeps the number of tasks in flight, and so the lock durations, under control.
     */
    public RouteHandoff(ProducerTemplate producer, RetrySchedule defaultSchedule, Executor executor) {
        this.producer = producer;
        this.defaultSchedule = defaultSchedule;
        this.executor = executor;
    }

    /** Lets hand-offs in flight finish (their tasks stay locked otherwise) and stops the pool. */
    public void shutdown() throws InterruptedException {
        if (executor instanceof ExecutorService pool) {
            pool.shutdown();
            if (!pool.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("Hand-offs still running after 30 s; their tasks are retried when their locks expire");
                pool.shutdownNow();
            }
        }
    }

    /** Runs {@link #handOff} on the executor; this is what the topic handlers call. */
    public void dispatch(ExternalTask task, ExternalTaskService service) {
        executor.execute(() -> handOff(task, service));
    }

    public void handOff(ExternalTask task, ExternalTaskService service) {
        Map<String, Object> variables;
        try {
            variables = routeBody(task);
        } catch (RuntimeException unreadable) {
            // thrown out of the handler it would only leave the task locked and unreported
            fail(task, service, unreadable);
            return;
        }
        // context, not payload: it goes to the agency as a header the route sets
        String correlationId = variables.remove(CORRELATION_ID_VARIABLE) instanceof String id ? id
                : task.getBusinessKey();
        long started = System.nanoTime();
        try (ReferralLogContext context = ReferralLogContext.open(task.getBusinessKey(), correlationId)) {
            Exchange reply = producer.request("direct:" + task.getTopicName(), exchange -> {
                exchange.setProperty(HandoffHeaders.PURPOSE,
                        task.getExtensionProperty(HandoffHeaders.PURPOSE_EXTENSION_PROPERTY));
                exchange.setProperty(HandoffHeaders.PERSON_ID, variables.get(PERSON_ID_VARIABLE));
                exchange.setProperty(HandoffHeaders.CORRELATION_ID, correlationId);
                exchange.setProperty(HandoffHeaders.BUSINESS_KEY, task.getBusinessKey());
                Message in = exchange.getIn();
                in.setBody(variables);
                in.setHeader(HandoffHeaders.TOPIC, task.getTopicName());
                in.setHeader(HandoffHeaders.BUSINESS_KEY, task.getBusinessKey());
                in.setHeader(HandoffHeaders.CORRELATION_ID, correlationId);
                in.setHeader(HandoffHeaders.IDEMPOTENCY_KEY, idempotencyKey(task));
                in.setHeader(HandoffHeaders.PROCESS_INSTANCE_ID, task.getProcessInstanceId());
                in.setHeader(HandoffHeaders.ACTIVITY_ID, task.getActivityId());
            });
            try {
                report(task, service, reply, started);
            } catch (NotFoundException gone) {
                // the process moved on while the agency was called: a consent withdrawn, a case
                // closed, a step cancelled by an event; the task and what it would report are gone
                LOG.info("referral {}: {} ({}) is no longer waited for (its process moved on); its result is dropped",
                        task.getBusinessKey(), task.getTopicName(), task.getActivityId());
            }
        }
    }

    /**
     * The task's variables as the route reads them. The client hands a JSON variable (the Spin
     * JSON a form's checklist is stored as) over as the text of the JSON, which a route could not
     * tell from a string; it becomes a Jackson tree, which is JSON to every route and mapper.
     */
    static Map<String, Object> routeBody(ExternalTask task) {
        Map<String, Object> variables = new HashMap<>();
        VariableMap typed = task.getAllVariablesTyped();
        for (String name : typed.keySet()) {
            TypedValue value = typed.getValueTyped(name);
            variables.put(name, value instanceof JsonValue json ? jsonTree(name, json) : value.getValue());
        }
        return variables;
    }

    /**
     * Reference id and activity instance: the same for every retry of one task, so the agency
     * drops a repeated call, but new each time the process reaches the step again (a second
     * proposal after an employer declined, a second attendance warning, the next checkpoint), so
     * the agency does not take a new call for a repeat of the last one.
     */
    static String idempotencyKey(ExternalTask task) {
        return task.getBusinessKey() + ":" + task.getActivityInstanceId();
    }

    private static JsonNode jsonTree(String name, JsonValue value) {
        if (value.getValue() == null) {
            return null;
        }
        try {
            return JSON.readTree(value.getValue());
        } catch (JsonProcessingException e) {
            // the engine only stores well-formed JSON: this is a fault to see, not to pass on as text
            throw new IllegalStateException("JSON variable " + name + " does not parse: " + e.getOriginalMessage(), e);
        }
    }

    private void report(ExternalTask task, ExternalTaskService service, Exchange reply, long started) {
        Exception fault = reply.getException();
        if (fault != null) {
            fail(task, service, fault);
            return;
        }
        Message out = reply.getMessage();
        String held = out.getHeader(HandoffHeaders.HELD_REASON, String.class);
        if (held != null) {
            hold(task, service, held);
            return;
        }
        String errorCode = out.getHeader(HandoffHeaders.BPMN_ERROR_CODE, String.class);
        if (errorCode != null) {
            String errorMessage = out.getHeader(HandoffHeaders.BPMN_ERROR_MESSAGE, String.class);
            LOG.info("referral {}: {} ({}) ended with business outcome {}: {}", task.getBusinessKey(),
                    task.getTopicName(), task.getActivityId(), errorCode, errorMessage);
            raiseBpmnError(task, service, errorCode, errorMessage);
            return;
        }
        Map<String, Object> variables;
        try {
            variables = resultVariables(out);
        } catch (IllegalStateException e) {
            // a route that breaks the reply contract is a technical fault: retried, then an incident
            // that shows it; thrown out of the handler it would only leave the task locked and unreported
            fail(task, service, e);
            return;
        }
        complete(task, service, variables);
        LOG.info("referral {}: {} ({}) done in {} ms", task.getBusinessKey(), task.getTopicName(), task.getActivityId(),
                (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * Completes the task, again when the engine refuses it for an optimistic-locking conflict:
     * two completions reaching one parallel join at the same moment make one of them fail. The
     * agency already took the call; without a second try the task stays locked until its lock
     * expires and the agency is called once more. Any other refusal stays the engine's answer.
     */
    private static void complete(ExternalTask task, ExternalTaskService service, Map<String, Object> variables) {
        for (int attempt = 1; ; attempt++) {
            try {
                service.complete(task, variables);
                return;
            } catch (EngineException refused) {
                if (attempt >= COMPLETION_ATTEMPTS || !isOptimisticLockingConflict(refused)) {
                    throw refused;
                }
                LOG.info("referral {}: {} completion met a concurrent change, completing again (attempt {})",
                        task.getBusinessKey(), task.getTopicName(), attempt + 1);
            }
        }
    }

    private static boolean isOptimisticLockingConflict(EngineException refused) {
        return OPTIMISTIC_LOCKING.equals(refused.getType())
                || refused.getCause() instanceof RestException cause && OPTIMISTIC_LOCKING.equals(cause.getType());
    }

    /**
     * The engine refuses a BPMN error that no boundary or event sub-process catches (the hub runs
     * with {@code enableExceptionsAfterUnhandledBpmnError}, so such an error never ends a process
     * silently). The outcome then becomes an incident with the reason, which Cockpit shows and an
     * operator can retry once the cause is fixed.
     */
    private void raiseBpmnError(ExternalTask task, ExternalTaskService service, String errorCode, String errorMessage) {
        try {
            service.handleBpmnError(task, errorCode, errorMessage);
        } catch (EngineException uncaught) {
            String message = "business outcome " + errorCode + " is not handled by the model at "
                    + task.getActivityId() + ": " + errorMessage;
            LOG.warn("referral {}: {} {}", task.getBusinessKey(), task.getTopicName(), message);
            service.handleFailure(task, truncate(message), stackTrace(uncaught), 0, 0);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> resultVariables(Message out) {
        Object body = out.getBody();
        if (body == null) {
            return Map.of();
        }
        if (body instanceof Map<?, ?> map) {
            Map<String, Object> variables = new HashMap<>();
            ((Map<String, Object>) map).forEach((name, value) -> variables.put(name, asVariable(name, value)));
            return variables;
        }
        throw new IllegalStateException("route replied with " + body.getClass().getName()
                + "; a route must reply with a map of result variables or nothing");
    }

    /**
     * A structured result (a list or a map, e.g. the options a form's select offers) becomes a JSON
     * variable, the way a form's own structured fields are stored and the way {@link #routeBody} hands
     * one to a route: Tasklist gives it to the form as JSON, the model reads it with Spin. Left to the
     * client, it would be a serialized Java object whose class the engine must trust to read it.
     */
    private static Object asVariable(String name, Object value) {
        if (value instanceof Map<?, ?> || value instanceof Collection<?>) {
            try {
                return ClientValues.jsonValue(JSON.writeValueAsString(value));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("result variable " + name + " is not JSON: " + e.getOriginalMessage(), e);
            }
        }
        return value;
    }

    /**
     * A restriction of processing holds the step: it is tried again later with its retries as they were
     * (a wait is no fault, so it never becomes an incident), and lifting the restriction makes it due at once.
     */
    private void hold(ExternalTask task, ExternalTaskService service, String reason) {
        int retries = task.getRetries() != null ? task.getRetries() : scheduleOf(task).attempts();
        LOG.info("referral {}: {} ({}) is held, tried again in {} or when lifted: {}", task.getBusinessKey(),
                task.getTopicName(), task.getActivityId(), HandoffHeaders.HELD_RETRY_AFTER, reason);
        service.handleFailure(task, truncate(reason), null, retries, HandoffHeaders.HELD_RETRY_AFTER.toMillis());
    }

    private void fail(ExternalTask task, ExternalTaskService service, Exception fault) {
        RetrySchedule schedule = scheduleOf(task);
        RetrySchedule.Decision decision = schedule.afterFailure(task.getRetries());
        String message = fault.getClass().getSimpleName() + ": " + fault.getMessage();
        LOG.warn("referral {}: {} ({}) failed ({} retries left, next in {}): {}", task.getBusinessKey(),
                task.getTopicName(), task.getActivityId(), decision.retries(), decision.delay(), message);
        service.handleFailure(task, truncate(message), stackTrace(fault), decision.retries(),
                decision.delay().toMillis());
    }

    private RetrySchedule scheduleOf(ExternalTask task) {
        String property = task.getExtensionProperty(RetrySchedule.PROPERTY);
        if (property == null) {
            return defaultSchedule;
        }
        try {
            return RetrySchedule.parse(property);
        } catch (IllegalArgumentException e) {
            LOG.warn("{}: {}; using the default schedule", task.getActivityId(), e.getMessage());
            return defaultSchedule;
        }
    }

    private static String truncate(String message) {
        // the engine stores the error message in a 666-character column
        return message.length() > 600 ? message.substring(0, 600) + "..." : message;
    }

    private static String stackTrace(Throwable fault) {
        StringWriter text = new StringWriter();
        fault.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
