package org.esphub.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.esphub.hub.support.LifecycleDriver.PES_CASEWORKER;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.client.ExternalTaskClient;
import org.camunda.bpm.engine.ProcessEngine;
import org.esphub.hub.kpi.KpiGauges;
import org.esphub.hub.security.Scopes;
import org.esphub.hub.support.AgencyBroker;
import org.esphub.hub.support.EligiblePeople;
import org.esphub.hub.support.EngineClock;
import org.esphub.hub.support.HubClient;
import org.esphub.hub.support.LifecycleDriver;
import org.esphub.hub.support.SimulatedAgencies;
import org.esphub.processes.ReferralToPes;
import org.esphub.simulators.population.SyntheticPopulation;
import org.esphub.simulators.tax.ContributionRegister;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The oversight KPIs on the real hub: two referrals driven through the engine, one to an agreed plan,
 * one left in the PES inbox; the KPIs of the month move by exactly what they did (the database may
 * hold other cases, so the figures are compared before and after). Also who may read them, the CSV,
 * and a bad request.
 *
 * <p>Subclasses choose the database.
 */
abstract class OversightKpisScenarios {

    private static final String KPIS = "/api/kpis?granularity=month&periods=1";

    @Value("${esp.messaging.acceptor-url}")
    private String acceptorUrl;
    @Autowired
    private ProcessEngine engine;
    @Autowired
    private ExternalTaskClient workers;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private SyntheticPopulation population;
    @Autowired
    private ContributionRegister register;
    @Autowired
    private KpiGauges gauges;
    @Autowired
    private MeterRegistry meters;
    @Value("${server.port}")
    private int port;

    private HubClient hub;
    private EngineClock clock;
    private LifecycleDriver planAgreed;
    private LifecycleDriver waiting;

    @BeforeEach
    void drivers() {
        hub = new HubClient(port);
        SimulatedAgencies agencies = new SimulatedAgencies(hub);
        clock = new EngineClock(engine.getManagementService(), workers);
        planAgreed = new LifecycleDriver(hub, agencies, AgencyBroker.as(acceptorUrl, AgencyBroker.SA), engine, clock);
        waiting = new LifecycleDriver(hub, agencies, AgencyBroker.as(acceptorUrl, AgencyBroker.SA), engine, clock);
    }

    @AfterEach
    void endTheReferrals() {
        planAgreed.endIfRunning();
        waiting.endIfRunning();
        clock.reset();
    }

    @Test
    void the_months_kpis_count_exactly_what_the_referrals_did() {
        Map<String, JsonNode> before = latest();
        JsonNode funnelBefore = report().path("funnel").path("referrals");
        EligiblePeople people = new EligiblePeople(population, register, jdbc);

        planAgreed.referOnQueue(people.next());
        waiting.referOnQueue(people.next());
        planAgreed.assessWorkReady(ReferralToPes.PATHWAY_JOB_SEARCH, "Ready for warehouse work");
        planAgreed.saNotice(ReferralToPes.OUTCOME_SERVICES_COMMENCED);
        planAgreed.tree().awaitPassedThrough(ReferralToPes.ACTIVATION_PLAN_AGREED, 1);
        waiting.awaitTask(PES_CASEWORKER, ReferralToPes.INTAKE);

        Map<String, JsonNode> after = latest();
        // both found eligible and accepted by PES; one intake completed, in time; one plan agreed, no placement yet
        assertMoved(before, after, "referral_acceptance_rate", 2, 2);
        assertMoved(before, after, "intake_completion_rate", 1, 2);
        assertMoved(before, after, "first_contact_within_5_working_days", 1, 1);
        assertMoved(before, after, "placement_within_6_months", 0, 1);
        assertThat(after.get("referral_to_first_service_hours").path("denominator").asLong())
                .isEqualTo(before.get("referral_to_first_service_hours").path("denominator").asLong() + 1);
        assertThat(after.get("consent_coverage").path("numerator").asDouble())
                .as("the referrals' exchanges went under the consent SA recorded")
                .isGreaterThan(before.get("consent_coverage").path("numerator").asDouble());

        // the gauges: computed on their schedule (here at once); a scrape reads them (tests export no metrics)
        gauges.refresh();
        assertThat(meters.find(KpiGauges.CASES).tag("kpi", "intake_completion_rate").gauge().value())
                .isEqualTo(after.get("intake_completion_rate").path("denominator").asDouble());
        assertThat(meters.find(KpiGauges.VALUE).tag("kpi", "referral_acceptance_rate").tag("unit", "percent").gauge())
                .isNotNull();

        JsonNode funnel = report().path("funnel").path("referrals");
        long[] moved = {2, 2, 2, 1, 1, 0, 0};
        for (int stage = 0; stage < moved.length; stage++) {
            assertThat(funnel.get(stage).asLong() - funnelBefore.get(stage).asLong()).as("funnel stage %d", stage)
                    .isEqualTo(moved[stage]);
        }
    }

    @Test
    void oversight_auditors_and_process_owners_read_the_kpis_caseworkers_and_agencies_do_not() {
        for (String reader : new String[] {"oversight", "auditor", "process-owner"}) {
            HubClient.Answer answer = hub.get(reader, KPIS);
            assertThat(answer.status()).as(reader).isEqualTo(200);
            assertThat(answer.json().path("region").asText()).isEqualTo("all");
            assertThat(answer.json().path("kpis")).hasSize(18);
            JsonNode first = answer.json().path("kpis").get(0);
            assertThat(first.path("numerator").asText()).isNotBlank();
            assertThat(first.path("denominator").asText()).isNotBlank();
        }
        for (String other : new String[] {"sa-worker", "pes-worker", "appeals-officer", "admin"}) {
            assertThat(hub.get(other, KPIS).status()).as(other).isEqualTo(403);
        }
        String agency = hub.clientToken("sa-system", Scopes.REFERRAL_CREATE);
        assertThat(hub.getWithToken(agency, KPIS).status()).isEqualTo(403);
        assertThat(hub.statusOf("/kpi", null, null)).as("the page holds no figure").isEqualTo(200);

        HubClient.Answer csv = hub.getAccepting("oversight", "text/csv", "/api/kpis.csv?periods=2");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0]).startsWith("kpi,period,value,unit,numerator,denominator");
        assertThat(lines).hasSize(1 + 18 * 2);
        assertThat(hub.getAccepting("auditor", "text/csv", "/api/kpis?format=csv").body()).startsWith("kpi,period");

        HubClient.Answer bad = hub.get("oversight", "/api/kpis?granularity=year&periods=99");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("errors").get(0).path("code").asText()).isEqualTo("err.request.bad");
        assertThat(bad.body()).doesNotContain("Exception");
    }

    private JsonNode report() {
        HubClient.Answer answer = hub.get("oversight", KPIS);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    /** The month's figure of every KPI, by id. */
    private Map<String, JsonNode> latest() {
        Map<String, JsonNode> figures = new HashMap<>();
        for (JsonNode kpi : report().path("kpis")) {
            figures.put(kpi.path("id").asText(), kpi.path("figures").get(0));
        }
        return figures;
    }

    private static void assertMoved(Map<String, JsonNode> before, Map<String, JsonNode> after, String kpi,
            long numerator, long denominator) {
        assertThat(after.get(kpi).path("numerator").asLong() - before.get(kpi).path("numerator").asLong())
                .as("%s numerator", kpi).isEqualTo(numerator);
        assertThat(after.get(kpi).path("denominator").asLong() - before.get(kpi).path("denominator").asLong())
                .as("%s denominator", kpi).isEqualTo(denominator);
    }
}
