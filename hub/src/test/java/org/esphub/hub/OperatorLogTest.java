package org.esphub.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.esphub.hub.support.AgencyBroker;
import org.esphub.hub.support.EligiblePeople;
import org.esphub.hub.support.HubClient;
import org.esphub.hub.support.HubOnH2;
import org.esphub.hub.support.Referrals;
import org.esphub.hub.support.Referrals.Referral;
import org.esphub.hub.support.SimulatedAgencies;
import org.esphub.simulators.population.SyntheticPopulation;
import org.esphub.simulators.tax.ContributionRegister;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What an operator reads in the log (ADR 0028), on the real hub in the demo profile: a referral's
 * steps one INFO line each, every line of its work carrying its reference and correlation id, no
 * stack trace and no broker audit line; an agency event that comes before its process waits for
 * it (a normal race, retried) says nothing at WARN.
 */
@HubOnH2
@ExtendWith(OutputCaptureExtension.class)
class OperatorLogTest {

    private static final Duration FLOW_TIMEOUT = Duration.ofSeconds(60);

    @Value("${esp.messaging.acceptor-url}")
    private String acceptorUrl;
    @Value("${server.port}")
    private int port;
    @Autowired
    private SyntheticPopulation population;
    @Autowired
    private ContributionRegister register;
    @Autowired
    private JdbcTemplate jdbc;

    private HubClient hub;
    private EligiblePeople eligible;

    @BeforeEach
    void connect() {
        hub = new HubClient(port);
        eligible = new EligiblePeople(population, register, jdbc);
    }

    @Test
    void each_step_of_a_referral_is_one_info_line_carrying_its_reference_and_the_log_has_no_stack_trace(
            CapturedOutput log) {
        Referral referral = send(Referrals.forPerson(eligible.next()));
        String ref = referral.referenceId();
        JsonNode task = awaitIntakeTask(ref);
        assertThat(hub.completeTask("pes-worker", task.path("id").asText(), Map.of(
                "workReady", false, "barriers", "Full-time carer for a parent"))).isEqualTo(204);
        List<String> steps = List.of(
                "referral " + ref + ": received from sa.gov.example",
                "referral " + ref + ": sa.fetch-profile (FetchProfile) done",
                "referral " + ref + ": 'Check eligibility' (CheckEligibility) decided",
                "referral " + ref + ": pes.register-jobseeker (RegisterJobseeker) done",
                "referral " + ref + ": PES event RegistrationConfirmed from pes.gov.example taken",
                "referral " + ref + ": task 'Intake and employability assessment' (Intake) in the inbox of pes-caseworkers",
                "referral " + ref + ": task 'Intake and employability assessment' (Intake) completed by pes-worker",
                "referral " + ref + ": sa.notify-outcome (NotifyReturnedToSa) done",
                "referral " + ref + ": referral-to-pes ended at 'Returned to SA' (ReturnedToSa)");
        // the worker says "done" once its completion returned, which may be after the process ended
        await().atMost(FLOW_TIMEOUT).until(() -> steps.stream().allMatch(log.getOut()::contains));
        List<String> lines = log.getOut().lines().toList();
        for (String step : steps) {
            List<String> said = lines.stream().filter(line -> line.contains(step)).toList();
            assertThat(said).as("one INFO line for: " + step).hasSize(1);
            assertThat(said.get(0)).contains(" INFO ").contains("[ref:" + ref + " cid:")
                    .doesNotContain("cid:]");
        }
        assertThat(lines).as("no stack trace").noneMatch(line -> line.startsWith("\tat ") || line.startsWith("Caused by:"));
        assertThat(lines).as("no broker audit line").noneMatch(line -> line.contains("org.apache.activemq.audit"));
    }

    @Test
    void an_event_before_its_wait_state_is_retried_without_a_warning_or_a_stack_trace_until_it_is_parked(
            CapturedOutput log) {
        String ref = send(Referrals.forPerson(eligible.next())).referenceId();
        awaitIntakeTask(ref);
        int before = log.getOut().length();

        // PES confirms again: nothing waits for it now, so every delivery meets the race's answer
        // (EventNotYetExpected) until the attempts are spent and the event is parked
        new SimulatedAgencies(hub).pesReports("RegistrationConfirmed", ref, Map.of("pes_case_number", "PES-AGAIN"));
        await().atMost(FLOW_TIMEOUT).until(() -> hub.deadLetters("admin").toString().contains(ref));

        List<String> lines = log.getOut().substring(before).lines().toList();
        assertThat(lines).as("the race is retried quietly").noneMatch(line -> line.contains("EventNotYetExpected")
                || line.contains("rolled back") || line.contains("Execution of JMS message listener failed"));
        assertThat(lines).as("no stack trace").noneMatch(line -> line.startsWith("\tat ") || line.startsWith("Caused by:"));
        assertThat(lines.stream().filter(line -> line.contains(" WARN ")))
                .as("the only warning: the event is given up on and parked with its reason")
                .singleElement().asString().contains("parked in DLQ").contains("tried 8 times");
    }

    private Referral send(Referral referral) {
        AgencyBroker.as(acceptorUrl, AgencyBroker.SA).send("esp.referrals.in",
                session -> session.createTextMessage(referral.json()));
        return referral;
    }

    private JsonNode awaitIntakeTask(String referenceId) {
        await().atMost(FLOW_TIMEOUT).until(() -> hub.tasksOf("pes-worker", referenceId).size() == 1);
        return hub.tasksOf("pes-worker", referenceId).get(0);
    }
}
