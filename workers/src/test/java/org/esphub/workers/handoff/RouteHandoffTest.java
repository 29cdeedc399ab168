package org.esphub.workers.handoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.camunda.bpm.client.exception.EngineException;
import org.camunda.bpm.client.variable.value.JsonValue;
import org.esphub.workers.handoff.RecordingExternalTaskService.BpmnError;
import org.esphub.workers.handoff.RecordingExternalTaskService.Completed;
import org.esphub.workers.handoff.RecordingExternalTaskService.Failure;
import org.esphub.workers.logging.ReferralLogContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/**
 * The hand-off from an external task to its route and back, against a real Camel context with a
 * small Java route per case on {@code direct:<topic>}.
 */
class RouteHandoffTest {

    private static final String TOPIC = "pes.register-jobseeker";
    private static final String DEFAULT_BACKOFF = "PT10S,PT1M";

    private final CamelContext camel = new DefaultCamelContext();
    private final RecordingExternalTaskService engine = new RecordingExternalTaskService();
    private final List<Exchange> handedOver = new CopyOnWriteArrayList<>();
    private ProducerTemplate producer;
    private RouteHandoff handoff;

    @BeforeEach
    void startCamel() {
        camel.start();
        producer = camel.createProducerTemplate();
        handoff = new RouteHandoff(producer, RetrySchedule.parse(DEFAULT_BACKOFF));
    }

    @AfterEach
    void stopCamel() throws Exception {
        producer.close();
        camel.close();
    }

    @Test
    void dispatch_works_the_task_on_the_worker_pool_not_on_the_polling_thread() throws Exception {
        route(exchange -> exchange.getMessage().setBody(Map.of("pesCaseNumber", "PES-1")));
        List<Runnable> queued = new CopyOnWriteArrayList<>();
        RouteHandoff pooled = new RouteHandoff(producer, RetrySchedule.parse(DEFAULT_BACKOFF), queued::add);

        pooled.dispatch(task(), engine);

        assertThat(engine.reports()).as("nothing reported before the pool runs it").isEmpty();
        queued.get(0).run();
        assertThat(engine.onlyReport()).isInstanceOf(Completed.class);
    }

    @Test
    void the_task_variables_become_the_route_body() throws Exception {
        route(exchange -> exchange.getMessage().setBody(null));
        FakeExternalTask task = task().variable("personId", "P-1").variable("givenName", "Ana");

        handoff.handOff(task, engine);

        assertThat(handedOver.get(0).getIn().getBody()).isEqualTo(Map.of("personId", "P-1", "givenName", "Ana"));
    }

    @Test
    void the_route_learns_topic_business_key_process_instance_activity_and_a_per_step_idempotency_key() throws Exception {
        route(exchange -> exchange.getMessage().setBody(null));

        handoff.handOff(task(), engine);

        assertThat(handedOver.get(0).getIn().getHeaders()).contains(
                entry(HandoffHeaders.TOPIC, TOPIC),
                entry(HandoffHeaders.BUSINESS_KEY, "REF-1"),
                entry(HandoffHeaders.PROCESS_INSTANCE_ID, "pi-REF-1"),
                entry(HandoffHeaders.ACTIVITY_ID, "registerJobseeker"),
                entry(HandoffHeaders.IDEMPOTENCY_KEY, "REF-1:registerJobseeker:ai-1"));
    }

    @Test
    void a_retry_of_a_step_keeps_its_idempotency_key_and_the_next_pass_through_the_step_gets_a_new_one() throws Exception {
        route(exchange -> exchange.getMessage().setBody(null));

        handoff.handOff(task(), engine);
        handoff.handOff(task().retries(2), engine);
        handoff.handOff(task().activityInstance("registerJobseeker:ai-2"), engine);

        assertThat(handedOver).extracting(exchange -> exchange.getIn().getHeader(HandoffHeaders.IDEMPOTENCY_KEY))
                .containsExactly("REF-1:registerJobseeker:ai-1", "REF-1:registerJobseeker:ai-1", "REF-1:registerJobseeker:ai-2");
    }

    @Test
    void a_json_variable_reaches_the_route_as_a_json_tree_not_as_its_text() throws Exception {
        route(exchange -> exchange.getMessage().setBody(null));

        handoff.handOff(task().jsonVariable("requestedBenefits", "[\"TRAINING_ALLOWANCE\",\"CHILDCARE\"]")
                .variable("startDate", "2026-04-06"), engine);

        Map<?, ?> body = handedOver.get(0).getIn().getBody(Map.class);
        assertThat(body.get("requestedBenefits"))
                .isEqualTo(new ObjectMapper().readTree("[\"TRAINING_ALLOWANCE\",\"CHILDCARE\"]"));
        assertThat(body.get("startDate")).isEqualTo("2026-04-06");
    }

    @Test
    void a_json_variable_that_does_not_parse_is_a_failure_and_nothing_is_handed_over() throws Exception {
        route(exchange -> exchange.getMessage().setBody(null));

        handoff.handOff(task().jsonVariable("requestedBenefits", "[\"TRAINING_ALLOWANCE\""), engine);

        assertThat(handedOver).isEmpty();
        Failure failure = (Failure) engine.onlyReport();
        assertThat(failure.errorMessage()).contains("requestedBenefits");
        assertThat(failure.retries()).isEqualTo(2);
    }

    @Test
    void the_gate_learns_purpose_person_correlation_id_and_business_key_as_properties_that_never_reach_the_wire()
            throws Exception {
        route(exchange -> exchange.getMessage().setBody(null));
        FakeExternalTask task = task().variable("personId", "P-1").variable("correlationId", "corr-9")
                .extensionProperty("purpose", "EMPLOYMENT_ACTIVATION");

        handoff.handOff(task, engine);

        assertThat(handedOver.get(0).getProperties()).contains(
                entry(HandoffHeaders.PURPOSE, "EMPLOYMENT_ACTIVATION"),
                entry(HandoffHeaders.PERSON_ID, "P-1"),
                entry(HandoffHeaders.CORRELATION_ID, "corr-9"),
                entry(HandoffHeaders.BUSINESS_KEY, "REF-1"));
    }

    @Test
    void a_completion_refused_for_a_concurrent_change_at_a_join_is_made_again() throws Exception {
        route(exchange -> exchange.getMessage().setBody(Map.of("done", true)));
        engine.conflictOnNextCompletions(1);

        handoff.handOff(task(), engine);

        assertThat(engine.onlyReport()).isInstanceOf(Completed.class);
        assertThat(handedOver).as("the agency is called once").hasSize(1);
    }

    @Test
    void a_completion_that_keeps_conflicting_is_given_up_after_three_tries_and_the_lock_runs_out() throws Exception {
        route(exchange -> exchange.getMessage().setBody(Map.of("done", true)));
        engine.conflictOnNextCompletions(3);

        assertThatThrownBy(() -> handoff.handOff(task(), engine)).isInstanceOf(EngineException.class);
        assertThat(engine.reports()).isEmpty();
    }

    @Test
    void a_task_whose_process_moved_on_while_the_agency_was_called_is_dropped_without_a_fault() throws Exception {
        route(exchange -> exchange.getMessage().setBody(Map.of("done", true)));
        engine.taskIsGone();

        handoff.handOff(task(), engine);

        assertThat(engine.reports()).as("nothing to report to: the task is gone").isEmpty();
        assertThat(handedOver).as("the agency was called once").hasSize(1);
    }

    @Test
    void the_correlation_id_is_context_not_payload() throws Exception {
        route(exchange -> exchange.getMessage().setBody(null));

        handoff.handOff(task().variable("personId", "P-1").variable("correlationId", "corr-9"), engine);

        assertThat(handedOver.get(0).getIn().getBody()).isEqualTo(Map.of("personId", "P-1"));
    }

    @Test
    void a_business_outcome_the_model_does_not_catch_becomes_an_incident_at_once_with_its_reason() throws Exception {
        route(exchange -> {
            exchange.getMessage().setHeader(HandoffHeaders.BPMN_ERROR_CODE, "EXCHANGE_REFUSED");
            exchange.getMessage().setHeader(HandoffHeaders.BPMN_ERROR_MESSAGE, "NO_AGREEMENT: tax-fetch-income: none");
        });
        engine.modelCatchesNoError();

        handoff.handOff(task(), engine);

        Failure failure = (Failure) engine.onlyReport();
        assertThat(failure.retries()).isZero();
        assertThat(failure.errorMessage()).contains("EXCHANGE_REFUSED").contains("NO_AGREEMENT: tax-fetch-income");
    }

    @Test
    void the_correlation_id_variable_travels_to_the_route() throws Exception {
        route(exchange -> exchange.getMessage().setBody(null));

        handoff.handOff(task().variable("correlationId", "corr-9"), engine);

        assertThat(handedOver.get(0).getIn().getHeader(HandoffHeaders.CORRELATION_ID)).isEqualTo("corr-9");
    }

    @Test
    void without_a_correlation_id_variable_the_business_key_is_the_correlation_id() throws Exception {
        route(exchange -> exchange.getMessage().setBody(null));

        handoff.handOff(task(), engine);

        assertThat(handedOver.get(0).getIn().getHeader(HandoffHeaders.CORRELATION_ID)).isEqualTo("REF-1");
    }

    @Test
    void the_reference_and_correlation_id_are_in_the_logging_context_while_the_route_runs_and_only_then()
            throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        route(exchange -> {
            seen.add(MDC.get(ReferralLogContext.REFERENCE_ID));
            seen.add(MDC.get(ReferralLogContext.CORRELATION_ID));
            exchange.getMessage().setBody(null);
        });

        handoff.handOff(task().variable("correlationId", "corr-9"), engine);

        assertThat(seen).containsExactly("REF-1", "corr-9");
        assertThat(MDC.get(ReferralLogContext.REFERENCE_ID)).isNull();
        assertThat(MDC.get(ReferralLogContext.CORRELATION_ID)).isNull();
    }

    @Test
    void a_reply_map_completes_the_task_with_those_variables() throws Exception {
        route(exchange -> exchange.getMessage().setBody(Map.of("pesCaseNumber", "PES-77")));
        FakeExternalTask task = task();

        handoff.handOff(task, engine);

        assertThat(engine.onlyReport()).isEqualTo(new Completed(task, Map.of("pesCaseNumber", "PES-77")));
    }

    @Test
    void a_list_or_map_in_the_reply_becomes_a_json_variable_and_a_scalar_stays_as_it_is() throws Exception {
        Map<String, Object> reply = new HashMap<>();
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("label", "Welding");
        option.put("value", "TVET-WELD-01");
        reply.put("programmeOptions", List.of(option));
        reply.put("programmeCatalogue", Map.of("TVET-WELD-01", Map.of("durationWeeks", 12)));
        reply.put("slotId", "SLOT-7");
        route(exchange -> exchange.getMessage().setBody(reply));
        FakeExternalTask task = task();

        handoff.handOff(task, engine);

        Map<String, Object> completed = ((Completed) engine.onlyReport()).variables();
        assertThat(completed).containsEntry("slotId", "SLOT-7");
        assertThat(completed.get("programmeOptions")).isInstanceOfSatisfying(JsonValue.class, json ->
                assertThat(json.getValue()).isEqualTo("[{\"label\":\"Welding\",\"value\":\"TVET-WELD-01\"}]"));
        assertThat(completed.get("programmeCatalogue")).isInstanceOfSatisfying(JsonValue.class, json ->
                assertThat(json.getValue()).isEqualTo("{\"TVET-WELD-01\":{\"durationWeeks\":12}}"));
    }

    @Test
    void a_route_that_replies_nothing_completes_the_task_without_variables() throws Exception {
        route(exchange -> exchange.getMessage().setBody(null));
        FakeExternalTask task = task().variable("personId", "P-1");

        handoff.handOff(task, engine);

        assertThat(engine.onlyReport()).isEqualTo(new Completed(task, Map.of()));
    }

    @Test
    void a_business_outcome_set_by_the_route_is_raised_as_a_bpmn_error_with_its_message() throws Exception {
        route(exchange -> {
            exchange.getMessage().setHeader(HandoffHeaders.BPMN_ERROR_CODE, "PES_REGISTRATION_REJECTED");
            exchange.getMessage().setHeader(HandoffHeaders.BPMN_ERROR_MESSAGE, "PES refused the registration (HTTP 422)");
            exchange.getMessage().setBody(null);
        });
        FakeExternalTask task = task();

        handoff.handOff(task, engine);

        assertThat(engine.onlyReport())
                .isEqualTo(new BpmnError(task, "PES_REGISTRATION_REJECTED", "PES refused the registration (HTTP 422)"));
    }

    @Test
    void a_step_a_restriction_holds_waits_for_a_retry_later_without_using_up_its_retries() throws Exception {
        route(exchange -> {
            exchange.getMessage().setHeader(HandoffHeaders.HELD_REASON,
                    "RESTRICTED: employer-propose-candidate: processing ... is restricted while they dispute it");
            exchange.getMessage().setBody(null);
        });

        handoff.handOff(task().extensionProperty(RetrySchedule.PROPERTY, "PT30S,PT2M"), engine);
        handoff.handOff(task().extensionProperty(RetrySchedule.PROPERTY, "PT30S,PT2M").retries(2), engine);

        assertThat(engine.reports()).hasSize(2).allSatisfy(report -> {
            Failure held = (Failure) report;
            assertThat(held.errorMessage()).startsWith("RESTRICTED: employer-propose-candidate");
            assertThat(held.retryTimeout()).isEqualTo(HandoffHeaders.HELD_RETRY_AFTER.toMillis());
        });
        // the first try keeps the schedule's full count, a later one the count it had: never an incident
        assertThat(engine.reports()).extracting(report -> ((Failure) report).retries()).containsExactly(3, 2);
    }

    @Test
    void a_fault_in_the_route_is_a_failure_retried_after_the_first_delay_of_the_tasks_own_schedule() throws Exception {
        route(exchange -> {
            throw new IllegalStateException("PES answered HTTP 503");
        });
        FakeExternalTask task = task().extensionProperty(RetrySchedule.PROPERTY, "PT30S,PT2M");

        handoff.handOff(task, engine);

        Failure failure = (Failure) engine.onlyReport();
        assertThat(failure.task()).isSameAs(task);
        assertThat(failure.errorMessage()).isEqualTo("IllegalStateException: PES answered HTTP 503");
        assertThat(failure.errorDetails()).contains("IllegalStateException", "RouteHandoffTest");
        assertThat(failure.retries()).isEqualTo(2);
        assertThat(failure.retryTimeout()).isEqualTo(30_000L);
    }

    @Test
    void a_repeated_fault_waits_the_next_delay_of_the_tasks_own_schedule() throws Exception {
        route(exchange -> {
            throw new IllegalStateException("PES answered HTTP 503");
        });

        handoff.handOff(task().extensionProperty(RetrySchedule.PROPERTY, "PT30S,PT2M").retries(2), engine);

        Failure failure = (Failure) engine.onlyReport();
        assertThat(failure.retries()).isEqualTo(1);
        assertThat(failure.retryTimeout()).isEqualTo(120_000L);
    }

    @Test
    void a_task_without_a_schedule_of_its_own_retries_on_the_default_schedule() throws Exception {
        route(exchange -> {
            throw new IllegalStateException("PES answered HTTP 503");
        });

        handoff.handOff(task(), engine);

        Failure failure = (Failure) engine.onlyReport();
        assertThat(failure.retries()).isEqualTo(2);
        assertThat(failure.retryTimeout()).isEqualTo(10_000L);
    }

    @Test
    void a_task_with_a_malformed_schedule_retries_on_the_default_schedule_rather_than_not_at_all() throws Exception {
        route(exchange -> {
            throw new IllegalStateException("PES answered HTTP 503");
        });

        handoff.handOff(task().extensionProperty(RetrySchedule.PROPERTY, "every 5 minutes"), engine);

        Failure failure = (Failure) engine.onlyReport();
        assertThat(failure.retries()).isEqualTo(2);
        assertThat(failure.retryTimeout()).isEqualTo(10_000L);
    }

    @Test
    void the_last_failure_leaves_no_retries_so_the_engine_raises_an_incident() throws Exception {
        route(exchange -> {
            throw new IllegalStateException("PES answered HTTP 503");
        });

        handoff.handOff(task().retries(1), engine);

        Failure failure = (Failure) engine.onlyReport();
        assertThat(failure.retries()).isZero();
        assertThat(failure.retryTimeout()).isZero();
    }

    @Test
    void an_overlong_fault_message_is_cut_to_fit_the_engines_error_message_column() throws Exception {
        route(exchange -> {
            throw new IllegalStateException("x".repeat(700));
        });

        handoff.handOff(task(), engine);

        assertThat(((Failure) engine.onlyReport()).errorMessage()).hasSizeLessThanOrEqualTo(666);
    }

    @Test
    void a_reply_that_is_not_a_map_is_a_failure_never_a_silent_completion() throws Exception {
        route(exchange -> exchange.getMessage().setBody("{\"case_number\":\"PES-77\"}"));
        FakeExternalTask task = task();

        handoff.handOff(task, engine);

        Failure failure = (Failure) engine.onlyReport();
        assertThat(failure.errorMessage()).contains("java.lang.String");
        assertThat(failure.retries()).isEqualTo(2);
    }

    private static FakeExternalTask task() {
        return FakeExternalTask.on(TOPIC, "REF-1", "registerJobseeker");
    }

    /** The topic's route: records what it was handed (a copy, before the route changes it), then does {@code work}. */
    private void route(Processor work) throws Exception {
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:" + TOPIC)
                        .routeId(TOPIC)
                        .process(exchange -> handedOver.add(snapshot(exchange)))
                        .process(work);
            }
        });
    }

    private static Exchange snapshot(Exchange exchange) {
        Exchange copy = exchange.copy();
        copy.getIn().setHeaders(new HashMap<>(exchange.getIn().getHeaders()));
        return copy;
    }
}
