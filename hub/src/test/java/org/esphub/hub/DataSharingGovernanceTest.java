package org.esphub.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.jms.Message;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.variable.Variables;
import org.esphub.governance.agreements.AgreementCatalogue;
import org.esphub.governance.audit.AuditLog;
import org.esphub.governance.audit.AuditRetention;
import org.esphub.governance.audit.AuditStore;
import org.esphub.governance.audit.AuditVerifier;
import org.esphub.governance.retention.RetainedData;
import org.esphub.governance.retention.RetentionJob;
import org.esphub.hub.support.AgencyBroker;
import org.esphub.hub.support.EligiblePeople;
import org.esphub.hub.support.HubClient;
import org.esphub.hub.support.Referrals;
import org.esphub.hub.support.Referrals.Referral;
import org.esphub.processes.JobPlacement;
import org.esphub.processes.ReferralToPes;
import org.esphub.simulators.population.SyntheticPopulation;
import org.esphub.simulators.tax.ContributionRegister;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The legal layer on the whole hub (H2, embedded Artemis, simulators, in-JVM workers): what the
 * data-sharing gate lets leave, what it refuses and how the process shows it, how a withdrawn
 * consent stops a running referral, and that each of these is in the audit log an auditor reads.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles({"demo", "it"})
@DirtiesContext
class DataSharingGovernanceTest {

    private static final Duration FLOW_TIMEOUT = Duration.ofSeconds(60);
    private static final String ACTIVATION = "EMPLOYMENT_ACTIVATION";

    @Value("${esp.messaging.acceptor-url}")
    private String acceptorUrl;
    @Autowired
    private RuntimeService runtimeService;
    @Autowired
    private HistoryService historyService;
    @Autowired
    private RepositoryService repositoryService;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private SyntheticPopulation population;
    @Autowired
    private ContributionRegister register;
    @Autowired
    private AgreementCatalogue agreements;
    @Autowired
    private List<RetainedData> retainedData;
    @Autowired
    private AuditStore auditStore;
    @Autowired
    private AuditLog auditLog;
    @Autowired
    private AuditVerifier auditVerifier;
    @Value("${server.port}")
    private int port;

    private HubClient hub;

    @BeforeEach
    void connect() {
        hub = new HubClient(port);
    }

    @Test
    void a_referral_that_needs_consent_and_has_none_is_refused_before_any_data_moves_and_sa_learns_why() {
        String person = "10000000004";
        Referral referral = Referrals.forPerson(person).withoutConsent();
        String correlationId = sendReferral(referral);

        JsonNode notice = awaitSaNotification(referral.referenceId(), ReferralToPes.OUTCOME_EXCHANGE_REFUSED);
        assertThat(notice.path("reason").asText()).startsWith("CONSENT_MISSING: sa-fetch-profile: ");
        assertEndedAt(referral.referenceId(), ReferralToPes.EXCHANGE_REFUSED_END);

        JsonNode refusal = onlyEvent(hub.auditedAbout(person), "sa-fetch-profile");
        assertThat(refusal.path("outcome").asText()).isEqualTo("REFUSED");
        assertThat(refusal.path("purpose").asText()).isEqualTo(ACTIVATION);
        assertThat(refusal.path("legal_basis").asText()).startsWith("Social Assistance Act art. 34");
        assertThat(refusal.path("correlation_id").asText()).isEqualTo(correlationId);
        assertThat(refusal.path("reason").asText()).startsWith("CONSENT_MISSING");
        JsonNode told = onlyEvent(hub.auditedAbout(person), "sa-notify-outcome");
        assertThat(told.path("outcome").asText()).isEqualTo("RELEASED");
        assertThat(told.path("receiver").asText()).isEqualTo("sa.gov.example");
        assertThat(events(hub.auditedAbout(person))).noneMatch(event -> "pes-register-jobseeker"
                .equals(event.path("exchange").asText()));
    }

    @Test
    void a_referral_whose_person_id_could_steer_the_sa_call_ends_refused_and_sa_learns_why_instead_of_retrying() {
        // as a referral started before the intake refused such ids, or one whose variable was changed since
        String referenceId = "REF-DOTS-" + UUID.randomUUID();
        runtimeService.startProcessInstanceByKey(ReferralToPes.PROCESS_KEY, referenceId, Variables.createVariables()
                .putValue(ReferralToPes.VAR_REFERENCE_ID, referenceId)
                .putValue(ReferralToPes.VAR_PERSON_ID, "..")
                .putValue(ReferralToPes.VAR_CORRELATION_ID, "corr-" + referenceId)
                .putValue(ReferralToPes.VAR_SENDER_ID, "sa.gov.example")
                .putValue(ReferralToPes.VAR_MESSAGE_ID, UUID.randomUUID().toString())
                .putValue(ReferralToPes.VAR_REFERRAL_RECEIVED_AT, new Date())
                .putValue(ReferralToPes.VAR_INTAKE_WORKING_DAYS, 5));

        JsonNode notice = awaitSaNotification(referenceId, ReferralToPes.OUTCOME_EXCHANGE_REFUSED);
        assertThat(notice.path("reason").asText()).startsWith("UNUSABLE_IDENTIFIER: ").contains("'..'");
        assertEndedAt(referenceId, ReferralToPes.EXCHANGE_REFUSED_END);
        assertThat(historyService.createHistoricIncidentQuery().processInstanceId(historyService
                .createHistoricProcessInstanceQuery().processInstanceBusinessKey(referenceId).singleResult().getId())
                .count()).as("no retries, no incident").isZero();
    }

    @Test
    void a_queued_referral_for_a_person_id_of_dots_is_parked_with_its_reason_and_starts_nothing() {
        Referral referral = Referrals.forPerson("..");
        String correlationId = sendReferral(referral);

        await().atMost(FLOW_TIMEOUT).until(() -> hub.deadLetters("admin").findValuesAsText("correlation_id")
                .contains(correlationId));
        JsonNode parked = hub.deadLetters("admin").findParents("correlation_id").stream()
                .filter(entry -> correlationId.equals(entry.path("correlation_id").asText()))
                .findFirst().orElseThrow();
        assertThat(parked.path("rejection_code").asText()).isEqualTo("err.request.bad");
        assertThat(parked.path("rejection_reason").asText()).contains("$.message.referral_request[0].person_id");
        assertThat(historyService.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(referral.referenceId()).count()).as("nothing started").isZero();
    }

    @Test
    void a_consent_withdrawn_while_the_intake_waits_closes_the_referral_and_later_exchanges_are_refused() {
        String person = "10000000001";
        Referral referral = Referrals.forPerson(person);
        String correlationId = sendReferral(referral);
        await().atMost(FLOW_TIMEOUT).until(() -> hub.tasksOf("pes-worker", referral.referenceId()).size() == 1);

        JsonNode consent = consentRecordedBy(person, referral.referenceId());
        assertThat(consent.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(consent.path("recorded_for").asText()).isEqualTo("sa.gov.example");
        assertThat(events(consent.path("scope")).stream().map(JsonNode::asText).toList())
                .as("the DCI consent names no scope: it covers the receivers of the activation agreements, no one else")
                .containsExactly("employers", "pes.gov.example", "sa.gov.example", "tax.gov.example", "tvet.example.org");
        assertThat(events(hub.auditedAbout(person))).anyMatch(event -> "consent".equals(event.path("resource_type")
                .asText()) && "CREATE".equals(event.path("action").asText())
                && consent.path("id").asText().equals(event.path("resource_id").asText())
                && "sa.gov.example".equals(event.path("actor_id").asText())
                && correlationId.equals(event.path("correlation_id").asText()));
        HubClient.Answer withdrawal = hub.post("sa-worker", "/api/consents/{id}/withdrawal",
                Map.of("reason", "the person asked SA to stop the referral"), consent.path("id").asText());

        assertThat(withdrawal.status()).isEqualTo(200);
        assertThat(withdrawal.json().path("referrals_closed").toString()).contains(referral.referenceId());
        assertThat(withdrawal.json().path("consent").path("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(hub.tasksOf("pes-worker", referral.referenceId())).as("the intake task is gone").isEmpty();
        JsonNode notice = awaitSaNotification(referral.referenceId(), ReferralToPes.OUTCOME_CONSENT_WITHDRAWN);
        assertThat(notice.path("reason").asText()).contains(consent.path("id").asText())
                .contains("the person asked SA to stop the referral");
        assertThat(notice.path("pes_case_number").asText()).startsWith("PES-");
        assertEndedAt(referral.referenceId(), ReferralToPes.REFERRAL_CLOSED_CONSENT_WITHDRAWN);

        Referral next = Referrals.forPerson(person).withoutConsent();
        sendReferral(next);
        JsonNode refused = awaitSaNotification(next.referenceId(), ReferralToPes.OUTCOME_EXCHANGE_REFUSED);
        assertThat(refused.path("reason").asText()).startsWith("CONSENT_WITHDRAWN: sa-fetch-profile: ");
        assertThat(events(hub.auditedAbout(person))).anyMatch(event -> "consent".equals(event.path("resource_type")
                .asText()) && "UPDATE".equals(event.path("action").asText())
                && "sa-worker".equals(event.path("actor_id").asText()));
    }

    @Test
    void a_consent_withdrawn_during_job_search_closes_the_referral_and_the_placement_it_called() {
        String person = new EligiblePeople(population, register, jdbc).next();
        Referral referral = Referrals.forPerson(person);
        sendReferral(referral);
        await().atMost(FLOW_TIMEOUT).until(() -> hub.tasksOf("pes-worker", referral.referenceId()).size() == 1);
        String intake = hub.tasksOf("pes-worker", referral.referenceId()).get(0).path("id").asText();
        assertThat(hub.completeTask("pes-worker", intake, Map.of("workReady", true,
                "pathway", ReferralToPes.PATHWAY_JOB_SEARCH, "barriers", "", "notes", "job club"))).isEqualTo(204);
        await().atMost(FLOW_TIMEOUT).until(() -> runtimeService.createProcessInstanceQuery()
                .processDefinitionKey(JobPlacement.PROCESS_KEY).processInstanceBusinessKey(referral.referenceId())
                .count() == 1);

        JsonNode consent = consentRecordedBy(person, referral.referenceId());
        HubClient.Answer withdrawal = hub.post("sa-worker", "/api/consents/{id}/withdrawal",
                Map.of("reason", "the person found work on their own"), consent.path("id").asText());

        assertThat(withdrawal.status()).isEqualTo(200);
        assertThat(withdrawal.json().path("referrals_closed").toString()).contains(referral.referenceId());
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(JobPlacement.PROCESS_KEY)
                .processInstanceBusinessKey(referral.referenceId()).count()).as("the placement stops at once").isZero();
        assertThat(hub.tasksOf("pes-worker", referral.referenceId())).as("the vacancy-match task is gone").isEmpty();
        awaitSaNotification(referral.referenceId(), ReferralToPes.OUTCOME_CONSENT_WITHDRAWN);
        await().atMost(FLOW_TIMEOUT).until(() -> runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey(referral.referenceId()).count() == 0);
        String referralInstance = historyService.createHistoricProcessInstanceQuery()
                .processDefinitionKey(ReferralToPes.PROCESS_KEY).processInstanceBusinessKey(referral.referenceId())
                .singleResult().getId();
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(referralInstance)
                .activityId(ReferralToPes.REFERRAL_CLOSED_CONSENT_WITHDRAWN).count()).isEqualTo(1);
    }

    @Test
    void a_field_a_model_hands_over_beyond_the_agreement_never_reaches_the_sa_simulator() {
        // a process owner adds household data to a task that notifies SA; the agreement does not list it
        deploy("minimisation-check", "EMPLOYMENT_ACTIVATION", "householdSize,vulnerabilityPercentile,givenName");
        String referenceId = "REF-MIN-" + UUID.randomUUID();
        runtimeService.startProcessInstanceByKey("minimisation-check", referenceId, Variables.createVariables()
                .putValue("referenceId", referenceId).putValue("personId", "10000000007")
                .putValue("correlationId", "corr-" + referenceId).putValue("householdSize", 6)
                .putValue("vulnerabilityPercentile", 12).putValue("givenName", "Ana"));

        JsonNode received = awaitSaNotification(referenceId, "SERVICES_COMMENCED");
        assertThat(fieldNames(received)).containsExactlyInAnyOrder("reference_id", "person_id", "outcome", "reason");
        JsonNode audited = onlyEvent(hub.auditedAbout("10000000007"), "sa-notify-outcome");
        assertThat(audited.path("filters_applied")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("household_size", "vulnerability_percentile", "given_name");
        assertThat(audited.path("payload_digest").asText()).hasSize(64);
    }

    @Test
    void a_refusal_the_model_does_not_handle_becomes_an_incident_not_a_silent_end() {
        // a purpose no agreement names for any exchange (status verification now notifies SA for
        // BENEFIT_ADMINISTRATION, so a real purpose would be covered some day)
        deploy("unhandled-refusal-check", "CREDIT_SCORING", "");
        String referenceId = "REF-UNH-" + UUID.randomUUID();
        String instanceId = runtimeService.startProcessInstanceByKey("unhandled-refusal-check", referenceId,
                Variables.createVariables().putValue("referenceId", referenceId).putValue("personId", "10000000008")
                        .putValue("correlationId", "corr-" + referenceId)).getId();

        await().atMost(FLOW_TIMEOUT).until(() -> runtimeService.createIncidentQuery().processInstanceId(instanceId)
                .count() == 1);
        Incident incident = runtimeService.createIncidentQuery().processInstanceId(instanceId).singleResult();
        assertThat(incident.getIncidentMessage()).contains("EXCHANGE_REFUSED").contains("PURPOSE_NOT_COVERED");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instanceId).count())
                .as("the instance waits at its incident").isEqualTo(1);
        assertThat(hub.saNotificationsAbout(referenceId)).isEmpty();
    }

    @Test
    void retention_deletes_closed_referrals_after_their_agreements_retention_and_keeps_the_audit_log_verifiable() {
        String person = "10000000002";
        Referral referral = Referrals.forPerson(person);
        sendReferral(referral);
        assertEndedAt(referral.referenceId(), ReferralToPes.NOT_ELIGIBLE);
        String instanceId = historyService.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(referral.referenceId()).singleResult().getId();

        // six years on: past the referral agreement's five, within the audit log's seven
        Clock sixYearsOn = Clock.fixed(Instant.now().atOffset(ZoneOffset.UTC).plusYears(6).toInstant(), ZoneOffset.UTC);
        List<RetentionJob.Purge> purges = new RetentionJob(agreements, retainedData,
                new AuditRetention(auditStore, Period.ofYears(7), sixYearsOn), auditLog, "esp-hub", sixYearsOn).run();

        assertThat(purges).anyMatch(purge -> purge.resourceType().equals("referral") && purge.deleted() >= 1);
        assertThat(purges).noneMatch(purge -> purge.resourceType().equals("audit_event"));
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(instanceId).count()).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM esp_referral WHERE reference_id = ?", Integer.class,
                referral.referenceId())).isZero();
        assertThat(events(hub.auditedAbout(person))).as("audit records stay seven years")
                .anyMatch(event -> "sa-fetch-profile".equals(event.path("exchange").asText()));
        assertThat(auditVerifier.verify().intact()).isTrue();
    }

    // ---- helpers -------------------------------------------------------------------------------

    /** Sends a create-referral envelope on the queue with a correlation id of its own; returns that id. */
    private String sendReferral(Referral referral) {
        String correlationId = UUID.randomUUID().toString();
        AgencyBroker.as(acceptorUrl, AgencyBroker.SA).send("esp.referrals.in", session -> {
            Message message = session.createTextMessage(referral.json());
            message.setJMSCorrelationID(correlationId);
            return message;
        });
        return correlationId;
    }

    private JsonNode consentRecordedBy(String person, String referenceId) {
        HubClient.Answer consents = hub.get("sa-worker", "/api/consents?person_id={person}", person);
        assertThat(consents.status()).isEqualTo(200);
        return StreamSupport.stream(consents.json().path("consents").spliterator(), false)
                .filter(consent -> consent.path("source").asText().contains(referenceId))
                .findFirst().orElseThrow(() -> new AssertionError("no consent from referral " + referenceId));
    }

    /** Deploys a one-task model that notifies SA with extra inputs and the given purpose, as a process owner might. */
    private void deploy(String key, String purpose, String extraInputs) {
        StringBuilder inputs = new StringBuilder();
        for (String variable : extraInputs.isEmpty() ? new String[0] : extraInputs.split(",")) {
            inputs.append("<camunda:inputParameter name=\"").append(variable).append("\">${").append(variable)
                    .append("}</camunda:inputParameter>");
        }
        String model = """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d-%1$s" targetNamespace="http://esphub.org/test">
                  <bpmn:process id="%1$s" isExecutable="true" camunda:historyTimeToLive="1">
                    <bpmn:startEvent id="start"/>
                    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="notify"/>
                    <bpmn:serviceTask id="notify" camunda:type="external" camunda:topic="sa.notify-outcome"
                        camunda:asyncBefore="true">
                      <bpmn:extensionElements>
                        <camunda:properties>
                          <camunda:property name="retryBackoff" value="PT1S"/>
                          <camunda:property name="purpose" value="%2$s"/>
                        </camunda:properties>
                        <camunda:inputOutput>
                          <camunda:inputParameter name="referenceId">${referenceId}</camunda:inputParameter>
                          <camunda:inputParameter name="personId">${personId}</camunda:inputParameter>
                          <camunda:inputParameter name="correlationId">${correlationId}</camunda:inputParameter>
                          <camunda:inputParameter name="outcome">SERVICES_COMMENCED</camunda:inputParameter>
                          <camunda:inputParameter name="reason">JOB_SEARCH</camunda:inputParameter>
                          %3$s
                        </camunda:inputOutput>
                      </bpmn:extensionElements>
                    </bpmn:serviceTask>
                    <bpmn:sequenceFlow id="f2" sourceRef="notify" targetRef="end"/>
                    <bpmn:endEvent id="end"/>
                  </bpmn:process>
                </bpmn:definitions>
                """.formatted(key, purpose, inputs);
        repositoryService.createDeployment().name(key)
                .addInputStream(key + ".bpmn", new java.io.ByteArrayInputStream(model.getBytes(StandardCharsets.UTF_8)))
                .deploy();
    }

    private JsonNode awaitSaNotification(String referenceId, String outcome) {
        await().atMost(FLOW_TIMEOUT).until(() -> hub.saNotificationsAbout(referenceId).findValuesAsText("outcome")
                .contains(outcome));
        for (JsonNode notification : hub.saNotificationsAbout(referenceId)) {
            JsonNode message = notification.path("body").path("message");
            if (outcome.equals(message.path("outcome").asText())) {
                return message;
            }
        }
        throw new AssertionError("no " + outcome + " notification for " + referenceId);
    }

    private void assertEndedAt(String referenceId, String endEventId) {
        await().atMost(FLOW_TIMEOUT).until(() -> historyService.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(referenceId).completed().count() == 1);
        String instanceId = historyService.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(referenceId).singleResult().getId();
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(instanceId)
                .activityId(endEventId).count()).as("ended at " + endEventId).isEqualTo(1);
    }

    private static List<JsonNode> events(JsonNode events) {
        List<JsonNode> list = new ArrayList<>();
        events.forEach(list::add);
        return list;
    }

    private static JsonNode onlyEvent(JsonNode events, String exchange) {
        List<JsonNode> matching = events(events).stream()
                .filter(event -> exchange.equals(event.path("exchange").asText())).toList();
        assertThat(matching).as("audit records of " + exchange).hasSize(1);
        return matching.get(0);
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
