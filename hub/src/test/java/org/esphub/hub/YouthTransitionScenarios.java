package org.esphub.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.esphub.hub.support.LifecycleDriver.PES_CASEWORKER;
import static org.esphub.hub.support.LifecycleDriver.SA_CASEWORKER;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.esphub.hub.security.Scopes;
import org.esphub.hub.support.HubClient;
import org.esphub.hub.support.SimulatedAgencies;
import org.esphub.hub.youth.YouthReferralIntake;
import org.esphub.processes.TrainingEnrolment;
import org.esphub.processes.YouthTransition;
import org.esphub.simulators.tvet.ProgrammeCatalogue;
import org.esphub.simulators.tvet.TrainingProgramme;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * PRS.EMPL.07 on the real hub: SA's system refers a 17-year-old of a household it supports (an SA event
 * through its simulator). With the guardian's consent the referral reaches PES with the family's benefit
 * status and nothing else of the household; a PES caseworker reaches the young person and counsels them into
 * training, which training-enrolment takes on under the same business key offering the provider's youth
 * programmes only, and six months on SA receives the young person's status. Referred through the API ({@code POST /youth-referrals}, a household field refused
 * with a DCI error) with only the young person's own consent, the gate refuses the referral: PES receives
 * nothing and SA learns why. What each agency received is asserted at its simulator.
 *
 * <p>Subclasses choose the database.
 */
abstract class YouthTransitionScenarios {

    private static final Duration FLOW_TIMEOUT = Duration.ofSeconds(60);
    private static final String API = "/dci/employment/v1.0.0";
    /** What the agreement lets reach PES of SA's referral. */
    private static final String[] REFERRAL_FIELDS_FOR_PES = {"reference_id", "person_id", "given_name", "family_name",
        "birth_date", "family_benefit_status", "education_level", "school_status", "referral_reason", "outcome",
        "reason"};

    @Autowired
    private ProcessEngine engine;
    @Value("${server.port}")
    private int port;

    private HubClient hub;
    private SimulatedAgencies agencies;
    private String youth;
    private String referenceId;
    private String seventeen;

    @BeforeEach
    void aYoungPersonOfAnSaHousehold() {
        hub = new HubClient(port);
        agencies = new SimulatedAgencies(hub);
        // a person of their own per run: a kept PostgreSQL database holds the consents of earlier runs
        youth = "YTH-" + UUID.randomUUID().toString().substring(0, 8);
        referenceId = "YTR-" + UUID.randomUUID();
        seventeen = LocalDate.now(ZoneOffset.UTC).minusYears(17).minusMonths(2).toString();
    }

    /** Ends what still runs of the case, the processes it called first. */
    @AfterEach
    void endWhatRuns() {
        await().atMost(FLOW_TIMEOUT).ignoreExceptions().until(() -> {
            engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(referenceId).list()
                    .forEach(instance -> engine.getRuntimeService().deleteProcessInstanceIfExists(instance.getId(),
                            "end of test", true, true, true, false));
            return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(referenceId)
                    .count() == 0;
        });
    }

    @Test
    void with_the_guardians_consent_pes_reaches_and_counsels_the_young_person_and_sa_hears_the_six_month_outcome()
            throws Exception {
        guardianConsents(YouthTransition.PURPOSE_YOUTH_TRANSITION);
        // the training the pathway starts moves the young person's data under the activation's purpose
        guardianConsents(TrainingEnrolment.PURPOSE_EMPLOYMENT_ACTIVATION);
        saRefers();

        JsonNode atPes = pesNotice(YouthTransition.OUTCOME_YOUTH_REFERRED);
        assertThat(atPes.path("birth_date").asText()).isEqualTo(seventeen);
        assertThat(atPes.path("family_benefit_status").asText()).isEqualTo("ACTIVE");
        assertThat(fieldNames(atPes)).as("nothing of the household beyond the benefit status")
                .doesNotContain("household_id", "family_size", "economic_status", "household_income")
                .isSubsetOf(REFERRAL_FIELDS_FOR_PES);

        assertThat(hub.completeTask(PES_CASEWORKER, awaitTask(PES_CASEWORKER, YouthTransition.CONTACT_YOUTH),
                Map.of(YouthTransition.VAR_YOUTH_REACHED, true))).isEqualTo(204);
        assertThat(hub.completeTask(PES_CASEWORKER, awaitTask(PES_CASEWORKER, YouthTransition.CAREER_COUNSELLING),
                Map.of(YouthTransition.VAR_PATHWAY, YouthTransition.PATHWAY_TRAINING))).isEqualTo(204);

        JsonNode pathway = saNotice(YouthTransition.OUTCOME_PATHWAY_CHOSEN);
        assertThat(pathway.path("pathway").asText()).isEqualTo(YouthTransition.PATHWAY_TRAINING);
        await().atMost(FLOW_TIMEOUT).alias("training-enrolment runs for " + referenceId)
                .until(() -> running(TrainingEnrolment.PROCESS_KEY) == 1);
        String choice = awaitTask(PES_CASEWORKER, TrainingEnrolment.CHOOSE_PROGRAMME);
        assertThat(programmesOffered(choice)).as("a young person's counsellor is offered the youth programmes only")
                .containsExactlyInAnyOrderElementsOf(ProgrammeCatalogue.PROGRAMMES.stream()
                        .filter(programme -> programme.audiences().contains(ProgrammeCatalogue.AUDIENCE_YOUTH))
                        .map(TrainingProgramme::programmeId).toList());

        // six months on: the checkpoint's timer is due then, not now; the test runs it
        String youthCase = engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey(YouthTransition.PROCESS_KEY).processInstanceBusinessKey(referenceId)
                .singleResult().getId();
        Job due = engine.getManagementService().createJobQuery().processInstanceId(youthCase)
                .activityId(YouthTransition.FIRST_OUTCOME_DUE).singleResult();
        assertThat(due.getDuedate()).isAfter(Date.from(Instant.now().plus(Duration.ofDays(150))));
        engine.getManagementService().executeJob(due.getId());
        assertThat(hub.completeTask(PES_CASEWORKER, awaitTask(PES_CASEWORKER, YouthTransition.RECORD_FIRST_OUTCOME),
                Map.of(YouthTransition.VAR_YOUTH_STATUS, YouthTransition.STATUS_IN_TRAINING))).isEqualTo(204);

        JsonNode outcome = saNotice(YouthTransition.OUTCOME_FIRST_STATUS);
        assertThat(outcome.path("youth_status").asText()).isEqualTo(YouthTransition.STATUS_IN_TRAINING);
        assertThat(fieldNames(outcome)).isSubsetOf("reference_id", "person_id", "outcome", "reason", "pathway",
                "youth_status");
    }

    @Test
    void a_minor_with_only_their_own_consent_is_not_referred_pes_receives_nothing_and_sa_learns_why() throws Exception {
        // the registry takes the young person's own consent when it is not told their age; the gate is told
        assertThat(hub.post(SA_CASEWORKER, "/api/consents", Map.of("person_id", youth,
                "purpose", YouthTransition.PURPOSE_YOUTH_TRANSITION, "source", "SA home visit")).status())
                .isEqualTo(201);
        String token = hub.clientToken("sa-system", Scopes.YOUTH_REFER);
        ObjectNode request = youthReferral();
        ObjectNode withHousehold = youthReferral();
        ((ObjectNode) withHousehold.at("/message/youth_referral/0")).put("family_size", 6);
        HubClient.Answer refused = hub.postWithToken(token, API + "/youth-referrals", withHousehold.toString());
        assertThat(refused.status()).as("the household's composition is not SA's to send").isEqualTo(400);
        assertThat(refused.json().at("/errors/0/code").asText()).isEqualTo("err.request.bad");
        assertThat(running(YouthTransition.PROCESS_KEY)).as("a refused request starts nothing").isZero();

        // SA's system refers through the API this time: the same case as from its event queue
        HubClient.Answer answer = hub.postWithToken(token, API + "/youth-referrals", request.toString());
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().at("/youth_referral_responses/0/status").asText()).isEqualTo("succ");
        ((ObjectNode) request.get("header")).put("message_id", "MSG-" + UUID.randomUUID());
        assertThat(hub.postWithToken(token, API + "/youth-referrals", request.toString()).json()
                .at("/youth_referral_responses/0/status_reason_code").asText())
                .as("one reference, one case").isEqualTo(YouthReferralIntake.REFERENCE_TAKEN);

        JsonNode atSa = saNotice(YouthTransition.OUTCOME_EXCHANGE_REFUSED);
        assertThat(atSa.path("reason").asText()).startsWith("GUARDIAN_CONSENT_MISSING");
        await().atMost(FLOW_TIMEOUT).until(() -> running(YouthTransition.PROCESS_KEY) == 0);
        assertThat(agencies.pesNotificationsAbout(referenceId)).as("PES received nothing").isEmpty();
        assertThat(hub.tasksOf(PES_CASEWORKER, referenceId)).isEmpty();
        List<JsonNode> audited = new ArrayList<>();
        hub.auditedAbout(youth).forEach(audited::add);
        assertThat(audited).filteredOn(event -> "pes.gov.example".equals(event.path("receiver").asText()))
                .isNotEmpty()
                .allSatisfy(event -> assertThat(event.path("outcome").asText()).isEqualTo("REFUSED"));
    }

    private void guardianConsents(String purpose) {
        HubClient.Answer recorded = hub.post(SA_CASEWORKER, "/api/consents", Map.of("person_id", youth,
                "purpose", purpose, "source", "SA home visit", "subject_birth_date", seventeen,
                "given_by", "GUARDIAN-" + youth, "given_by_role", "GUARDIAN"));
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
    }

    private ObjectNode youthReferral() throws Exception {
        ObjectNode request = (ObjectNode) new ObjectMapper().readTree(Path.of("../samples/youth-referral.json").toFile());
        ((ObjectNode) request.get("header")).put("message_id", "MSG-" + UUID.randomUUID())
                .put("message_ts", Instant.now().toString());
        ((ObjectNode) request.at("/message/youth_referral/0")).put("reference_id", referenceId)
                .put("person_id", youth).put("birth_date", seventeen);
        return request;
    }

    private void saRefers() {
        Map<String, Object> referral = new LinkedHashMap<>();
        referral.put("person_id", youth);
        referral.put("given_name", "Lina");
        referral.put("family_name", "Moreau");
        referral.put("birth_date", seventeen);
        referral.put("family_benefit_status", "ACTIVE");
        referral.put("education_level", "incomplete_secondary");
        referral.put("school_status", "dropped_out");
        referral.put("referral_reason", YouthTransition.REASON_NEET_STATUS);
        agencies.saReports(YouthTransition.MESSAGE_YOUTH_REFERRED, referenceId, referral);
    }

    private String awaitTask(String user, String taskDefinitionKey) {
        return await().atMost(FLOW_TIMEOUT).alias(user + " has a " + taskDefinitionKey + " task for " + referenceId)
                .until(() -> {
                    for (JsonNode task : hub.tasksOf(user, referenceId)) {
                        if (taskDefinitionKey.equals(task.path("taskDefinitionKey").asText())) {
                            return task.path("id").asText();
                        }
                    }
                    return null;
                }, task -> task != null);
    }

    /** The programme ids the choice's select offers, read as Tasklist reads the options variable. */
    private List<String> programmesOffered(String taskId) throws Exception {
        HubClient.Answer variables = hub.get(PES_CASEWORKER,
                "/engine-rest/task/{id}/variables?deserializeValues=false", taskId);
        assertThat(variables.status()).as(variables.body()).isEqualTo(200);
        return new ObjectMapper().readTree(variables.json().path(TrainingEnrolment.VAR_PROGRAMME_OPTIONS)
                .path("value").asText()).findValuesAsText("value");
    }

    private JsonNode pesNotice(String outcome) {
        return await().atMost(FLOW_TIMEOUT).alias("PES received " + outcome + " about " + referenceId)
                .until(() -> noticeWith(agencies.pesNotificationsAbout(referenceId), outcome), notice -> notice != null);
    }

    private JsonNode saNotice(String outcome) {
        return await().atMost(FLOW_TIMEOUT).alias("SA received " + outcome + " about " + referenceId)
                .until(() -> noticeWith(hub.saNotificationsAbout(referenceId), outcome), notice -> notice != null);
    }

    private static JsonNode noticeWith(JsonNode notifications, String outcome) {
        for (JsonNode notification : notifications) {
            JsonNode message = notification.path("body").path("message");
            if (outcome.equals(message.path("outcome").asText())) {
                return message;
            }
        }
        return null;
    }

    private long running(String processKey) {
        return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(processKey)
                .processInstanceBusinessKey(referenceId).count();
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
