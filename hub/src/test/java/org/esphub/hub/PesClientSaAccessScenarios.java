package org.esphub.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.esphub.hub.support.LifecycleDriver.PES_CASEWORKER;
import static org.esphub.hub.support.LifecycleDriver.SA_CASEWORKER;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Instant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.esphub.hub.support.EligiblePeople;
import org.esphub.hub.support.HubClient;
import org.esphub.hub.security.Scopes;
import org.esphub.hub.support.SimulatedAgencies;
import org.esphub.processes.ActivationCompliance;
import org.esphub.processes.PesClientSaAccess;
import org.esphub.simulators.population.SyntheticPopulation;
import org.esphub.simulators.tax.ContributionRegister;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * PRS.EMPL.09 on the real hub: PES's system refers a jobseeker to SA through its simulator (a PES
 * event) or the API ({@code POST /sa-access-requests}, bad input refused with a DCI error), SA's registry gives the household figures, an SA caseworker grants the assistance through the
 * engine REST API as the demo user, and the grant links the PES case and starts the activation
 * obligations; without the person's consent nothing reaches SA and PES is told why. What each agency
 * received is asserted at its simulator: SA no PES case or notes, PES no household figures.
 *
 * <p>Subclasses choose the database.
 */
abstract class PesClientSaAccessScenarios {

    private static final Duration FLOW_TIMEOUT = Duration.ofSeconds(60);
    private static final String PES_CASE = "PES-CASE-2026-0412";
    private static final String API = "/dci/employment/v1.0.0";

    @Autowired
    private ProcessEngine engine;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private SyntheticPopulation population;
    @Autowired
    private ContributionRegister register;
    @Value("${server.port}")
    private int port;

    private HubClient hub;
    private SimulatedAgencies agencies;
    private String person;
    private String referenceId;

    @BeforeEach
    void aPesClient() {
        hub = new HubClient(port);
        agencies = new SimulatedAgencies(hub);
        person = new EligiblePeople(population, register, jdbc).next();
        referenceId = "SAA-" + UUID.randomUUID();
    }

    /**
     * Ends what still runs of the case, the processes it called included (deleting a caller while its
     * called process stays breaks the callee's reference to it on PostgreSQL); a worker may move the
     * case on at the same moment, then it tries again.
     */
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
    void a_pes_referral_granted_by_sa_links_the_pes_case_and_starts_the_obligations_and_each_side_gets_only_its_fields() {
        assertThat(hub.post(PES_CASEWORKER, "/api/consents", Map.of("person_id", person,
                "purpose", PesClientSaAccess.PURPOSE_SOCIAL_ASSISTANCE_ACCESS, "source", "PES referral interview"))
                .status()).isEqualTo(201);
        assertThat(hub.put(SA_CASEWORKER, "/sim/sa/persons/{person}/household-figures",
                Map.of("household_size", 3, "monthly_household_income", "600.00"), person).status()).isEqualTo(200);

        pesRefers();
        JsonNode task = awaitTask(SA_CASEWORKER, PesClientSaAccess.ASSIST_APPLICATION);
        JsonNode shown = hub.taskVariables(SA_CASEWORKER, task.path("id").asText());
        assertThat(shown.at("/preEligibility/value").asText()).isEqualTo(PesClientSaAccess.PRE_ELIGIBILITY_LIKELY);
        assertThat(shown.at("/preEligibilityRuleId/value").asText()).isEqualTo(PesClientSaAccess.RULE_INCOME_BELOW_MINIMUM);
        assertThat(shown.at("/householdSize/value").asInt()).isEqualTo(3);
        assertThat(hub.completeTask(SA_CASEWORKER, task.path("id").asText(), Map.of(
                PesClientSaAccess.VAR_SA_DECISION, PesClientSaAccess.DECISION_GRANTED,
                PesClientSaAccess.VAR_MONTHLY_ASSISTANCE_AMOUNT, 420.0))).isEqualTo(204);

        JsonNode atSa = await().atMost(FLOW_TIMEOUT).alias("SA recorded the application")
                .until(() -> hub.get(SA_CASEWORKER, "/sim/sa/social-assistance-applications?reference_id={ref}",
                        referenceId).json(), applications -> applications.size() == 1).get(0);
        assertThat(atSa.path("sa_decision").asText()).isEqualTo(PesClientSaAccess.DECISION_GRANTED);
        assertThat(atSa.path("referral_reason").asText()).isEqualTo(PesClientSaAccess.REASON_ECONOMIC_HARDSHIP);
        assertThat(fieldNames(atSa)).doesNotContain("pes_case_id", "case_notes", "given_name", "family_name")
                .isSubsetOf("reference_id", "person_id", "referral_reason", "sa_decision", "refusal_reasons",
                        "monthly_assistance_amount", "pre_eligibility", "pre_eligibility_rule_id", "granted_on_appeal",
                        "appeal_deadline");

        JsonNode atPes = pesNotice(PesClientSaAccess.OUTCOME_GRANTED);
        assertThat(atPes.path("pes_case_id").asText()).isEqualTo(PES_CASE);
        assertThat(fieldNames(atPes)).isSubsetOf("reference_id", "person_id", "pes_case_id", "outcome", "reason",
                "appeal_deadline", "explanation");
        // what PES hands its client: the rule that proposed it in plain words and who decided
        assertThat(atPes.at("/explanation/rule_id").asText()).isEqualTo(PesClientSaAccess.RULE_INCOME_BELOW_MINIMUM);
        assertThat(atPes.at("/explanation/approved_by").asText()).isEqualTo(SA_CASEWORKER);
        assertThat(atPes.at("/explanation/summary").asText()).contains("Social Assistance");

        await().atMost(FLOW_TIMEOUT).alias("the activation obligations run for " + referenceId)
                .until(() -> running(ActivationCompliance.PROCESS_KEY) == 1);
        hub.post(SA_CASEWORKER, "/sim/sa/social-assistance/{ref}/ended", Map.of(), referenceId);
        await().atMost(FLOW_TIMEOUT).alias("the case and its obligations end with the assistance")
                .until(() -> running(PesClientSaAccess.PROCESS_KEY) == 0 && running(ActivationCompliance.PROCESS_KEY) == 0);
        assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery()
                .activityId(PesClientSaAccess.ASSISTANCE_ENDED).finished().list())
                .anyMatch(ended -> engine.getHistoryService().createHistoricProcessInstanceQuery()
                        .processInstanceId(ended.getProcessInstanceId()).processInstanceBusinessKey(referenceId)
                        .count() == 1);
    }

    @Test
    void without_the_persons_consent_nothing_reaches_sa_and_pes_is_told_why() throws Exception {
        person = aPersonWhoNeverConsentedToThisReferral();
        String token = hub.clientToken("pes-system", Scopes.SA_ACCESS_REQUEST);
        ObjectNode request = saAccessRequest();
        ObjectNode incomplete = saAccessRequest();
        ((ObjectNode) incomplete.at("/message/sa_access_request/0")).remove("pes_case_id");
        HubClient.Answer refused = hub.postWithToken(token, API + "/sa-access-requests", incomplete.toString());
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().at("/errors/0/code").asText()).isEqualTo("err.request.bad");
        assertThat(running(PesClientSaAccess.PROCESS_KEY)).as("a refused request starts nothing").isZero();

        // PES's system refers through the API this time: the same case as from its event queue
        HubClient.Answer answer = hub.postWithToken(token, API + "/sa-access-requests", request.toString());
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().at("/sa_access_responses/0/status").asText()).isEqualTo("succ");
        ((ObjectNode) request.get("header")).put("message_id", "MSG-" + UUID.randomUUID());
        assertThat(hub.postWithToken(token, API + "/sa-access-requests", request.toString()).json()
                .at("/sa_access_responses/0/status_reason_code").asText())
                .as("one reference, one case").isEqualTo("rjct.sa_access.reference_taken");

        JsonNode atPes = pesNotice(PesClientSaAccess.OUTCOME_EXCHANGE_REFUSED);
        assertThat(atPes.path("reason").asText()).startsWith("CONSENT_MISSING");
        await().atMost(FLOW_TIMEOUT).until(() -> running(PesClientSaAccess.PROCESS_KEY) == 0);
        assertThat(hub.get(SA_CASEWORKER, "/sim/sa/social-assistance-applications?reference_id={ref}", referenceId)
                .json()).isEmpty();
        List<JsonNode> audited = new ArrayList<>();
        hub.auditedAbout(person).forEach(audited::add);
        assertThat(audited).filteredOn(event -> "sa.gov.example".equals(event.path("receiver").asText()))
                .filteredOn(event -> PesClientSaAccess.PURPOSE_SOCIAL_ASSISTANCE_ACCESS.equals(event.path("purpose").asText()))
                .isNotEmpty()
                .allSatisfy(event -> assertThat(event.path("outcome").asText()).isEqualTo("REFUSED"));
        assertThat(hub.tasksOf(SA_CASEWORKER, referenceId)).isEmpty();
    }

    @Test
    void a_pes_caseworker_refers_from_the_start_form_in_tasklist_and_the_instance_becomes_the_reference() {
        Map<String, Object> form = Map.of(
                PesClientSaAccess.VAR_PERSON_ID, Map.of("value", person),
                PesClientSaAccess.VAR_GIVEN_NAME, Map.of("value", "Samir"),
                PesClientSaAccess.VAR_FAMILY_NAME, Map.of("value", "Okafor"),
                PesClientSaAccess.VAR_PES_CASE_ID, Map.of("value", PES_CASE),
                PesClientSaAccess.VAR_REFERRAL_REASON, Map.of("value", PesClientSaAccess.REASON_CLIENT_REQUEST));
        assertThat(hub.post(SA_CASEWORKER, "/engine-rest/process-definition/key/{key}/submit-form",
                Map.of("variables", form), PesClientSaAccess.PROCESS_KEY).status())
                .as("only PES caseworkers refer to SA").isEqualTo(403);

        HubClient.Answer started = hub.post(PES_CASEWORKER, "/engine-rest/process-definition/key/{key}/submit-form",
                Map.of("variables", form), PesClientSaAccess.PROCESS_KEY);

        assertThat(started.status()).as(started.body()).isEqualTo(200);
        referenceId = started.json().path("id").asText();
        assertThat(started.json().path("businessKey").asText()).isEqualTo(referenceId);
        // from the history: without the person's consent the case may already have ended
        assertThat(caseVariable(PesClientSaAccess.VAR_REFERENCE_ID)).isEqualTo(referenceId);
        assertThat(caseVariable(PesClientSaAccess.VAR_PES_CASE_ID)).isEqualTo(PES_CASE);
    }

    private Object caseVariable(String name) {
        return engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(referenceId)
                .variableName(name).list().stream()
                .filter(variable -> referenceId.equals(variable.getActivityInstanceId()))
                .map(variable -> variable.getValue()).findFirst().orElse(null);
    }

    /** A person of SA's registry whom no test run (on this database) recorded a consent to this referral for. */
    private String aPersonWhoNeverConsentedToThisReferral() {
        return population.all().stream()
                .map(candidate -> candidate.personId())
                .filter(id -> !population.isDemoPersona(id))
                .filter(id -> jdbc.queryForObject("SELECT COUNT(*) FROM esp_consent WHERE person_id = ? AND purpose = ?",
                        Integer.class, id, PesClientSaAccess.PURPOSE_SOCIAL_ASSISTANCE_ACCESS) == 0)
                .reduce((first, second) -> second)
                .orElseThrow(() -> new IllegalStateException("every person consented to a referral to SA"));
    }

    private ObjectNode saAccessRequest() throws Exception {
        ObjectNode request = (ObjectNode) new ObjectMapper().readTree(Path.of("../samples/sa-access-request.json").toFile());
        ((ObjectNode) request.get("header")).put("message_id", "MSG-" + UUID.randomUUID())
                .put("message_ts", Instant.now().toString());
        ((ObjectNode) request.at("/message/sa_access_request/0")).put("reference_id", referenceId)
                .put("person_id", person).put("pes_case_id", PES_CASE);
        return request;
    }

    private void pesRefers() {
        assertThat(hub.post(PES_CASEWORKER, "/sim/pes/sa-access-requests", Map.of("reference_id", referenceId,
                "person_id", person, "given_name", "Samir", "family_name", "Okafor", "pes_case_id", PES_CASE,
                "referral_reason", PesClientSaAccess.REASON_ECONOMIC_HARDSHIP)).status()).isEqualTo(202);
    }

    private JsonNode awaitTask(String user, String taskDefinitionKey) {
        return await().atMost(FLOW_TIMEOUT).alias(user + " has a " + taskDefinitionKey + " task for " + referenceId)
                .until(() -> {
                    for (JsonNode task : hub.tasksOf(user, referenceId)) {
                        if (taskDefinitionKey.equals(task.path("taskDefinitionKey").asText())) {
                            return task;
                        }
                    }
                    return null;
                }, task -> task != null);
    }

    private JsonNode pesNotice(String outcome) {
        return await().atMost(FLOW_TIMEOUT).alias("PES received " + outcome + " about " + referenceId)
                .until(() -> {
                    for (JsonNode notification : agencies.pesNotificationsAbout(referenceId)) {
                        JsonNode message = notification.path("body").path("message");
                        if (outcome.equals(message.path("outcome").asText())) {
                            return message;
                        }
                    }
                    return null;
                }, notice -> notice != null);
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
